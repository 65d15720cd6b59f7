// Reads the dashboard's source for the i18n tests (test/web/dashboardStrings.node.test.ts and the pseudo-locale browser test):
// the literal English shown to people (JSX text, text attributes, rendered string literals) and the catalog keys in use.
import { parse } from "@babel/parser";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DASHBOARD = join(ROOT, "web", "dashboard");

/** Attributes whose value people read (or hear: aria-label), including the dashboard's own components' text props. */
export const TEXT_ATTRIBUTES = new Set(["title", "placeholder", "aria-label", "alt", "label", "sub", "saved", "hint", "head", "confirmLabel", "empty"]);

/** Literal text that is not a word to translate: brand and product names, and code shown as code. */
export const ALLOWED = new Set(["Edgedesk", "Shopify", "Zendesk", "Gorgias", "Twilio", "WhatsApp", "Instagram", "SMS", "API", "JSON", "CSV", "HTTP", "HTTPS", "URL", "OK"]);

/** Parts of elements that show code, not words: their text is left alone. */
const CODE_ELEMENTS = new Set(["code", "kbd", "pre", "samp"]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

type Node = { type: string; start: number; end: number; loc: { start: { line: number } }; [k: string]: unknown };

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}

function walk(node: Node, parent: Node | null, visit: (n: Node, parent: Node | null) => boolean | void): void {
  if (visit(node, parent) === false) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === "loc" || k.endsWith("Comments")) continue;
    if (Array.isArray(v)) for (const c of v) isNode(c) && walk(c, node, visit);
    else if (isNode(v)) walk(v, node, visit);
  }
}

export function dashboardFiles(ext: RegExp = /\.tsx?$/): string[] {
  const out: string[] = [];
  const dir = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) dir(join(d, e.name));
      else if (ext.test(e.name) && !e.name.endsWith(".d.ts")) out.push(join(d, e.name));
    }
  };
  dir(DASHBOARD);
  return out.sort();
}

export function parseFile(file: string): Node {
  return parse(readFileSync(file, "utf8"), { sourceType: "module", plugins: ["typescript", "jsx"] }).program as unknown as Node;
}

/** True when a literal holds something to translate: two letters in a row that are not an allowed name. */
export function hasWords(text: string): boolean {
  const rest = text.trim();
  if (ALLOWED.has(rest)) return false;
  return /\p{L}{2,}/u.test(rest);
}

/** The JSX way of reading text: lines trimmed, joined with a space (what the browser shows). */
function jsxText(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
}

/** String and template literals an expression renders directly (its branches for ?: and &&/||/??). */
function renderedLiterals(e: Node): { node: Node; text: string }[] {
  if (e.type === "StringLiteral") return [{ node: e, text: e.value as string }];
  if (e.type === "TemplateLiteral") return [{ node: e, text: (e.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join("…") }];
  if (e.type === "ConditionalExpression") return [...renderedLiterals(e.consequent as Node), ...renderedLiterals(e.alternate as Node)];
  if (e.type === "LogicalExpression") return renderedLiterals(e.right as Node);
  return [];
}

/** Literal English in JSX: text children, text attributes and string literals rendered as children. */
export function untranslatedJsx(file: string): Finding[] {
  const found: Finding[] = [];
  const rel = relative(ROOT, file);
  const add = (node: Node, text: string) => {
    if (hasWords(text)) found.push({ file: rel, line: node.loc.start.line, text: text.trim() });
  };
  walk(parseFile(file), null, (n, parent) => {
    if (n.type === "JSXElement") {
      const name = ((n.openingElement as Node).name as Node).name;
      if (typeof name === "string" && CODE_ELEMENTS.has(name)) return false;
    }
    if (n.type === "JSXText") add(n, jsxText(n.value as string));
    if (n.type === "JSXAttribute") {
      const name = (n.name as Node).name;
      const value = n.value as Node | null;
      if (typeof name === "string" && TEXT_ATTRIBUTES.has(name) && value) {
        if (value.type === "StringLiteral") add(value, value.value as string);
        else if (value.type === "JSXExpressionContainer") for (const l of renderedLiterals(value.expression as Node)) add(l.node, l.text);
      }
    }
    if (n.type === "JSXExpressionContainer" && parent && (parent.type === "JSXElement" || parent.type === "JSXFragment")) {
      for (const l of renderedLiterals(n.expression as Node)) add(l.node, l.text);
    }
  });
  return found;
}

/** Every string literal in the dashboard's code (keys are passed around in tables too), and `prefix.${…}` template heads. */
export function literalsInCode(): { strings: Set<string>; templateHeads: Set<string>; calls: Finding[] } {
  const strings = new Set<string>();
  const templateHeads = new Set<string>();
  const calls: Finding[] = [];
  for (const file of dashboardFiles()) {
    if (file.includes(`${join("dashboard", "i18n")}`)) continue;
    walk(parseFile(file), null, (n) => {
      if (n.type === "StringLiteral") strings.add(n.value as string);
      if (n.type === "TemplateLiteral") {
        const head = ((n.quasis as Node[])[0]?.value as { cooked: string } | undefined)?.cooked ?? "";
        if ((n.expressions as Node[]).length > 0 && head) templateHeads.add(head);
        else if (head) strings.add(head);
      }
      if (n.type === "CallExpression" && (n.callee as Node).type === "Identifier" && ["t", "tn"].includes((n.callee as Node).name as string)) {
        const arg = (n.arguments as Node[])[0];
        if (arg?.type === "StringLiteral") calls.push({ file: relative(ROOT, file), line: n.loc.start.line, text: `${(n.callee as Node).name as string}:${arg.value as string}` });
      }
    });
  }
  return { strings, templateHeads, calls };
}

/** Sentence-like literals anywhere in the code ("Could not load…", `Merged #${n}`): toasts, confirm() texts, errors. */
export function sentenceLiterals(file: string): Finding[] {
  const found: Finding[] = [];
  const rel = relative(ROOT, file);
  walk(parseFile(file), null, (n) => {
    if (n.type === "ImportDeclaration" || n.type === "ExportNamedDeclaration" || n.type.startsWith("TS")) return n.type === "ExportNamedDeclaration" ? undefined : false;
    if (n.type === "JSXElement") {
      const name = ((n.openingElement as Node).name as Node).name;
      if (typeof name === "string" && CODE_ELEMENTS.has(name)) return false;
    }
    let text: string | null = null;
    if (n.type === "StringLiteral") text = n.value as string;
    if (n.type === "TemplateLiteral") text = (n.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join("{…}");
    if (text !== null && /^[\p{Lu}#{][^\n]*\p{Ll}{2,}\s+\p{L}{2,}/u.test(text.trim()) && !ALLOWED.has(text.trim())) found.push({ file: rel, line: n.loc.start.line, text: text.trim() });
  });
  return found;
}
