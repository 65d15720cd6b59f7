import { describe, expect, it } from "vitest";
import { instagramMessages, verifyHandshake, verifyHubSignature } from "../../src/channels/meta.ts";
import { parseTwilioInbound, twilioSignature, verifyTwilioSignature } from "../../src/channels/twilio.ts";
import { hmacHex } from "../../src/lib/crypto.ts";

describe("Twilio webhook signatures", () => {
  it("matches Twilio's documented example signature", async () => {
    // The example from Twilio's security docs (as reproduced by its helper libraries).
    const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
    expect(await twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  });

  it("rejects a signature for other parameters, another URL or a missing header", async () => {
    const params = { MessageSid: "SM1", From: "+15550001111", Body: "hi" };
    const sig = await twilioSignature("token", "https://x.test/webhooks/sms?account=a", params);
    expect(await verifyTwilioSignature("token", "https://x.test/webhooks/sms?account=a", params, sig)).toBe(true);
    expect(await verifyTwilioSignature("token", "https://x.test/webhooks/sms?account=b", params, sig)).toBe(false);
    expect(await verifyTwilioSignature("token", "https://x.test/webhooks/sms?account=a", { ...params, Body: "changed" }, sig)).toBe(false);
    expect(await verifyTwilioSignature("token", "https://x.test/webhooks/sms?account=a", params, null)).toBe(false);
  });

  it("reads the customer's message and the URLs of its media", () => {
    expect(parseTwilioInbound({ MessageSid: "SM1", From: "whatsapp:+15550001111", To: "whatsapp:+15557654321", Body: " hello ", NumMedia: "0", ProfileName: "Ana" })).toEqual({
      messageSid: "SM1",
      from: "whatsapp:+15550001111",
      to: "whatsapp:+15557654321",
      body: "hello",
      mediaCount: 0,
      mediaUrls: [],
      profileName: "Ana",
    });
    const media = parseTwilioInbound({ MessageSid: "SM2", From: "+1555", Body: "", NumMedia: "2", MediaUrl0: "https://api.twilio.com/m/0", MediaUrl1: "https://api.twilio.com/m/1" });
    expect(media).toMatchObject({ body: "", mediaCount: 2, mediaUrls: ["https://api.twilio.com/m/0", "https://api.twilio.com/m/1"] });
    expect(parseTwilioInbound({ From: "+1555", Body: "no sid" })).toBeNull();
  });
});

describe("Meta webhooks", () => {
  it("checks X-Hub-Signature-256 over the raw body", async () => {
    const raw = JSON.stringify({ object: "instagram", entry: [] });
    const header = `sha256=${await hmacHex("app-secret", raw)}`;
    expect(await verifyHubSignature("app-secret", raw, header)).toBe(true);
    expect(await verifyHubSignature("app-secret", `${raw} `, header)).toBe(false);
    expect(await verifyHubSignature("other", raw, header)).toBe(false);
    expect(await verifyHubSignature("app-secret", raw, undefined)).toBe(false);
  });

  it("answers the verify handshake only with the right token", () => {
    const q = new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444" });
    expect(verifyHandshake(q, "tok")).toBe("1158201444");
    expect(verifyHandshake(q, "other")).toBeNull();
  });

  it("extracts DMs and story replies, skipping echoes and deletions", () => {
    const body = {
      object: "instagram",
      entry: [
        {
          id: "1784",
          time: 1,
          messaging: [
            { sender: { id: "u1" }, recipient: { id: "1784" }, timestamp: 10, message: { mid: "m1", text: "is this in green?" } },
            { sender: { id: "u2" }, recipient: { id: "1784" }, timestamp: 11, message: { mid: "m2", text: "love it", reply_to: { story: { id: "s1", url: "https://x" } } } },
            { sender: { id: "1784" }, recipient: { id: "u1" }, timestamp: 12, message: { mid: "m3", text: "our reply", is_echo: true } },
            { sender: { id: "u1" }, recipient: { id: "1784" }, timestamp: 13, message: { mid: "m4", is_deleted: true } },
            { sender: { id: "u3" }, recipient: { id: "1784" }, timestamp: 14, message: { mid: "m5", attachments: [{ type: "image" }] } },
          ],
        },
      ],
    };
    expect(instagramMessages(body).map((m) => [m.mid, m.senderId, m.text, m.storyReply])).toEqual([
      ["m1", "u1", "is this in green?", false],
      ["m2", "u2", "love it", true],
      ["m5", "u3", "[1 attachment]", false],
    ]);
    expect(instagramMessages("nonsense")).toEqual([]);
  });
});
