// Browser test: a shopper sends a photo from the widget and the agent sees it in the dashboard; the agent replies
// with a PDF and the shopper can open it; a foreign visitor gets neither. Works in an account of its own.
import { crc32, deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { apiOk, browserKit, DEMO_PASSWORD, hasChromium, newAccount, server, shot, startChat, uniqueId, visitorApi, WAIT, type OwnAccount } from "./kit.ts";

let account: OwnAccount;

/** A real 8×8 PNG (an orange square), so the browser can decode and show it. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 8 }, () => [0xf0, 0x80, 0x20]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: 8 }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe.skipIf(!hasChromium)("files in a real browser", () => {
  const kit = browserKit();

  beforeAll(async () => {
    account = await newAccount({ accountName: "Northwind files tests", name: "Fran Files", email: `${uniqueId("fran")}@files.example`, password: DEMO_PASSWORD });
    await apiOk("PUT", "/api/settings/agent", { enabled: false }, account.token);
    await apiOk("PUT", "/api/settings/files", { maxBytes: 100_000, kinds: ["image", "pdf"] }, account.token);
  }, 120_000);

  it("carries a shopper's photo to the agent and the agent's PDF back to the shopper, and to nobody else", async () => {
    const { page: shopper } = await kit.openShopper({ widgetAccount: account.id });
    const widget = shopper.locator("edgedesk-chat");

    // Too large for this shop: the widget says so and keeps nothing.
    await widget.locator('input[type="file"]').setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([png(), Buffer.alloc(150_000)]) });
    await widget.locator(".file-error", { hasText: "huge.png: The file is larger than 98 KB" }).waitFor({ timeout: WAIT });

    // The photo is previewed, then sent with a few words.
    await widget.locator('input[type="file"]').setInputFiles({ name: "broken-mug.png", mimeType: "image/png", buffer: png() });
    await widget.locator(".chip:not(.busy)", { hasText: "broken-mug.png" }).waitFor({ timeout: WAIT });
    expect(await widget.locator(".chip img").count()).toBe(1);
    const text = `My mug arrived broken ${uniqueId("m")}`;
    await shopper.getByRole("textbox", { name: "Message" }).fill(text);
    await shopper.getByRole("textbox", { name: "Message" }).press("Enter");
    const sentImage = widget.locator(".row.customer:not(.pending) .attachments img");
    await sentImage.waitFor({ timeout: WAIT });
    await expect.poll(() => sentImage.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: WAIT }).toBe(8);

    // Pasting an image into the text box and dropping one onto the chat attach them too.
    const pngBytes = [...png()];
    await widget.getByRole("textbox", { name: "Message" }).evaluate((input, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
      input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, pngBytes);
    await widget.locator(".chip:not(.busy)", { hasText: "pasted.png" }).waitFor({ timeout: WAIT });
    await widget.locator(".panel").evaluate((panel, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
      panel.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, pngBytes);
    await widget.locator(".chip:not(.busy)", { hasText: "dropped.png" }).waitFor({ timeout: WAIT });
    await widget.getByRole("button", { name: "Send message" }).click();
    await expect.poll(() => widget.locator(".row.customer:not(.pending) .attachments img").count(), { timeout: WAIT }).toBe(3);

    // The agent sees the photo in the ticket.
    const agent = await kit.signIn("#/unassigned", account);
    // The list previews a message of files alone by their names.
    await agent.locator(".rows .row", { hasText: "📎 pasted.png, 📎 dropped.png" }).locator(".row-link").click({ timeout: WAIT });
    const photo = agent.locator(".thread .msg", { hasText: text }).locator(".msg-image img");
    await photo.waitFor({ timeout: WAIT });
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: WAIT }).toBe(8);
    const photoUrl = new URL((await photo.getAttribute("src"))!, server.base);

    // The agent replies with a PDF.
    await agent.locator('input[data-testid="composer-file"]').setInputFiles({ name: "return-label.pdf", mimeType: "application/pdf", buffer: PDF });
    await agent.locator(".composer-files .file-chip", { hasText: "return-label.pdf" }).waitFor({ timeout: WAIT });
    await agent.getByLabel("Reply to the customer").fill("Sorry about that! Here is your return label.");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await agent.locator(".thread .msg .msg-file", { hasText: "return-label.pdf" }).waitFor({ timeout: WAIT });
    // An image dropped onto the composer goes into an internal note, which the shopper never sees.
    await agent.getByRole("tab", { name: /Internal note/ }).click();
    await agent.locator("form.composer").evaluate((form, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "warehouse-check.png", { type: "image/png" }));
      form.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, pngBytes);
    await agent.locator(".composer-files .file-chip", { hasText: "warehouse-check.png" }).waitFor({ timeout: WAIT });
    await agent.getByRole("button", { name: "Add note" }).click();
    await agent.locator(".thread .msg.note .msg-image img[alt='warehouse-check.png']").waitFor({ timeout: WAIT });
    await shot(shopper, "widget-files.png");
    await shot(agent, "dashboard-files.png");

    // The shopper opens it.
    const link = widget.locator(".attachments a.file", { hasText: "return-label.pdf" });
    await link.waitFor({ timeout: WAIT });
    const href = (await link.getAttribute("href"))!;
    expect(await widget.locator("img[alt='warehouse-check.png']").count()).toBe(0);
    const opened = await shopper.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), head: (await res.text()).slice(0, 8) };
    }, href);
    expect(opened).toEqual({ status: 200, type: "application/pdf", disposition: expect.stringMatching(/^attachment;/), head: "%PDF-1.4" });

    // A foreign visitor: a tampered link gets nothing, and the photo can't be attached into another conversation.
    const forged = new URL(photoUrl);
    forged.searchParams.set("sig", "f".repeat(64));
    expect((await fetch(forged)).status).toBe(404);
    const foreign = await startChat(account.id);
    const photoId = photoUrl.pathname.split("/").pop();
    const stolen = await visitorApi(foreign, "POST", "/messages", { text: "mine now", attachmentIds: [photoId] });
    expect(stolen.status).toBe(400);
  });
});
