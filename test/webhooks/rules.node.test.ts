import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eventsOfCommit } from "../../src/webhooks/events.ts";
import { signatureHeader, verifySignature } from "../../src/webhooks/signature.ts";
import { refuseWebhookUrl } from "../../src/webhooks/urls.ts";
import type { MessageView, TicketView } from "../../src/schemas/ticket.ts";

const ticket = (over: Partial<TicketView> = {}) => ({ id: "tkt_1", status: "open", handledBy: "team", ...over }) as TicketView;
const message = { id: "msg_1", body: "hi" } as MessageView;

describe("webhook events of a ticket commit", () => {
  it.each([
    ["a new ticket with its first message", { inboxEvents: ["ticket.created"], previous: { status: "open", handledBy: "team" }, ticket: ticket(), messages: [message] }, ["ticket.created", "message.created"]],
    ["a message on an existing ticket", { inboxEvents: ["ticket.updated"], previous: { status: "open", handledBy: "team" }, ticket: ticket(), messages: [message] }, ["message.created"]],
    ["a change without a message", { inboxEvents: ["ticket.updated"], previous: { status: "open", handledBy: "team" }, ticket: ticket(), messages: [] }, ["ticket.updated"]],
    ["closing", { inboxEvents: ["ticket.updated"], previous: { status: "open", handledBy: "team" }, ticket: ticket({ status: "closed" }), messages: [] }, ["ticket.updated", "ticket.closed"]],
    ["an edit of a closed ticket", { inboxEvents: ["ticket.updated"], previous: { status: "closed", handledBy: "team" }, ticket: ticket({ status: "closed" }), messages: [] }, ["ticket.updated"]],
    ["a customer's rating", { inboxEvents: ["ticket.updated", "ticket.csat"], previous: { status: "closed", handledBy: "team" }, ticket: ticket({ status: "closed", csat: { score: 5, at: "2026-12-01T10:00:00.000Z" } }), messages: [message] }, ["message.created", "csat.created"]],
    ["the AI agent's handoff", { inboxEvents: ["ticket.updated"], previous: { status: "open", handledBy: "ai" }, ticket: ticket(), messages: [message] }, ["message.created", "handoff"]],
  ] as const)("%s", (_what, facts, types) => {
    expect(eventsOfCommit(facts as never).map((e) => e.type)).toEqual(types);
  });
});

describe("Edgedesk-Signature", () => {
  const secret = "whsec_test";
  const body = '{"id":"evt_1"}';
  const now = Date.parse("2026-12-01T10:00:00Z");

  it("is t=<unix>,v1=<hex HMAC-SHA256 of t.body>, as a receiver in Node computes it", async () => {
    const header = await signatureHeader(secret, body, now);
    const t = now / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
  });

  it("verifies within the replay window only, and only for the same body and secret", async () => {
    const header = await signatureHeader(secret, body, now);
    expect(await verifySignature(secret, header, body, now + 299_000)).toBe(true);
    expect(await verifySignature(secret, header, body, now + 301_000)).toBe(false);
    expect(await verifySignature(secret, header, body, now - 301_000)).toBe(false);
    expect(await verifySignature(secret, header, `${body} `, now)).toBe(false);
    expect(await verifySignature("whsec_other", header, body, now)).toBe(false);
    expect(await verifySignature(secret, "t=abc,v1=00", body, now)).toBe(false);
    expect(await verifySignature(secret, null, body, now)).toBe(false);
  });
});

describe("webhook URLs", () => {
  it.each([
    ["https://hooks.example.com/x", "production", null],
    ["http://hooks.example.com/x", "production", "must use https"],
    ["http://127.0.0.1:8080/x", "production", "must use https"],
    ["https://127.0.0.1/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://localhost/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://10.1.2.3/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://172.20.0.1/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://169.254.169.254/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://[::1]/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://[fe80::1]/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://intranet/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://printer.local/x", "production", "must not point at a private, loopback or link-local address"],
    ["https://172.32.0.1/x", "production", null],
    ["http://127.0.0.1:8080/x", "development", null],
    ["http://localhost:3000/x", "development", null],
    ["http://hooks.example.com/x", "development", "must use https"],
    ["ftp://example.com/x", "development", "must use https"],
    ["nonsense", "production", "must be an absolute URL"],
  ])("%s in %s → %s", (url, environment, refusal) => {
    expect(refuseWebhookUrl(url, environment)).toBe(refusal);
  });
});
