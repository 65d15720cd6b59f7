// SMS attribution: a reply within the window is credited to the latest campaign/flow SMS, once per burst.
import { describe, expect, it } from "vitest";

import { attributeReply } from "../../src/channels/smsAttribution.ts";

import type { ReceivedSms } from "../../src/channels/smsAttribution.ts";

const HOUR = 3_600_000;
const replyAt = Date.parse("2026-05-10T12:00:00Z");
const hoursBefore = (hours: number): number => replyAt - hours * HOUR;

const springSale: ReceivedSms = { messageId: "msg_spring_sale", sentAt: hoursBefore(20), kind: "campaign" };
const cartReminder: ReceivedSms = { messageId: "msg_cart_reminder", sentAt: hoursBefore(2), kind: "flow" };

describe("attributeReply", () => {
  it.each([
    ["credits a reply two hours after a flow SMS to it", [cartReminder], null, "msg_cart_reminder"],
    ["credits the most recent of several messages", [springSale, cartReminder], null, "msg_cart_reminder"],
    ["credits the most recent message whatever the order received lists them in", [cartReminder, springSale], null, "msg_cart_reminder"],
    ["credits a campaign 20 hours back when it is the only one", [springSale], null, "msg_spring_sale"],
    ["credits nothing when the customer received nothing", [], null, null],
    ["ignores a message sent after the reply", [{ ...cartReminder, sentAt: replyAt + 1 }], null, null],
    ["credits a message sent at the very instant of the reply", [{ ...cartReminder, sentAt: replyAt }], null, "msg_cart_reminder"],
    ["credits a reply exactly 24 hours after the message", [{ ...springSale, sentAt: hoursBefore(24) }], null, "msg_spring_sale"],
    ["credits nothing to a reply outside the 24-hour window", [{ ...springSale, sentAt: hoursBefore(24) - 1 }], null, null],
    ["skips a message outside the window for a newer one inside it", [{ ...springSale, sentAt: hoursBefore(30) }, cartReminder], null, "msg_cart_reminder"],
    ["credits nothing to a later reply of the same burst", [springSale, cartReminder], hoursBefore(1), null],
    ["credits nothing when the burst began the instant the message was sent", [cartReminder], hoursBefore(2), null],
    ["credits the first reply after a new message even if the customer replied to an older one", [springSale, cartReminder], hoursBefore(10), "msg_cart_reminder"],
  ] as const)("%s", (_label, received, previousReplyAt, expected) => {
    expect(attributeReply({ replyAt, received, previousReplyAt })).toBe(expected);
  });

  it("uses a custom attribution window", () => {
    expect(attributeReply({ replyAt, received: [cartReminder], previousReplyAt: null, windowMs: HOUR })).toBeNull();
    expect(attributeReply({ replyAt, received: [cartReminder], previousReplyAt: null, windowMs: 3 * HOUR })).toBe("msg_cart_reminder");
  });

  it("breaks a tie between messages sent at the same instant in favour of the one listed last", () => {
    const sameInstant: ReceivedSms = { messageId: "msg_flow_same_instant", sentAt: cartReminder.sentAt, kind: "flow" };
    expect(attributeReply({ replyAt, received: [cartReminder, sameInstant], previousReplyAt: null })).toBe("msg_flow_same_instant");
  });
});
