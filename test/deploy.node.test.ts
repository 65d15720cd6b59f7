import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
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
    // Workers limit the compressed script (3 MB on the free plan, 10 MB on paid): stay under a third of the free
    // plan's limit. The embedded router model and language profiles make most of the uncompressed size.
    const code = readFileSync(join(outdir, bundle as string));
    expect(gzipSync(code).length).toBeLessThan(1024 * 1024);
    expect(code.length).toBeLessThan(5 * 1024 * 1024);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}, 120_000);
