// A message's search row: its own id, or for a message a merge brought in, a row of the survivor's own that still
// leads back to the message (src/tickets/searchRows.ts).
import { describe, expect, it } from "vitest";
import { messageIdOfRow, searchRowId } from "../../src/tickets/searchRows.ts";

describe("search rows", () => {
  it("use the message id for the ticket's own messages", () => {
    expect(searchRowId("tkt_b", { id: "msg_1", origin: null })).toBe("msg_1");
    expect(searchRowId("tkt_b", { id: "msg_1" })).toBe("msg_1");
    expect(messageIdOfRow("msg_1")).toBe("msg_1");
  });

  it("give a merged-in message a row of the survivor's that leads back to the message, colons and all", () => {
    const row = searchRowId("tkt_b", { id: "msg_kclient:42:x", origin: "tkt_a" });
    expect(row).not.toBe("msg_kclient:42:x");
    expect(row).not.toBe(searchRowId("tkt_c", { id: "msg_kclient:42:x", origin: "tkt_a" }));
    expect(messageIdOfRow(row)).toBe("msg_kclient:42:x");
  });
});
