// Browser tests for the widget's rich cards: order/product/coupon rendering, safe links, and the handoff and email-request flows.
import { build } from "esbuild";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, ROOT, hasChromium, launchChromium } from "./devServer.ts";

let browser: Browser;
let harness: string;

/** Renders cards with the widget's own code and styles, with a recording stand-in for the conversation. */
const HARNESS = `
import { renderCard } from "./web/widget/cards.ts";
import { ApiError } from "./web/widget/client.ts";
import { css } from "./web/widget/styles.ts";
const w = window;
w.__calls = [];
w.__serverWantsEmail = false;
const ctx = {
  handoff: async (email) => {
    w.__calls.push(email ? "handoff:" + email : "handoff");
    if (!email && w.__serverWantsEmail) throw new ApiError(400, "validation_failed", "Please give an email", [{ path: "email", message: "required" }]);
    return { ticketId: "tkt_1", status: "open" };
  },
  handedOff: () => false,
  knownEmail: () => undefined,
  send: (text) => w.__calls.push("send:" + text),
  announce: () => undefined,
};
const host = document.createElement("div");
document.body.append(host);
const shadow = host.attachShadow({ mode: "open" });
const style = document.createElement("style");
style.textContent = css + ":host{width:auto!important;height:auto!important}.root{display:flex;flex-wrap:wrap;gap:16px;padding:16px;background:#f6f7f9;align-items:flex-start}.card-slot{width:300px}.card-slot>.card{margin:0;width:100%}";
const root = document.createElement("div");
root.className = "root";
shadow.append(style, root);
w.__render = (cards) => {
  root.replaceChildren();
  for (const c of cards) {
    const box = document.createElement("div");
    box.className = "card-slot";
    box.dataset.type = c.type;
    box.append(renderCard(c, ctx));
    root.append(box);
  }
};
`;

const PRODUCT_IMAGE = "https://img.northwind.example/boots.svg";
const BOOTS_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#8aa0b5"/><path d="M120 90h70v110h90l20 40H110z" fill="#3d556e"/></svg>`;

async function page(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 980, height: 620 }, reducedMotion: "reduce" });
  await ctx.route(PRODUCT_IMAGE, (r) => r.fulfill({ contentType: "image/svg+xml", body: BOOTS_SVG }));
  const p = await ctx.newPage();
  await p.setContent("<!doctype html><html><body style='margin:0'></body></html>");
  await p.addScriptTag({ content: harness });
  return p;
}

function slot(p: Page, type: string) {
  return p.locator(`.card-slot[data-type="${type}"]`);
}

describe.skipIf(!hasChromium)("widget cards", () => {
  beforeAll(async () => {
    const [out, b] = await Promise.all([
      build({ stdin: { contents: HARNESS, resolveDir: ROOT, loader: "ts" }, bundle: true, write: false, format: "iife", target: "es2020" }),
      launchChromium(),
    ]);
    harness = out.outputFiles[0]?.text ?? "";
    browser = b;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("renders order, product and coupon cards with their fields, image and actions", async () => {
    const p = await page();
    await p.evaluate((image) => {
      (window as unknown as { __render: (c: unknown[]) => void }).__render([
        {
          type: "order",
          data: { number: 1042, status: "In transit", carrier: "UPS", estimatedDelivery: "2026-11-25", total: 189, currency: "USD", items: [{ title: "Ridgeline Rain Jacket", quantity: 1, variant: "Green / M" }] },
          actions: [
            { label: "Track order", url: "https://ups.example/track/1Z999" },
            { label: "Start a return", action: "start_return" },
          ],
        },
        { type: "product", title: "Switchback Hiking Boots", data: { image, price: 179, currency: "USD", available: true }, actions: [{ label: "View product", url: "https://northwind.example/products/boots" }, { label: "Sneaky", url: "javascript:alert(1)" }] },
        { type: "coupon", title: "10% off your next order", data: { code: "WELCOME10", expiresAt: "2026-12-31" } },
        { type: "loyalty", title: "Your rewards", data: { points: 1250, tier: "Summit" } },
      ]);
    }, PRODUCT_IMAGE);

    const order = slot(p, "order");
    expect(await order.locator(".card-title").innerText()).toBe("Order #1042");
    expect(await order.locator("dd").allInnerTexts()).toEqual(["In transit", "UPS", "Nov 25, 2026", "$189.00"]);
    expect(await order.locator("li").innerText()).toBe("1 × Ridgeline Rain Jacket (Green / M)");
    const track = order.getByRole("link", { name: "Track order" });
    expect(await track.getAttribute("href")).toBe("https://ups.example/track/1Z999");
    expect(await track.getAttribute("rel")).toContain("noopener");
    await order.getByRole("button", { name: "Start a return" }).click();
    expect(await p.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(["send:Start a return"]);

    const product = slot(p, "product");
    expect(await product.locator("img").getAttribute("src")).toBe(PRODUCT_IMAGE);
    expect(await product.locator("img").getAttribute("alt")).toBe("Switchback Hiking Boots");
    expect(await product.locator("a[href^='javascript']").count()).toBe(0);
    expect(await product.getByText("Sneaky").count()).toBe(0);
    expect(await slot(p, "coupon").locator(".code").innerText()).toContain("WELCOME10");
    expect(await slot(p, "loyalty").locator("dd").allInnerTexts()).toEqual(["1,250", "Summit"]);
    await p.waitForFunction(() => {
      const img = document.querySelector("div")?.shadowRoot?.querySelector("img");
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    await p.screenshot({ path: join(ARTIFACTS, "widget-cards.png") });
    await p.context().close();
  });

  it("asks for an email before handing off when the card says it is needed", async () => {
    const p = await page();
    await p.evaluate(() => (window as unknown as { __render: (c: unknown[]) => void }).__render([{ type: "handoff_offer", data: { emailRequired: true } }]));
    const card = slot(p, "handoff_offer");
    await card.getByRole("button", { name: "Yes, connect me with an agent" }).click();
    const email = card.getByRole("textbox");
    await email.waitFor();
    expect(await email.evaluate((el) => el.matches(":focus"))).toBe(true);
    await email.fill("not-an-email");
    await card.getByRole("button", { name: "Connect me" }).click();
    await card.getByRole("alert").waitFor();
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    await email.fill("ana@example.com");
    await card.getByRole("button", { name: "Connect me" }).click();
    await card.getByText("You're connected with our team").waitFor();
    expect(await p.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(["handoff:ana@example.com"]);
    await p.context().close();
  });

  it("asks for an email when the handoff answer says one is needed, and an email_request card sends it", async () => {
    const p = await page();
    await p.evaluate(() => {
      const w = window as unknown as { __render: (c: unknown[]) => void; __serverWantsEmail: boolean };
      w.__serverWantsEmail = true;
      w.__render([{ type: "handoff_offer" }, { type: "email_request", title: "Where can we reach you?" }]);
    });
    const offer = slot(p, "handoff_offer");
    await offer.getByRole("button", { name: "Yes, connect me with an agent" }).click();
    await offer.getByRole("textbox").fill("sam@example.com");
    await offer.getByRole("button", { name: "Connect me" }).click();
    await offer.getByText("You're connected with our team").waitFor();

    const request = slot(p, "email_request");
    await request.getByRole("textbox").fill("sam@example.com");
    await request.getByRole("textbox").press("Enter");
    await request.getByText("Our team has your details").waitFor();
    expect(await p.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(["handoff", "handoff:sam@example.com", "handoff:sam@example.com"]);
    await p.context().close();
  });
});
