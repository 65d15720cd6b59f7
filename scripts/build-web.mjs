// Bundles the front ends with esbuild: the chat widget → web/public/widget.js, the dashboard → web/public/app/.
// Usage: node scripts/build-web.mjs [--watch]. Fails when the widget grows past its gzipped size budget.
import { build, context } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const at = (p) => join(root, p);
const watch = process.argv.includes("--watch");
const WIDGET_BUDGET_BYTES = 30 * 1024;
/** What the dashboard's first load fetches (app.js + app.css), gzipped. */
const DASHBOARD_BUDGET_BYTES = 100 * 1024;

/** @type {import("esbuild").BuildOptions} */
const widget = {
  entryPoints: [at("web/widget/widget.ts")],
  outfile: at("web/public/widget.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  tsconfig: at("web/tsconfig.json"),
};

/** @type {import("esbuild").BuildOptions} */
const dashboard = {
  entryPoints: { app: at("web/dashboard/main.tsx") },
  outdir: at("web/public/app"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: !watch,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  tsconfig: at("web/tsconfig.json"),
};

function copyDashboardHtml() {
  mkdirSync(at("web/public/app"), { recursive: true });
  copyFileSync(at("web/dashboard/index.html"), at("web/public/app/index.html"));
}

function reportWidgetSize() {
  const raw = readFileSync(widget.outfile);
  const gz = gzipSync(raw, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`widget.js: ${kb(raw.length)} minified, ${kb(gz)} gzipped (budget ${kb(WIDGET_BUDGET_BYTES)})`);
  return gz;
}

if (watch) {
  copyDashboardHtml();
  const sizePlugin = { name: "size", setup: (b) => b.onEnd((r) => { if (r.errors.length === 0) reportWidgetSize(); }) };
  const ctxs = await Promise.all([context({ ...widget, plugins: [sizePlugin] }), context(dashboard)]);
  await Promise.all(ctxs.map((c) => c.watch()));
  console.log("build-web: watching web/widget and web/dashboard");
} else {
  copyDashboardHtml();
  await Promise.all([build(widget), build(dashboard)]);
  const gz = reportWidgetSize();
  if (gz > WIDGET_BUDGET_BYTES) {
    console.error(`widget.js is over its ${WIDGET_BUDGET_BYTES} byte gzipped budget`);
    process.exit(1);
  }
  const first = ["app.js", "app.css", "index.html"].map((f) => join(dashboard.outdir, f)).reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  console.log(`dashboard first load: ${(first / 1024).toFixed(1)} KB gzipped (budget ${(DASHBOARD_BUDGET_BYTES / 1024).toFixed(1)} KB)`);
  if (first > DASHBOARD_BUDGET_BYTES) {
    console.error(`the dashboard's first load is over its ${DASHBOARD_BUDGET_BYTES} byte gzipped budget: split a page out (esbuild splitting)`);
    process.exit(1);
  }
  console.log("dashboard: web/public/app/{index.html,app.js,app.css}");
}
