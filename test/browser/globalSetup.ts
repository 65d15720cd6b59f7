// globalSetup of the "browser" vitest project: builds the front ends once and starts the one `wrangler dev` every browser
// test file shares (fresh state on a free port, demo account seeded). Files get its address through inject("browserServer").
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ARTIFACTS, ROOT, hasChromium, runOrThrow, startDevServer } from "./devServer.ts";

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) {
    // devServer.ts has already failed the run if EDGEDESK_REQUIRE_BROWSER is set; otherwise every file skips.
    console.warn("[browser tests] skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
    project.provide("browserServer", null);
    return undefined;
  }
  runOrThrow([join(ROOT, "scripts", "build-web.mjs")], "build-web");
  const server = await startDevServer();
  project.provide("browserServer", { base: server.base, state: server.state });
  return async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "wrangler-dev.log"), server.log());
    await server.stop();
  };
}
