import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

it("bundles the default (production) Worker with wrangler deploy --dry-run", () => {
  const outdir = mkdtempSync(join(tmpdir(), "edgedesk-deploy-"));
  try {
    const r = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
      timeout: 120_000,
    });
    expect(r.status, r.stderr || r.stdout).toBe(0);
    expect(r.stdout).toMatch(/env\.AI/);
    // A plain `wrangler deploy` ships production mode and no development secret (issue 10 item 5).
    expect(r.stdout).toMatch(/ENVIRONMENT[^\n]*production/);
    expect(r.stdout).not.toMatch(/development|TOKEN_SECRET/);
    const bundle = readdirSync(outdir).find((f) => f.endsWith(".js"));
    expect(bundle).toBeDefined();
    // Workers' free plan allows 3 MB compressed; stay far below it uncompressed.
    expect(statSync(join(outdir, bundle as string)).size).toBeLessThan(3 * 1024 * 1024);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}, 120_000);
