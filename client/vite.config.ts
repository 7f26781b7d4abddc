/// <reference types="vitest/config" />
/** Vite build and dev server for the traveller app; unit tests of pure helpers run under the same config. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const server = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each text asset, so the server never compresses a file per request
    // (server/src/http/static-client.ts picks the one the browser accepts). The original stays for clients
    // that accept neither.
    // The installable app: its manifest, and the service worker (sw/service-worker.ts) that opens it offline
    // with the list of built files to precache injected (the compressed copies are the server's business).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'service-worker.ts',
      injectRegister: false, // src/offline/register-service-worker.ts does it, in production only
      manifest: {
        name: 'Escale',
        short_name: 'Escale',
        description: 'Your bookings at hand, and good ideas for the next hour, with the reason why.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#faf7f2',
        theme_color: '#c2410c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
        // Compressed copies are the server's business; Mapbox is only used with a token, online.
        globIgnores: ['**/*.br', '**/*.gz', '**/mapbox-gl-*', '**/MapboxMap-*'],
        // The map library is the largest file (about 1 MB); it is precached so a booking's map draws offline.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
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
