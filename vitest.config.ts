// Projects (npm scripts pick them with --project):
//   "workers" — the suite inside workerd with the Worker's bindings and D1 migrations          (npm test)
//   "node"    — quick Node-side tests: adapters against local fake HTTP servers, handoff, …    (npm test)
//   "browser" — real chromium against ONE shared `wrangler dev` started in globalSetup        (npm run test:browser)
//   "deploy"  — `wrangler deploy --dry-run` of the production Worker                          (npm run test:deploy)
//   "eval"    — the router's evaluation and byte-for-byte retraining check                   (npm run test:eval)
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(fileURLToPath(new URL("./migrations", import.meta.url)));

const browserTests = ["test/browser/**/*.node.test.ts"];
const deployTests = ["test/deploy.node.test.ts"];
const evalTests = ["test/agent/eval.node.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: "development", PUBLIC_URL: "https://help.shop.example" } },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.node.test.ts"],
          setupFiles: ["./test/setup.ts"],
          // One workerd for the whole suite instead of one per file (57 × ~1-2 s of startup and module loading on
          // 2 cores: ~5.5 min → ~1 min). Files then share D1 and Durable Object storage (the plugin's documented
          // "--max-workers=1 --no-isolate" mode), so one file at a time, and every test makes its own data
          // (signup() with unique names, ids it created): nothing may count or reset rows it did not create.
          isolate: false,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/**/*.node.test.ts"],
          exclude: [...browserTests, ...deployTests, ...evalTests],
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: browserTests,
          globalSetup: ["./test/browser/globalSetup.ts"],
          // The files share one dev server and the demo account: one file at a time keeps them from interleaving
          // (and keeps 2 cores from being split between wrangler, chromium and several flows).
          fileParallelism: false,
          // Browser flows are many steps, each with its own wait.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "deploy",
          environment: "node",
          include: deployTests,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "eval",
          environment: "node",
          include: evalTests,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
