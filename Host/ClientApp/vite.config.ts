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
    // X6's package says "type": "module" but its main build is CommonJS, which Node will not load:
    // tests take its ES build through Vite, as the bundler does.
    alias: [{ find: /^@antv\/x6$/, replacement: '@antv/x6/es/index.js' }],
    server: { deps: { inline: ['@antv/x6'] } },
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
