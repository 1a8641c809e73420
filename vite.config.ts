import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // elkjs (auto-layout, ~1.4 MB) is loaded lazily on first use; every eagerly loaded chunk stays far below this.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat)[\\/]/ },
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-shape|d3-scale|decimal\.js-light|es-toolkit|@reduxjs|immer|redux|reselect|use-sync-external-store|react-redux)[\\/]/,
            },
          ],
        },
      },
    },
  },
  preview: { port: 4173 },
  server: { port: 5173 },
});
