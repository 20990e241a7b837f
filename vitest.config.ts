import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', '**/cdk.out/**', 'docs/.vitepress/cache/**', 'labs/*/exercise/**', 'labs/*/solution/**'],
    // The SDK warns once per process that Node 20 support ends in 2027; tests need not repeat it hundreds of times.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
