// The browser test: Debian's Chromium driven by playwright-core against a running gateway
// (PORTAL_URL, default http://127.0.0.1:3066). Not part of `test`: it needs the platform up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['browser/**/*.browser-spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page waits on the services (a sign-in hashes its password with argon2): on a busy two-core machine that can
    // take seconds, never the one second expect.poll waits by default.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
