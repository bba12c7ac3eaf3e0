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
  },
});
