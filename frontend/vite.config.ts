import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No dev proxy: the app calls the gateway cross-origin (VITE_GATEWAY_URL), as it does when deployed,
// so the gateway's CORS settings are exercised in development too.
export default defineConfig({
  plugins: [react()],
  server: { strictPort: true },
  build: { outDir: 'dist' },
});
