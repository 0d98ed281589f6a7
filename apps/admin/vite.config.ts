import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** `npm run dev --workspace @localkart/admin`: Vite on 5174 with hot reload, the API behind it. */
const apiTarget = process.env.LOCALKART_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  // The API serves the build under /admin (apps/api/src/platform/http/web-app.ts).
  base: '/admin/',
  // Pre-compressed .br and .gz copies, which the API sends to browsers that accept them.
  plugins: [react(), tailwindcss(), compression({ logLevel: 'silent' })],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: {
    port: 5174,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
