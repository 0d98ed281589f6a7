import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file opens its own database; two cores cannot run many PGlite instances at once.
    maxWorkers: 2,
    // Vitest's default of 1 s is less than a loaded CI machine may take to answer a request and
    // render it: the admin journey's audit-log filter once failed "expected 3 to be 2" that way.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          // Browser code is tested in the simulated DOM below.
          exclude: ['apps/web/**', 'apps/admin/**', 'packages/web-kit/**', '**/node_modules/**'],
        },
      },
      // The web and admin apps' components and hooks, and what they share, in a simulated DOM.
      {
        extends: true,
        test: {
          name: 'web',
          include: [
            'apps/web/src/**/*.test.{ts,tsx}',
            'apps/admin/src/**/*.test.{ts,tsx}',
            'packages/web-kit/src/**/*.test.{ts,tsx}',
          ],
          environment: 'happy-dom',
        },
      },
      // The built apps in Chromium against a server of their own (apps/web/e2e/server.ts).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.test.ts', 'apps/admin/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
