// Browser tests for the widget's rich cards: order/product/coupon rendering, safe links, and the handoff and email-request flows.
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserKit, hasChromium, ROOT, shot, type BrowserKit } from "./kit.ts";

let harness: string;

/** Renders cards with the widget's own code and styles, with a recording stand-in for the conversation. */
const HARNESS = `
import { renderCard } from "./web/widget/cards.ts";
import * as agentCards from "./src/agent/cards.ts";
import { ApiError } from "./web/widget/client.ts";
import { css } from "./web/widget/styles.ts";
const w = window;
w.__agentCards = agentCards;
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
const MISSING_IMAGE = "https://img.northwind.example/missing.jpg";
const BOOTS_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#8aa0b5"/><path d="M120 90h70v110h90l20 40H110z" fill="#3d556e"/></svg>`;

async function page(kit: BrowserKit): Promise<Page> {
  const ctx = await kit.context({ viewport: { width: 980, height: 620 }, reducedMotion: "reduce" });
  await ctx.route(PRODUCT_IMAGE, (r) => r.fulfill({ contentType: "image/svg+xml", body: BOOTS_SVG }));
  await ctx.route(MISSING_IMAGE, (r) => r.fulfill({ status: 404, body: "" }));
  const p = await ctx.newPage();
  await p.setContent("<!doctype html><html><body style='margin:0'></body></html>");
  await p.addScriptTag({ content: harness });
  return p;
}

function slot(p: Page, type: string) {
  return p.locator(`.card-slot[data-type="${type}"]`);
}

describe.skipIf(!hasChromium)("widget cards", () => {
  const kit = browserKit();

  beforeAll(async () => {
    const out = await build({ stdin: { contents: HARNESS, resolveDir: ROOT, loader: "ts" }, bundle: true, write: false, format: "iife", target: "es2020" });
    harness = out.outputFiles[0]?.text ?? "";
  }, 60_000);

  it("renders order, product and coupon cards with their fields, image and actions", async () => {
    const p = await page(kit);
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
    await shot(p, "widget-cards.png");
    await p.context().close();
  });

  it("renders the cards the agent really sends (src/agent/cards.ts) without raw data keys", async () => {
    const p = await page(kit);
    await p.evaluate(
      ([image, missing]) => {
        // The builders of src/agent/cards.ts, bundled into the page (their types pull in the Worker's, which this project lacks).
        type Build = (...args: unknown[]) => unknown;
        type Builders = Record<"orderCard" | "productCard" | "couponCard" | "loyaltyCard" | "subscriptionCard" | "handoffOfferCard", Build>;
        const w = window as unknown as { __render: (c: unknown[]) => void; __agentCards: Builders };
        const b = w.__agentCards;
        const order = {
          id: "gid://order/1038", name: "#1038", number: "1038", placedOn: "Nov 18", stage: "in_transit", statusLabel: "On its way", summary: "", total: "$189.00", canEdit: false,
          items: ["1 × Ridgeline Rain Jacket (M / Moss)"],
          shipments: [{ carrier: "UPS", trackingNumber: "1Z999", trackingUrl: "https://ups.example/track/1Z999", status: "in_transit", expectedOn: "Nov 25", deliveredOn: null }],
          statusPageUrl: "https://northwind.example/orders/1038", customerEmail: "shopper@example.com",
        };
        w.__render([
          b.orderCard("en", order, { returnsUrl: "https://returns.example/northwind" }),
          b.productCard("en", { id: "p1", title: "Switchback Hiking Boots", description: "Waterproof nubuck leather mid boots.", price: "$179.00", amount: 179, url: "https://northwind.example/products/boots", imageUrl: image, available: true, restockOn: null }),
          b.productCard("en", { id: "p2", title: "Cloudstep Trail Runners", description: "Light trail shoes.", price: "$139.00", amount: 139, url: "https://northwind.example/products/runners", imageUrl: missing, available: false, restockOn: null }),
          b.couponCard("en", { code: "SAM-SUMMIT15", description: "15% off one full-price item", expiresOn: "Dec 7", personal: true }),
          b.loyaltyCard("en", { programName: "Northwind Trail Rewards", points: 820, tier: "Summit", redeemable: [{ name: "Free standard shipping", pointsCost: 200 }] }),
          b.subscriptionCard("en", { id: "s1", product: "Merino Socks Club", status: "active", quantity: 1, price: "$24.00", interval: { every: 1, unit: "month" }, nextChargeOn: "Dec 1" }, "https://subs.example/portal"),
          b.handoffOfferCard("en", { emailRequired: false, email: "shopper@example.com" }),
        ]);
      },
      [PRODUCT_IMAGE, MISSING_IMAGE],
    );

    const order = slot(p, "order");
    expect(await order.locator(".card-title").innerText()).toBe("Order #1038");
    expect(await order.locator("dt").allInnerTexts()).toEqual(["Status", "Placed", "Total", "Carrier", "Tracking number", "Expected"]);
    expect(await order.locator("dd").allInnerTexts()).toEqual(["On its way", "Nov 18", "$189.00", "UPS", "1Z999", "Nov 25"]);
    expect(await order.locator("li").allInnerTexts()).toEqual(["1 × Ridgeline Rain Jacket (M / Moss)"]);
    expect(await order.getByRole("link").allInnerTexts()).toEqual(["Track order", "Start a return"]);

    const [boots, runners] = [p.locator('.card-slot[data-type="product"]').nth(0), p.locator('.card-slot[data-type="product"]').nth(1)];
    expect(await boots.locator(".price").innerText()).toBe("$179.00");
    expect(await boots.locator(".stock").count()).toBe(0);
    expect(await boots.locator("dl").count()).toBe(0);
    expect(await runners.locator(".stock").innerText()).toBe("Out of stock");
    expect(await runners.getByRole("link").innerText()).toBe("View product (out of stock)");
    // A picture that does not load is left out rather than shown broken.
    await runners.locator("img").waitFor({ state: "detached" });

    const coupon = slot(p, "coupon");
    expect(await coupon.locator(".card-title").innerText()).toBe("15% off one full-price item");
    expect(await coupon.locator(".code span").innerText()).toBe("SAM-SUMMIT15");
    expect(await coupon.locator(".tag").innerText()).toBe("Just for you");
    expect(await coupon.locator("dd").allInnerTexts()).toEqual(["Dec 7"]);
    // "Copy code" is the code box's own button, not a quick reply sent to the agent.
    expect(await coupon.getByRole("button").count()).toBe(1);

    expect(await slot(p, "loyalty").locator("dd").allInnerTexts()).toEqual(["820", "Summit", "Free standard shipping (200 points)"]);
    expect(await slot(p, "subscription").locator("dd").allInnerTexts()).toEqual(["Active", "1", "$24.00", "every month", "Dec 1"]);
    expect(await slot(p, "subscription").getByRole("link").innerText()).toBe("Manage subscription");

    await p.waitForFunction(() => {
      const img = document.querySelector("div")?.shadowRoot?.querySelector("img");
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    await shot(p, "widget-agent-cards.png", { fullPage: true });

    const offer = slot(p, "handoff_offer");
    expect(await offer.locator(".card-title").innerText()).toBe("Talk to our team");
    await offer.getByRole("button", { name: "Yes, connect me with an agent" }).click();
    await offer.getByText("You're connected with our team").waitFor();
    expect(await p.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(["handoff"]);
    await p.context().close();
  });

  it("asks for an email before handing off when the card says it is needed", async () => {
    const p = await page(kit);
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
    const p = await page(kit);
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
