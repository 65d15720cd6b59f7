// Two projects: "workers" runs inside workerd with the Worker's bindings and D1 migrations;
// "node" runs adapter tests that need real local HTTP servers (fake Zendesk, Shopify, …).
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(fileURLToPath(new URL("./migrations", import.meta.url)));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: "development" } },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.node.test.ts"],
          setupFiles: ["./test/setup.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          // Browser flows are many steps, each with its own wait; on 2 cores shared with the workerd suite
          // a whole flow can take longer than the default budget without anything being wrong.
          testTimeout: 120_000,
          include: ["test/**/*.node.test.ts"],
        },
      },
    ],
  },
});
