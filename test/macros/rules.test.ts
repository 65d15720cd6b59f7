// Macros: placeholders fill in from the ticket, missing values fall back gracefully, unknown ones stay visible.
import { describe, expect, it } from "vitest";

import { macroPlaceholders, renderMacro } from "../../src/macros/rules.ts";

import type { MacroContext } from "../../src/macros/rules.ts";

const ctx: MacroContext = {
  customer: { name: "Jane Doe", email: "jane@example.com" },
  agent: { name: "Marco" },
  ticket: { number: 1042 },
};

describe("renderMacro", () => {
  it.each([
    ["fills the customer's name", "Hi {{customer.name}},", ctx, "Hi Jane Doe,"],
    ["fills the agent's name", "Best, {{agent.name}}", ctx, "Best, Marco"],
    ["fills the ticket number", "Your ticket #{{ticket.number}} is closed.", ctx, "Your ticket #1042 is closed."],
    ["fills the customer's email", "We'll write to {{customer.email}}.", ctx, "We'll write to jane@example.com."],
    ["allows spaces inside the braces", "Hi {{ customer.name }}!", ctx, "Hi Jane Doe!"],
    ["fills every occurrence", "{{agent.name}} here. — {{agent.name}}", ctx, "Marco here. — Marco"],
    ["greets a customer without a name as 'there'", "Hi {{customer.name}},", { ...ctx, customer: {} }, "Hi there,"],
    ["treats a blank name as missing", "Hi {{customer.name}},", { ...ctx, customer: { name: "  " } }, "Hi there,"],
    ["treats a null name as missing", "Hi {{customer.name}},", { ...ctx, customer: { name: null } }, "Hi there,"],
    ["falls back for a missing email", "We'll write to {{customer.email}}.", { ...ctx, customer: { name: "Jane" } }, "We'll write to your email address."],
    ["falls back for an agent without a name", "Best, {{agent.name}}", { ...ctx, agent: { name: "" } }, "Best, our team"],
    ["leaves an unknown placeholder visible", "Your order {{order.id}} ships soon", ctx, "Your order {{order.id}} ships soon"],
    ["matches names case-sensitively", "Hi {{Customer.Name}}", ctx, "Hi {{Customer.Name}}"],
    ["leaves an unclosed placeholder as written", "Hi {{customer.name}", ctx, "Hi {{customer.name}"],
    ["leaves a body without placeholders unchanged", "Thanks for writing in!", ctx, "Thanks for writing in!"],
    ["does not re-expand placeholders that appear in filled values", "Hi {{customer.name}}", { ...ctx, customer: { name: "{{agent.name}}" } }, "Hi {{agent.name}}"],
  ] as const)("%s", (_label, body, context, expected) => {
    expect(renderMacro(body, context)).toBe(expected);
  });
});

describe("macroPlaceholders", () => {
  it("lists the known placeholders a macro uses, once each, in order", () => {
    expect(macroPlaceholders("Hi {{customer.name}}, ticket {{ticket.number}}. {{agent.name}} / {{ customer.name }}")).toEqual({
      placeholders: ["customer.name", "ticket.number", "agent.name"],
      unknown: [],
    });
  });

  it("lists unknown placeholders as written so the macro can be rejected at save time", () => {
    expect(macroPlaceholders("Hi {{customer.first_name}}, order {{order.id}} {{}} {{order.id}} {{customer.email}}")).toEqual({
      placeholders: ["customer.email"],
      unknown: ["{{customer.first_name}}", "{{order.id}}", "{{}}"],
    });
  });

  it("finds nothing in a plain body", () => {
    expect(macroPlaceholders("Thanks!")).toEqual({ placeholders: [], unknown: [] });
  });
});
