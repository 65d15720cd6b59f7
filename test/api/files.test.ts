// Attachments on R2: uploads from the widget and the dashboard, sniffed types, the account's limits, signed and
// expiring links scoped to one conversation, inbound media stored once, and erasure of a ticket's files.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { twilioSignature } from "../../src/channels/twilio.ts";
import { useMediaHost } from "../../src/files/inboundMedia.ts";
import { signedFilePath } from "../../src/files/signing.ts";
import { deleteFilesForTicket } from "../../src/files/store.ts";
import { hmacHex } from "../../src/lib/crypto.ts";
import { BASE, call, signup, unique, type TestAccount } from "../helpers.ts";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

interface Conversation {
  conversationId: string;
  visitorToken: string;
}

async function converse(accountId: string): Promise<Conversation> {
  const res = await call<Conversation>("POST", "/api/chat/conversations", { body: { accountId } });
  expect(res.status).toBe(201);
  return res.body;
}

async function upload(path: string, headers: Record<string, string>, bytes: Uint8Array, name: string, declaredType = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type: declaredType }));
  const res = await exports.default.fetch(new Request(`${BASE}${path}`, { method: "POST", headers, body: form }));
  return { status: res.status, body: (await res.json()) as any };
}

const visitorUpload = (conv: Conversation, bytes: Uint8Array, name: string, type?: string) =>
  upload(`/api/chat/conversations/${conv.conversationId}/attachments`, { "X-Visitor-Token": conv.visitorToken }, bytes, name, type);

async function fetchFile(url: string) {
  const res = await exports.default.fetch(new Request(new URL(url, BASE)));
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Numbers belong to one account across the whole suite's shared D1: each test file picks its own. */
function uniqueNumber(): string {
  return `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

let shop: TestAccount;
beforeAll(async () => {
  shop = await signup();
});

describe("uploading files", () => {
  it("lets a shopper send a photo that the agent then sees in the thread, served with safe headers", async () => {
    const conv = await converse(shop.accountId);
    // The declared type is ignored: the bytes say PNG.
    const up = await visitorUpload(conv, PNG, "damaged box.png", "application/pdf");
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: "damaged box.png", contentType: "image/png", size: PNG.length });
    const sent = await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, {
      headers: { "X-Visitor-Token": conv.visitorToken },
      body: { text: "The box arrived like this", attachmentIds: [up.body.id] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([expect.objectContaining({ id: up.body.id, name: "damaged box.png", contentType: "image/png", size: PNG.length })]);

    const ticket = await call("GET", `/api/tickets/${conv.conversationId}`, { token: shop.token });
    const [attachment] = ticket.body.messages.find((m: { author: string }) => m.author === "customer").attachments;
    expect(attachment.url).toMatch(/^\/api\/files\/fil_[a-z0-9]+\?exp=\d+&sig=[0-9a-f]{64}$/);
    const file = await fetchFile(attachment.url);
    expect(file.status).toBe(200);
    expect([...file.bytes]).toEqual([...PNG]);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toMatch(/^inline; filename="damaged box.png"/);
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("lets an agent reply with a PDF the shopper can open, downloaded rather than shown", async () => {
    const conv = await converse(shop.accountId);
    await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken }, body: { text: "Can I have a return label?" } });
    const up = await upload(`/api/tickets/${conv.conversationId}/attachments`, { Authorization: `Bearer ${shop.token}` }, PDF, "return-label.pdf");
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe("application/pdf");
    const reply = await call("POST", `/api/tickets/${conv.conversationId}/replies`, { token: shop.token, body: { body: "Here is your label", attachmentIds: [up.body.id] } });
    expect(reply.status).toBe(201);
    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    const label = thread.body.items.find((m: { body: string }) => m.body === "Here is your label").attachments[0];
    const file = await fetchFile(label.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="return-label.pdf"/);
  });

  it("attaches files to internal notes, and a message may be files alone", async () => {
    const conv = await converse(shop.accountId);
    const up = await upload(`/api/tickets/${conv.conversationId}/attachments`, { Authorization: `Bearer ${shop.token}` }, JPEG, "proof.jpg");
    const note = await call("POST", `/api/tickets/${conv.conversationId}/notes`, { token: shop.token, body: { attachmentIds: [up.body.id] } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ internal: true, body: "", attachments: [expect.objectContaining({ contentType: "image/jpeg" })] });
    expect((await call("POST", `/api/tickets/${conv.conversationId}/notes`, { token: shop.token, body: { body: "" } })).status).toBe(400);
  });

  it("refuses files the account does not take: wrong kind (by content), too large, or empty", async () => {
    const conv = await converse(shop.accountId);
    const html = await visitorUpload(conv, new TextEncoder().encode("<html><script>alert(1)</script></html>"), "photo.png", "image/png");
    expect(html.status).toBe(400);
    expect(html.body.error.code).toBe("validation_failed");
    const zip = await visitorUpload(conv, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), "photos.zip");
    expect(zip.status).toBe(400);
    expect((await visitorUpload(conv, new Uint8Array(0), "empty.png")).status).toBe(400);

    const small = await signup();
    expect((await call("PUT", "/api/settings/files", { token: small.token, body: { maxBytes: 2048, kinds: ["image", "pdf", "archive"] } })).status).toBe(200);
    const other = await converse(small.accountId);
    const big = new Uint8Array(4096);
    big.set(PNG);
    const tooLarge = await visitorUpload(other, big, "big.png");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: "payload_too_large", message: "The file is larger than 2 KB" });
    expect((await visitorUpload(other, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), "photos.zip")).status).toBe(201);
  });

  it("needs the conversation's own visitor token and the account's own tickets", async () => {
    const conv = await converse(shop.accountId);
    const other = await converse(shop.accountId);
    const foreignToken = await upload(`/api/chat/conversations/${conv.conversationId}/attachments`, { "X-Visitor-Token": other.visitorToken }, PNG, "x.png");
    expect(foreignToken.status).toBe(404);
    const stranger = await signup();
    const foreignAgent = await upload(`/api/tickets/${conv.conversationId}/attachments`, { Authorization: `Bearer ${stranger.token}` }, PNG, "x.png");
    expect(foreignAgent.status).toBe(404);
    // A closed chat takes no more files.
    expect((await call("PATCH", `/api/tickets/${other.conversationId}`, { token: shop.token, body: { status: "closed" } })).status).toBe(200);
    expect((await visitorUpload(other, PNG, "late.png")).status).toBe(409);
  });
});

describe("who can see a file", () => {
  it("never lets a visitor attach, or see, another conversation's file", async () => {
    const mine = await converse(shop.accountId);
    const theirs = await converse(shop.accountId);
    const up = await visitorUpload(mine, PNG, "mine.png");
    const stolen = await call("POST", `/api/chat/conversations/${theirs.conversationId}/messages`, {
      headers: { "X-Visitor-Token": theirs.visitorToken },
      body: { text: "look", attachmentIds: [up.body.id] },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.issues[0].path).toBe("attachmentIds");
    // Nor can an agent of another account name it in a reply.
    const stranger = await signup();
    const strangerConv = await converse(stranger.accountId);
    const reply = await call("POST", `/api/tickets/${strangerConv.conversationId}/replies`, { token: stranger.token, body: { body: "x", attachmentIds: [up.body.id] } });
    expect(reply.status).toBe(400);
  });

  it("serves a file only with an unexpired link signed for its own conversation", async () => {
    const conv = await converse(shop.accountId);
    const up = await visitorUpload(conv, PNG, "p.png");
    const sent = await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken }, body: { attachmentIds: [up.body.id] } });
    const url = new URL(sent.body.message.attachments[0].url, BASE);
    expect((await fetchFile(url.toString())).status).toBe(200);

    const forged = new URL(url);
    forged.searchParams.set("sig", "0".repeat(64));
    expect((await fetchFile(forged.toString())).status).toBe(404);
    const extended = new URL(url);
    extended.searchParams.set("exp", String(Number(url.searchParams.get("exp")) + 86_400_000));
    expect((await fetchFile(extended.toString())).status).toBe(404);
    expect((await fetchFile(`/api/files/${up.body.id}`)).status).toBe(400);
    // Correctly signed, but expired.
    const secret = (env as { TOKEN_SECRET?: string }).TOKEN_SECRET!;
    expect((await fetchFile(signedFilePath(secret, conv.conversationId, up.body.id, Date.now() - 1000))).status).toBe(404);
    // Signed for another conversation (as a link from that thread would be): nothing.
    const other = await converse(shop.accountId);
    expect((await fetchFile(signedFilePath(secret, other.conversationId, up.body.id, Date.now() + 60_000))).status).toBe(404);
  });

  it("keeps files and their links working when their ticket is merged into another, and after an unmerge", async () => {
    const acc = await signup();
    const a = (await call("POST", "/api/dev/inbound", { body: { accountId: acc.accountId, channel: "email", from: "kim@example.com", text: "photo of the damage", threadId: "<files-a@x>", providerMessageId: unique("pm") } })).body.ticketId;
    const b = (await call("POST", "/api/dev/inbound", { body: { accountId: acc.accountId, channel: "email", from: "kim@example.com", text: "and my order number", threadId: "<files-b@x>", providerMessageId: unique("pm") } })).body.ticketId;
    const up = await upload(`/api/tickets/${a}/attachments`, { Authorization: `Bearer ${acc.token}` }, PNG, "damage.png");
    expect((await call("POST", `/api/tickets/${a}/notes`, { token: acc.token, body: { body: "the photo", attachmentIds: [up.body.id] } })).status).toBe(201);
    expect((await call("POST", `/api/tickets/${b}/replies`, { token: acc.token, body: { body: "label", attachmentIds: [(await upload(`/api/tickets/${b}/attachments`, { Authorization: `Bearer ${acc.token}` }, PDF, "label.pdf")).body.id] } })).status).toBe(201);
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } })).status).toBe(200);
    const survivor = await call("GET", `/api/tickets/${b}`, { token: acc.token });
    const files = survivor.body.messages.flatMap((m: { attachments: { name: string; url: string }[] }) => m.attachments);
    expect(files.map((f: { name: string }) => f.name).sort()).toEqual(["damage.png", "label.pdf"]);
    for (const f of files) expect((await fetchFile(f.url)).status).toBe(200);
    expect((await call("POST", `/api/tickets/${a}/unmerge`, { token: acc.token })).status).toBe(200);
    const back = await call("GET", `/api/tickets/${b}`, { token: acc.token });
    expect(back.body.messages.flatMap((m: { attachments: { name: string }[] }) => m.attachments.map((f) => f.name))).toEqual(["label.pdf"]);
  });

  it("removes a ticket's files on erasure", async () => {
    const conv = await converse(shop.accountId);
    const up = await visitorUpload(conv, PNG, "p.png");
    const sent = await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken }, body: { attachmentIds: [up.body.id] } });
    expect(await deleteFilesForTicket(env, shop.accountId, conv.conversationId)).toBe(1);
    expect((await fetchFile(sent.body.message.attachments[0].url)).status).toBe(404);
    expect(await env.FILES.get(`${shop.accountId}/${up.body.id}`)).toBeNull();
    expect(await deleteFilesForTicket(env, shop.accountId, conv.conversationId)).toBe(0);
  });
});

describe("inbound media", () => {
  const twilio = { accountSid: `AC${"fedcba9876543210".repeat(2)}`, authToken: "twilio_media_token_0123456789", phoneNumber: uniqueNumber(), whatsappNumber: uniqueNumber() };
  const instagram = { appSecret: "meta_media_secret_0123456789", verifyToken: "verify-media", instagramAccountId: "17841400000000001" };
  let acc: TestAccount;
  const served: string[] = [];

  beforeAll(async () => {
    acc = await signup();
    expect((await call("PUT", "/api/integrations/twilio", { token: acc.token, body: twilio })).status).toBe(200);
    expect((await call("PUT", "/api/integrations/instagram", { token: acc.token, body: instagram })).status).toBe(200);
    // A fake media host: Twilio's media needs the account's Basic credentials; Meta's CDN URLs are public.
    const twilioAuth = `Basic ${btoa(`${twilio.accountSid}:${twilio.authToken}`)}`;
    useMediaHost(acc.accountId, async (input, init) => {
      const url = String(input);
      served.push(url);
      const auth = new Headers(init?.headers).get("authorization");
      if (url.startsWith("https://api.twilio.com/") && auth !== twilioAuth) return new Response("unauthorized", { status: 401 });
      if (url.endsWith("/photo")) return new Response(JPEG, { headers: { "content-type": "image/jpeg" } });
      if (url.endsWith("/script")) return new Response("<svg onload=alert(1)>", { headers: { "content-type": "image/svg+xml" } });
      return new Response("gone", { status: 404 });
    });
  });

  async function twilioPost(channel: "sms" | "whatsapp", params: Record<string, string>) {
    const path = `/webhooks/${channel}?account=${acc.accountId}`;
    const signature = await twilioSignature(twilio.authToken, `${BASE}${path}`, params);
    return call("POST", path, { raw: new URLSearchParams(params).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature } });
  }

  async function threadOf(ticketId: string) {
    return (await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.messages as { body: string; attachments: { name: string; contentType: string; url: string }[] }[];
  }

  it("fetches a WhatsApp photo once with the account's Twilio credentials, however often the webhook is retried", async () => {
    const sid = `MM${unique("w").replace(/\W/g, "")}`;
    const mediaUrl = `https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Messages/${sid}/Media/ME1/photo`;
    const params = { MessageSid: sid, AccountSid: twilio.accountSid, From: "whatsapp:+15557770001", To: `whatsapp:${twilio.whatsappNumber}`, Body: "", NumMedia: "1", MediaUrl0: mediaUrl, MediaContentType0: "image/jpeg" };
    expect((await twilioPost("whatsapp", params)).status).toBe(200);
    expect((await twilioPost("whatsapp", params)).status).toBe(200);
    expect(served.filter((u) => u === mediaUrl)).toHaveLength(1);
    const ticket = (await env.DB.prepare("SELECT id FROM tickets WHERE account_id = ? AND customer_phone = ?").bind(acc.accountId, "+15557770001").first<{ id: string }>())!;
    const thread = await threadOf(ticket.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toBe("");
    expect(thread[0]!.attachments).toEqual([expect.objectContaining({ name: "WhatsApp attachment 1.jpg", contentType: "image/jpeg" })]);
    expect((await fetchFile(thread[0]!.attachments[0]!.url)).status).toBe(200);
  });

  it("says in the thread which MMS files were not kept, and why", async () => {
    const sid = `MM${unique("s").replace(/\W/g, "")}`;
    const params = {
      MessageSid: sid, AccountSid: twilio.accountSid, From: "+15557770002", To: twilio.phoneNumber, Body: "two files", NumMedia: "2",
      MediaUrl0: `https://api.twilio.com/media/${sid}/script`, MediaUrl1: `https://api.twilio.com/media/${sid}/missing`,
    };
    expect((await twilioPost("sms", params)).status).toBe(200);
    const ticket = (await env.DB.prepare("SELECT id FROM tickets WHERE account_id = ? AND customer_phone = ?").bind(acc.accountId, "+15557770002").first<{ id: string }>())!;
    const [message] = await threadOf(ticket.id);
    expect(message!.attachments).toEqual([]);
    expect(message!.body).toBe("two files\n\n[MMS attachment 1 was not kept: this type of file is not accepted (accepted: image, pdf)]\n\n[MMS attachment 2 was not kept: it could not be downloaded (HTTP 404)]");
  });

  it("stores an Instagram image attachment once per message id", async () => {
    const mid = `m_${unique("ig")}`;
    const url = `https://lookaside.fbsbx.example/ig_messaging_cdn/${mid}/photo`;
    const raw = JSON.stringify({
      object: "instagram",
      entry: [{ id: instagram.instagramAccountId, time: 1, messaging: [{ sender: { id: "igsid-photo" }, recipient: { id: instagram.instagramAccountId }, timestamp: 1, message: { mid, attachments: [{ type: "image", payload: { url } }] } }] }],
    });
    const post = async () => call("POST", `/webhooks/instagram?account=${acc.accountId}`, { raw, headers: { "X-Hub-Signature-256": `sha256=${await hmacHex(instagram.appSecret, raw)}` } });
    expect((await post()).body).toEqual({ received: 1, duplicates: 0 });
    expect((await post()).body).toEqual({ received: 0, duplicates: 1 });
    expect(served.filter((u) => u === url)).toHaveLength(1);
    const { results } = await env.DB.prepare("SELECT ticket_id, name, content_type FROM files WHERE account_id = ? AND source = 'instagram'").bind(acc.accountId).all();
    expect(results).toEqual([expect.objectContaining({ name: "Instagram attachment 1.jpg", content_type: "image/jpeg" })]);
    const thread = await threadOf(results[0]!.ticket_id as string);
    expect(thread[0]!.attachments).toHaveLength(1);
  });
});
