import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Three projects: unit (shared + backend, real SQLite), renderer (jsdom), e2e (real Chromium). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A page's state polled in real Chromium: vitest's 1 s default ran out on a loaded 2-core CI
          // machine (a highlight drawn after a selection); a state that never comes still fails.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
