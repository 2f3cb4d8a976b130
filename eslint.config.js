import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // In tests an index that must exist is asserted by the test itself failing; the `!` only saves noise.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Core is shared with the browser and must stay free of I/O: no Node built-ins, no database, no network.
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "http", "https", "net", "crypto"], message: "core has no I/O" },
            { group: ["@waymark/api", "@waymark/web", "react", "graphql", "drizzle-orm", "better-sqlite3", "pg"], message: "core depends on nothing of ours or any framework" },
          ],
        },
      ],
    },
  },
);
