import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // Vite would load graphql's ESM build for our sources while type-graphql and Apollo, loaded by Node, get its
  // CommonJS build: two copies, and a custom scalar from one is not a scalar to the other. One entry for all.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each file starts a real server on its own database; the machine has two cores.
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
