import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The Host serves the built client from its wwwroot (one origin: cookie sign-in and anti-forgery
// work as they do for the API). `npm run dev` proxies the API to a Host started with ops/run.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
