import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** `npm run dev`: Vite on 5173 with hot reload, the API (and its Socket.io) behind it. */
const apiTarget = process.env.LOCALKART_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  // Pre-compressed .br and .gz copies, which the API sends to browsers that accept them.
  plugins: [react(), tailwindcss(), compression({ logLevel: 'silent' })],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/uploads': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
