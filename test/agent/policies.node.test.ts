// One source of truth for the demo: the store page, the knowledge base and the coupon descriptions state the policies in demoPolicies.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoKnowledgeBase, demoPolicies } from "../../src/integrations/demo-store/index.ts";
import { demoCoupons, demoReturnsPolicy } from "../../src/integrations/demo-store/data.ts";

const page = readFileSync(new URL("../../web/public/index.html", import.meta.url), "utf8").replace(/<[^>]+>/g, " ");
const kb = demoKnowledgeBase.map((a) => a.body).join("\n");

describe("the demo store's policies", () => {
  it("the store page states the returns window, label fee, refund time and free-shipping threshold of the policies", () => {
    expect(page).toContain(`${demoPolicies.returnWindowDays}-day returns`);
    expect(page).toContain(`${demoPolicies.returnWindowDays} days from delivery`);
    expect(page).toContain(`$${demoPolicies.returnLabelFee} return label fee`);
    expect(page).toContain(`${demoPolicies.refundBusinessDays} business days`);
    expect(page).toContain(`orders over $${demoPolicies.freeShippingOver}`);
  });

  it("the store page promises nothing the policies don't", () => {
    for (const days of page.matchAll(/(\d+)[- ]day/g)) expect(Number(days[1])).toBe(demoPolicies.returnWindowDays);
    for (const over of page.matchAll(/over \$(\d+)/g)) expect(Number(over[1])).toBe(demoPolicies.freeShippingOver);
    expect(page).not.toMatch(/free return label|refund within 3 days|repairs for life/i);
  });

  it("the knowledge base and the returns summary state the same figures", () => {
    for (const text of [kb, demoReturnsPolicy]) {
      expect(text).toContain(`within ${demoPolicies.returnWindowDays} days of delivery`);
      expect(text).toContain(`$${demoPolicies.returnLabelFee} return label fee`);
      expect(text).toContain(`${demoPolicies.refundBusinessDays} business days`);
    }
    expect(kb).toContain(`free on orders over $${demoPolicies.freeShippingOver}`);
    for (const over of kb.matchAll(/(?:free|ship free)[^.]*over \$(\d+)/g)) expect(Number(over[1])).toBe(demoPolicies.freeShippingOver);
  });

  it("no coupon describes another free-shipping threshold", () => {
    for (const c of demoCoupons) for (const over of c.description.matchAll(/over \$(\d+)/g)) expect(Number(over[1])).toBe(demoPolicies.freeShippingOver);
  });
});
