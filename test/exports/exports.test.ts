import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ticketsCsv } from "../../src/exports/tickets.ts";
import { addAgent, call, inbound, signup } from "../helpers.ts";

/** Splits RFC 4180 text into rows of cells (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  return rows;
}

describe("CSV exports", () => {
  it("exports every ticket the filters select, across pages, escaped and safe from formulas", async () => {
    const acc = await signup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await inbound(acc.accountId, { channel: "sms", from: `+1555500000${i}`, text: `plain message ${i}` })).body.ticketId);
    const tricky = (await inbound(acc.accountId, { channel: "email", from: "Eve <eve@example.com>", text: '=HYPERLINK("http://evil.example","click"), then "quotes"\nand a new line', threadId: "<evil@x>" })).body.ticketId;
    await call("PATCH", `/api/tickets/${ids[0]}`, { token: acc.token, body: { status: "closed", tags: ["vip", "returns"] } });

    const res = await call("GET", "/api/exports/tickets.csv?view=all", { token: acc.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(res.body as string);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(["id", "number", "channel", "status"]);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect([...byId.keys()].sort()).toEqual([...ids, tricky].sort());
    expect(byId.get(ids[0]!)).toMatchObject({ status: "closed", tags: "vip; returns", customer_phone: "'+15555000000" });
    expect(byId.get(tricky)!.preview).toMatch(/^'=HYPERLINK\("http:\/\/evil.example","click"\), then "quotes" and a new line$/);

    // Same filters as the list: only the closed one.
    const closed = parseCsv((await call("GET", "/api/exports/tickets.csv?view=all&status=closed", { token: acc.token })).body as string);
    expect(closed.slice(1).map((r) => r[0])).toEqual([ids[0]]);
    expect((await call("GET", "/api/exports/tickets.csv?status=garbage", { token: acc.token })).status).toBe(400);
  });

  it("streams page after page until the last ticket", async () => {
    const acc = await signup();
    const n = 7;
    for (let i = 0; i < n; i++) await inbound(acc.accountId, { channel: "sms", from: `+155560000${i}`, text: "bulk" });
    const text = await new Response(ticketsCsv(env, acc.accountId, acc.agentId, { view: "all" }, 2)).text();
    const rows = parseCsv(text);
    expect(rows.length - 1).toBe(n);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(n);
  });

  it("exports the report's figures, and exports are for owners, admins and managers, audited", async () => {
    const acc = await signup();
    await inbound(acc.accountId, { channel: "sms", from: "+15557000001", text: "hi" });
    const res = await call("GET", "/api/exports/report.csv", { token: acc.token });
    expect(res.status).toBe(200);
    const rows = parseCsv(res.body as string);
    expect(rows[0]).toEqual(["section", "item", "metric", "value"]);
    const report = (await call("GET", "/api/reports", { token: acc.token })).body;
    expect(rows).toContainEqual(["tickets", "", "tickets", String(report.tickets)]);
    expect(rows).toContainEqual(["channel", "sms", "tickets", "1"]);
    expect(rows).toContainEqual(["csat", "", "responses", String(report.csat.responses)]);
    expect(rows).toContainEqual(["sla", "", "measured", String(report.sla.measured)]);
    expect((await call("GET", "/api/exports/report.csv?from=2026-02-01&to=2026-01-01", { token: acc.token })).status).toBe(400);

    const manager = await addAgent(acc, "manager");
    expect((await call("GET", "/api/exports/report.csv", { token: manager.token })).status).toBe(200);
    const support = await addAgent(acc, "support");
    expect((await call("GET", "/api/exports/tickets.csv", { token: support.token })).status).toBe(403);
    expect((await call("GET", "/api/exports/report.csv", { token: support.token })).status).toBe(403);
    expect((await call("GET", "/api/exports/tickets.csv")).status).toBe(401);
    const audit = await call("GET", "/api/audit?action=export.*", { token: acc.token });
    expect(audit.body.items.map((i: { action: string; actorId: string }) => [i.action, i.actorId])).toEqual([
      ["export.report", manager.agentId],
      ["export.report", acc.agentId],
    ]);
  });
});
