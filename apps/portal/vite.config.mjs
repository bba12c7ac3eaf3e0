// The portal's build (into dist/, which the gateway serves at /) and its unit tests.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  // `npm run dev`: the API from the gateway on this machine, so cookies stay same-origin.
  server: { proxy: { '/api': process.env.PORTAL_GATEWAY_URL ?? 'http://127.0.0.1:3066' } },
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
