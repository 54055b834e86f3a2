import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the Koa server at /admin; in `vite dev` the API is proxied to the local server.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/size.mjs walks the manifest to measure the initial chunks.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
