/**
 * The console build: root `console/`, output `console/dist`, served at `/` by the platform
 * (src/server/routes/console.ts). `vite --config console/vite.config.ts` runs a dev server that
 * proxies the API to a platform on :4100 (override with FORGE_API).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.FORGE_API ?? 'http://127.0.0.1:4100';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': api, '/health': api } },
});
