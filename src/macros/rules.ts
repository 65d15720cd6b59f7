// Macros (saved replies): filling {{placeholders}} when an agent uses one, and checking them when it is saved.
//
// Rules: placeholders are `{{name}}` with optional spaces inside the braces, names case-sensitive.
// Known names fill in; a missing value gets a fallback that still reads well ("Hi there");
// unknown placeholders stay visible as written, so a typo shows up instead of vanishing.

export type MacroContext = {
  customer: { name?: string | null; email?: string | null };
  agent: { name: string };
  ticket: { number: number | string };
};

export const MACRO_PLACEHOLDERS = ["customer.name", "customer.email", "agent.name", "ticket.number"] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

const present = (value: string | number | null | undefined): string | null => {
  const text = value === null || value === undefined ? "" : String(value).trim();
  return text === "" ? null : text;
};

const FILL: Record<MacroPlaceholder, (ctx: MacroContext) => string> = {
  "customer.name": (ctx) => present(ctx.customer.name) ?? "there",
  "customer.email": (ctx) => present(ctx.customer.email) ?? "your email address",
  "agent.name": (ctx) => present(ctx.agent.name) ?? "our team",
  "ticket.number": (ctx) => present(ctx.ticket.number) ?? "your ticket",
};

function isKnown(name: string): name is MacroPlaceholder {
  return (MACRO_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The macro body with known placeholders filled in; unknown ones are left as written. */
export function renderMacro(body: string, ctx: MacroContext): string {
  return body.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    return isKnown(name) ? FILL[name](ctx) : whole;
  });
}

/**
 * The placeholders a macro body uses, for validation at save time: `placeholders` are the known
 * names used, `unknown` the unknown placeholders exactly as written (e.g. "{{order.id}}"); each once,
 * in order of first use. A macro is valid when `unknown` is empty.
 */
export function macroPlaceholders(body: string): { placeholders: MacroPlaceholder[]; unknown: string[] } {
  const placeholders = new Set<MacroPlaceholder>();
  const unknown = new Set<string>();
  for (const [whole, inner = ""] of body.matchAll(PLACEHOLDER)) {
    const name = inner.trim();
    if (isKnown(name)) placeholders.add(name);
    else unknown.add(whole);
  }
  return { placeholders: [...placeholders], unknown: [...unknown] };
}
