/// <reference types="vitest/config" />
/** Vite build and dev server for the traveller app; unit tests of pure helpers run under the same config. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const server = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each text asset, so the server never compresses a file per request
    // (server/src/http/static-client.ts picks the one the browser accepts). The original stays for clients
    // that accept neither.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|mjs|css|html|svg|json|txt)$/, threshold: 1024 }),
  ],
  server: {
    port: 5173,
    // The API and the WebSocket live on the Node server; proxying keeps them same-origin so the session
    // cookie and the CSP's connect-src 'self' work exactly as in production.
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/ws': { target: server, ws: true },
    },
  },
  build: {
    // The map library (maplibre or mapbox) is a lazy chunk of about 1 MB; the initial bundle is checked
    // against the 250 KB gzip budget separately, so this only silences the warning for that chunk.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
