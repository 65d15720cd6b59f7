// A reply's files go out the way each channel takes them: attached to the email (Postmark), as signed media links
// Twilio (MMS, WhatsApp) and Meta (Instagram) fetch.
import { env, exports } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { BASE, call, inbound, signup, type TestAccount } from "../helpers.ts";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

/** A stand-in for Postmark and Twilio: records each request and accepts it. */
function fakeProvider() {
  const sent: { url: string; form: [string, string][]; json: any }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const text = await req.text();
    const isForm = (req.headers.get("content-type") ?? "").includes("form");
    sent.push({ url: req.url, form: isForm ? [...new URLSearchParams(text)] : [], json: isForm ? null : JSON.parse(text) });
    return Response.json({ sid: "SM1", MessageID: "pm-1" }, { status: 200 });
  };
  return { sent, fetch: fetchFn };
}

async function withFake(accountId: string, ticketId: string, fake: { fetch: typeof fetch }) {
  const stub = env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`));
  await runInDurableObject(stub, (_instance: TicketActor, state) => replaceSeams(state.id, { integrations: { fetch: fake.fetch } }));
}

async function replyWithPdf(shop: TestAccount, ticketId: string, bytes: Uint8Array = PDF, name = "return-label.pdf") {
  const form = new FormData();
  form.append("file", new File([bytes], name));
  const res = await exports.default.fetch(new Request(`${BASE}/api/tickets/${ticketId}/attachments`, { method: "POST", headers: { Authorization: `Bearer ${shop.token}` }, body: form }));
  const file = (await res.json()) as { id: string };
  expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body: "Your label", attachmentIds: [file.id] } })).status).toBe(201);
}

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("nothing was sent");
}

describe("files in replies, per channel", () => {
  it("attaches the file to the email reply", async () => {
    const shop = await signup();
    expect((await call("PUT", "/api/integrations/postmark", { token: shop.token, body: { serverToken: "postmark-server-token-0123", fromAddress: "help@shop.example" } })).status).toBe(200);
    const ticketId = (await inbound(shop.accountId, { channel: "email", from: "buyer@example.com", text: "I need a return label" })).body.ticketId;
    const fake = fakeProvider();
    await withFake(shop.accountId, ticketId, fake);
    await replyWithPdf(shop, ticketId);
    const sent = await until(() => fake.sent[0]);
    expect(sent.json.Attachments).toEqual([{ Name: "return-label.pdf", ContentType: "application/pdf", Content: btoa(String.fromCharCode(...PDF)) }]);
  });

  it("sends an MMS with a signed link Twilio can fetch for a week", async () => {
    const shop = await signup();
    expect((await call("PUT", "/api/integrations/twilio", { token: shop.token, body: { accountSid: `AC${"ab".repeat(16)}`, authToken: "twilio_auth_token_0123456789", phoneNumber: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` } })).status).toBe(200);
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551119999", text: "label please" })).body.ticketId;
    const fake = fakeProvider();
    await withFake(shop.accountId, ticketId, fake);
    await replyWithPdf(shop, ticketId);
    const sent = await until(() => fake.sent[0]);
    const media = sent.form.filter(([k]) => k === "MediaUrl").map(([, v]) => v);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/^https:\/\/help\.shop\.example\/api\/files\/fil_\w+\?exp=\d+&sig=[0-9a-f]{64}$/);
    const exp = Number(new URL(media[0]!).searchParams.get("exp"));
    expect(exp - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    const url = new URL(media[0]!);
    const res = await exports.default.fetch(new Request(`${BASE}${url.pathname}${url.search}`));
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("sends Instagram the text, then the image as an attachment Meta fetches from a signed link", async () => {
    const shop = await signup();
    expect((await call("PUT", "/api/integrations/instagram", { token: shop.token, body: { appSecret: "meta_app_secret_0123456789", verifyToken: "verify-files", pageAccessToken: "EAAG_page_token_0123456789" } })).status).toBe(200);
    const ticketId = (await inbound(shop.accountId, { channel: "instagram", from: "igsid-files-1", text: "what colour is it?" })).body.ticketId;
    const fake = fakeProvider();
    await withFake(shop.accountId, ticketId, fake);
    await replyWithPdf(shop, ticketId, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "colour.png");
    await until(() => fake.sent[1]);
    expect(fake.sent.map((s) => s.json.message)).toEqual([
      { text: "Your label" },
      { attachment: { type: "image", payload: { url: expect.stringMatching(/^https:\/\/help\.shop\.example\/api\/files\/fil_\w+\?exp=\d+&sig=[0-9a-f]{64}$/) } } },
    ]);
  });
});
