// Browser test: the dashboard in the en-XA pseudo-locale (`?lang=en-XA`, every catalog message wrapped as ⟦…⟧). Walks
// the sign-in screen, every Settings tab, Reports, a ticket with its profile panel, snooze menu and the shortcuts
// overlay, the customer's profile page and the AI agent's skills, and fails on any visible text
// (or title / placeholder / aria-label / alt) that is the dashboard's own English left outside the catalog: a string
// of its source code or an English catalog message showing unwrapped. Data (names, subjects, messages) is never in
// the source, so it passes; code samples in <code>/<pre> and brand names are allowed.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../web/dashboard/i18n/catalog.ts";
import { LANGUAGES } from "../../web/widget/i18n.ts";
import { ALLOWED, hasWords, literalsInCode } from "./dashboardSource.ts";
import { apiOk, browserKit, DEMO_OWNER, DEMO_PASSWORD, hasChromium, login, server, WAIT } from "./kit.ts";

let ctx: BrowserContext;
let ticketId = "";
let profileId = "";

/** What the page shows outside any ⟦…⟧: text nodes and the text attributes of visible elements, with where they are. */
function unwrappedTexts(): { text: string; where: string }[] {
  const strip = (s: string) => {
    let out = s;
    // Nested messages (a t() inside another's slot) unwrap from the inside out.
    for (let prev = ""; prev !== out; ) [prev, out] = [out, out.replace(/⟦[^⟦⟧]*⟧/g, " ")];
    return out.replace(/\s+/g, " ").trim();
  };
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""}`;
  const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
  // Code, and what the page marks as not for translation (translate="no": machine data such as the audit log's details).
  const code = (el: Element) => !!el.closest('code, pre, kbd, samp, [translate="no"]');
  const found: { text: string; where: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || ["SCRIPT", "STYLE", "OPTION"].includes(el.tagName) || code(el) || !visible(el)) continue;
    const text = strip(n.textContent ?? "");
    if (text) found.push({ text, where: describe(el) });
  }
  for (const el of document.body.querySelectorAll("[title], [placeholder], [aria-label], [alt], option")) {
    if (code(el)) continue;
    if (el.tagName === "OPTION") {
      const text = strip(el.textContent ?? "");
      if (text) found.push({ text, where: describe(el) });
      continue;
    }
    if (!visible(el)) continue;
    for (const attr of ["title", "placeholder", "aria-label", "alt"]) {
      const text = strip(el.getAttribute(attr) ?? "");
      if (text) found.push({ text, where: `${describe(el)}[${attr}]` });
    }
  }
  return found;
}

/** The dashboard's own words, as they would show if they skipped the catalog. */
const OWN_WORDS = (() => {
  const words = new Set<string>();
  for (const s of [...literalsInCode().strings, ...Object.values(en)]) {
    const text = s.replace(/\s+/g, " ").trim();
    if (hasWords(text) && !ALLOWED.has(text) && !/^[\w.-]+\.[\w*-]+$/.test(text)) words.add(text);
  }
  // The widget preview on Settings › Widget shows the widget's own defaults, which web/widget/i18n.ts translates.
  for (const widget of Object.values(LANGUAGES.en)) words.delete(widget);
  // Names of products the page shows as they are (the widget's code tabs, the helpdesks).
  for (const shown of ["Node.js", "Python", "PHP", "Ruby", "Zendesk", "Gorgias"]) words.delete(shown);
  return words;
})();

/** Words the API sent (names, subjects, questions, skill names): data, even when spelled like a word of the source. */
const apiWords = new Set<string>();

function collectStrings(value: unknown): void {
  if (typeof value === "string") {
    // A bare identifier ("closed", "handoff") stays suspect: shown as it came, it is an untranslated enum.
    if (!/^[a-z_]+$/.test(value)) apiWords.add(value.replace(/\s+/g, " ").trim());
  } else if (Array.isArray(value)) value.forEach(collectStrings);
  else if (value && typeof value === "object") Object.values(value).forEach(collectStrings);
}

function recordApiData(page: Page): void {
  page.on("response", (res) => {
    if (new URL(res.url()).pathname.startsWith("/api/") && (res.headers()["content-type"] ?? "").includes("json")) {
      res.json().then(collectStrings, () => undefined);
    }
  });
}

async function leaks(page: Page, screen: string): Promise<string[]> {
  const seen = await page.evaluate(unwrappedTexts);
  // A catalog key on screen is a message that was never looked up.
  const leaked = seen.filter((s) => s.text in en || (OWN_WORDS.has(s.text) && !apiWords.has(s.text)));
  return leaked.map((s) => `${screen}: ${s.where} ${JSON.stringify(s.text)}`);
}

async function wrappedCount(page: Page): Promise<number> {
  return page.evaluate(() => (document.body.innerText.match(/⟦/g) ?? []).length);
}

describe.skipIf(!hasChromium)("the dashboard in the en-XA pseudo-locale", () => {
  const kit = browserKit();

  beforeAll(async () => {
    // One browser profile for both tests: the second reads Reports signed in by the first.
    ctx = await kit.context();
    const { token } = await login(DEMO_OWNER);
    const list = await apiOk<{ items: { id: string; channel: string }[] }>("GET", "/api/tickets?view=all", undefined, token);
    // A seeded email ticket: it has a customer profile with orders (other files' web chats may be in the view too).
    ticketId = list.items.find((t) => t.channel === "email")?.id ?? list.items[0]?.id ?? "";
    if (!ticketId) throw new Error("the seed has no tickets");
    const ticket = await apiOk<{ ticket: { customer: { profileId?: string } } }>("GET", `/api/tickets/${ticketId}`, undefined, token);
    profileId = ticket.ticket.customer.profileId ?? "";
  }, 120_000);

  it("translates every word of sign-in, Settings, Reports, a ticket, a profile and the skills (nothing of the dashboard's own English shows)", async () => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(WAIT);
    recordApiData(page);
    const found: string[] = [];

    // Sign-in: its labels are catalog messages too, so the form is found by its wrapped words.
    await page.goto(`${server.base}/app/?lang=en-XA#/settings`);
    await page.getByRole("heading", { name: "⟦Sign in to Edgedesk⟧" }).waitFor();
    found.push(...(await leaks(page, "sign-in")));
    await page.getByLabel("⟦Email⟧").fill(DEMO_OWNER.email);
    await page.getByLabel("⟦Password⟧").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "⟦Sign in⟧" }).click();
    await page.locator(".live-live").waitFor();

    // Every Settings tab the owner sees.
    const tabs = await page.locator("nav.tabs a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
    expect(tabs.length).toBeGreaterThanOrEqual(10);
    for (const href of tabs) {
      await page.goto(`${server.base}/app/?lang=en-XA${href}`);
      await page.locator(`nav.tabs a[href="${href}"][aria-current="page"]`).waitFor();
      await page.locator(".page .panel").first().waitFor();
      await page.waitForLoadState("networkidle");
      found.push(...(await leaks(page, `settings ${href}`)));
    }
    expect(await wrappedCount(page)).toBeGreaterThan(10);

    // Reports: the figures, charts and tables once loaded.
    await page.goto(`${server.base}/app/?lang=en-XA#/reports`);
    await page.locator('[data-testid="stat-tickets"]').waitFor();
    await page.waitForLoadState("networkidle");
    found.push(...(await leaks(page, "reports")));

    // A ticket: thread, composer, overview, promises and the customer's profile panel.
    await page.goto(`${server.base}/app/?lang=en-XA#/all/${ticketId}`);
    await page.locator(".ticket-pane .composer, .ticket-pane textarea").first().waitFor();
    await page.waitForLoadState("networkidle");
    found.push(...(await leaks(page, "ticket")));
    expect(await wrappedCount(page)).toBeGreaterThan(10);
    // Its snooze menu and the keyboard shortcuts overlay.
    await page.getByRole("button", { name: "⟦Snooze⟧" }).click();
    await page.getByRole("group", { name: "⟦Snooze until⟧" }).waitFor();
    found.push(...(await leaks(page, "ticket, snooze menu")));
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await page.getByRole("dialog").waitFor();
    found.push(...(await leaks(page, "shortcuts overlay")));

    // The customer's full profile, and the AI agent's skills with one skill opened.
    expect(profileId).not.toBe("");
    await page.goto(`${server.base}/app/?lang=en-XA#/profile/${profileId}`);
    await page.locator(".profile-page h1").waitFor();
    await page.waitForLoadState("networkidle");
    found.push(...(await leaks(page, "profile page")));
    await page.goto(`${server.base}/app/?lang=en-XA#/skills`);
    await page.locator(".skill-card").first().waitFor();
    found.push(...(await leaks(page, "skills")));
    await page.goto(`${server.base}/app/?lang=en-XA#/skills/order_tracking`);
    await page.locator('[data-testid="chart-skill"]').waitFor();
    await page.waitForLoadState("networkidle");
    found.push(...(await leaks(page, "skill")));

    expect(found).toEqual([]);
  });

  it("speaks plain English without ?lang (the pseudo-locale is opt-in)", async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.base}/app/#/reports`);
    await page.locator('[data-testid="stat-tickets"]').waitFor({ timeout: WAIT });
    expect(await wrappedCount(page)).toBe(0);
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor({ timeout: WAIT });
  });
});
