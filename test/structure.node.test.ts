// The code's shape, kept by a test rather than by memory (issue 8): actors stay thin, files stay readable, features
// don't reach into the composition layer, and no two modules import each other round a circle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const SOURCE_DIRS = ["src", "durable-objects", "web"];
/** Generated or data-only modules: their length is their content. */
const DATA_FILE = /(\/data\/|\.data\.ts$|\/model\.json|\/profiles\/|router\/weights|lexicon\.generated)/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== "node_modules" && name !== "dist") out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']/gm;

/** Relative imports of a file, resolved to repository paths (type-only imports included: they still couple). */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = relative(ROOT, resolve(join(ROOT, dirname(file)), m[2]!)).replace(/\.js$/, ".ts");
    out.push({ target, typeOnly: Boolean(m[1]) });
  }
  return out;
}

describe("code shape", () => {
  it("keeps the ticket actor a thin shell (≤ 400 lines) and every source file under 500 lines", () => {
    const lines = (f: string) => readFileSync(join(ROOT, f), "utf8").split("\n").length - 1;
    expect(lines("durable-objects/ticket.ts")).toBeLessThanOrEqual(400);
    const long = files.filter((f) => !DATA_FILE.test(f) && lines(f) > 500).map((f) => `${f}: ${lines(f)} lines`);
    expect(long).toEqual([]);
  });

  it("lets nothing in src/ but the Worker entry import durable-objects/", () => {
    const offenders = files
      .filter((f) => f.startsWith("src/") && f !== "src/index.ts")
      .flatMap((f) => importsOf(f).filter((i) => i.target.startsWith("durable-objects/")).map((i) => `${f} → ${i.target}`));
    expect(offenders).toEqual([]);
  });

  it("has no import circle among runtime imports", () => {
    const graph = new Map<string, string[]>();
    for (const f of files) graph.set(f, importsOf(f).filter((i) => !i.typeOnly).map((i) => i.target));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      path.push(f);
      for (const next of graph.get(f) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(f, "done");
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("finds the files it checks (the walk itself works)", () => {
    expect(files).toContain("durable-objects/ticket.ts");
    expect(files).toContain("src/index.ts");
    expect(importsOf("durable-objects/ticket.ts").some((i) => i.target === "src/tickets/intake.ts")).toBe(true);
  });
});
