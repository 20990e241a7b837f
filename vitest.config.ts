import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', '**/cdk.out/**', 'docs/.vitepress/cache/**', 'labs/*/exercise/**', 'labs/*/solution/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
