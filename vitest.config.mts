import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", env: { NODE_ENV: "test" } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["test/support/integration-setup.ts"],
          globalSetup: ["test/support/integration-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", NODE_ENV: "test" },
        },
      },
    ],
  },
});
