// Browser tests of the platform screens against wrangler dev (its local Cloudflare Queue included): API keys, outbound
// webhooks to a real HTTP receiver on loopback that checks every signature, CSV export, and a customer's erasure.
// The webhooks this file adds to the demo account are deleted when it is done.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, apiAs, browserKit, chatSay, DEMO_OWNER, hasChromium, login, startChat, uniqueId, until, visitorApi, type ApiCaller } from "./kit.ts";

/** The demo owner, over the API (signed in before the tests). */
let owner: ApiCaller = apiAs("");

interface Delivery {
  path: string;
  event: { id: string; type: string; data: { ticket?: { id: string }; message?: { body: string } } };
  signature: string;
  body: string;
}

/** The shop's receiver: a plain Node HTTP server, verifying signatures as docs/platform.md tells receivers to. */
const received: Delivery[] = [];
let receiver: Server;
let receiverBase = "";

/** `Edgedesk-Signature: t=<unix>,v1=<hex>` checked with Node's own HMAC, within a 5-minute window. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe.skipIf(!hasChromium)("API keys, webhooks, exports and erasure in a real browser", () => {
  const kit = browserKit();
  const signIn = (hash: string) => kit.signIn(hash, DEMO_OWNER, { acceptDownloads: true });

  beforeAll(async () => {
    owner = apiAs((await login(DEMO_OWNER)).token);
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ path: req.url ?? "", event: JSON.parse(body) as Delivery["event"], signature: String(req.headers["edgedesk-signature"] ?? ""), body });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    const hooks = await owner.api<{ items: { id: string; url: string }[] }>("GET", "/api/webhooks").catch(() => null);
    for (const h of hooks?.body.items ?? []) if (h.url.startsWith(receiverBase)) await owner.api("DELETE", `/api/webhooks/${h.id}`);
    await new Promise((r) => receiver?.close(r));
  });

  it("delivers a shopper's message to a loopback receiver through wrangler dev's queue, signed", async () => {
    const hook = (await owner.api<{ id: string; secret: string }>("POST", "/api/webhooks", { url: `${receiverBase}/api-hook`, events: ["ticket.created", "message.created"] })).body;
    const text = `Webhook check ${uniqueId()}`;
    const conv = await startChat("demo");
    await chatSay(conv, text);
    const got = await until("the message reached the receiver", () => received.find((d) => d.path === "/api-hook" && d.event.type === "message.created" && d.event.data.message?.body === text));
    expect(verify(hook.secret, got.signature, got.body)).toBe(true);
    expect(verify(hook.secret, got.signature, got.body.replace(text, "tampered"))).toBe(false);
    expect(got.event.data.ticket?.id).toBe(conv.ticketId);
  });

  it("adds a webhook in Settings, shows its secret once and sends a signed test event", async () => {
    const page = await signIn("#/settings/webhooks");
    await page.getByLabel("Endpoint URL").fill(`${receiverBase}/ui-hook`);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.locator("[data-secret]").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.locator("[data-secret]").count()).toBe(0);

    const card = page.locator(`li[data-webhook="${receiverBase}/ui-hook"]`);
    await card.getByRole("button", { name: "Send test" }).click();
    const test = await until("the test event reached the receiver", () => received.find((d) => d.path === "/ui-hook" && d.event.type === "webhook.test"));
    expect(verify(secret, test.signature, test.body)).toBe(true);
    await card.locator("table.deliveries tr.ok").first().waitFor();
    expect(await card.locator("table.deliveries tbody tr").first().innerText()).toContain("HTTP 200");
  });

  it("creates an API key shown once, which works as a Bearer token until it is revoked", async () => {
    const page = await signIn("#/settings/api-keys");
    const name = uniqueId("script");
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.locator("[data-secret]").innerText()).trim();
    expect(key).toMatch(/^edk_/);
    expect((await api("GET", "/api/tickets?view=all", undefined, key)).status).toBe(200);
    expect((await api("POST", "/api/webhooks", { url: "https://example.com", events: ["handoff"] }, key)).status).toBe(403);
    await page.getByRole("button", { name: "Done" }).click();
    const row = page.locator(`li[data-key="${name}"]`);
    await expect.poll(() => row.innerText()).toContain(key.slice(0, 12));
    expect(await row.innerText()).not.toContain(key);
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: `Revoke API key ${name}` }).click();
    await row.waitFor({ state: "detached" });
    expect((await api("GET", "/api/tickets", undefined, key)).status).toBe(401);
  });

  it("exports the ticket list as CSV and erases a customer from the ticket page", async () => {
    const email = `${uniqueId("erase")}@example.com`;
    const text = `Please forget me ${uniqueId()}`;
    const conv = await startChat("demo", { email, name: "Erin Erase" });
    await chatSay(conv, text);
    await visitorApi(conv, "POST", "/handoff", { email });

    const page = await signIn(`#/all/${conv.ticketId}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-export="/exports/tickets.csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^tickets-.*\.csv$/);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((s) => {
        let out = "";
        s.on("data", (c: Buffer) => (out += c.toString()));
        s.on("end", () => resolve(out));
        s.on("error", reject);
      });
    });
    expect(csv.startsWith("id,number,channel,status")).toBe(true);

    page.once("dialog", (d) => void d.accept("ERASE"));
    await page.getByRole("button", { name: "Erase customer" }).click();
    await page.getByText("Customer erased").waitFor();
    const after = (await owner.api<{ ticket: { customer: Record<string, string> }; messages: unknown[] }>("GET", `/api/tickets/${conv.ticketId}`)).body;
    expect(after.messages).toEqual([]);
    expect(after.ticket.customer).toEqual({});
  });
});
