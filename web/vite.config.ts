/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.LT_DEV_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    proxy: {
      // changeOrigin rewrites Host; the Origin header is rewritten too so the server's CSRF check
      // (Origin must equal its own origin) accepts mutations made through the dev server.
      '/api': {
        target: backend,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', backend);
          });
        },
      },
      '/healthz': { target: backend, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 900 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // jsdom renders of Mantine pages take seconds on a busy 2-core machine; 5 s flaked there
    testTimeout: 20_000,
    // One jsdom per worker, not per file: setting up jsdom and importing Mantine for each of the
    // files was four fifths of the run (69 s, now about 12 s). Files share a window, so globals
    // stubbed by a test are put back after it, and the setup file cleans the DOM after each test.
    isolate: false,
    unstubGlobals: true,
  },
});
