// Inbound email parsed by postal-mime: real-world samples (test/channels/fixtures/email/) come out readable.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseEmail } from "../../src/channels/email.ts";
import { handleInboundEmail } from "../../src/channels/emailHandler.ts";
import { call, signup } from "../helpers.ts";
import apple from "./fixtures/email/apple-mail.eml?raw";
import forwarded from "./fixtures/email/forwarded.eml?raw";
import gmail from "./fixtures/email/gmail.eml?raw";
import latin1 from "./fixtures/email/iso-8859-1.eml?raw";
import outlook from "./fixtures/email/outlook.eml?raw";
import photo from "./fixtures/email/photo-attachment.eml?raw";

describe("parsing inbound email", () => {
  it("decodes a Gmail message: UTF-8 base64 encoded subject and sender name, multipart/alternative", async () => {
    const mail = await parseEmail(gmail);
    expect(mail.subject).toBe("Rücksendung für Bestellung #1042");
    expect(mail.fromName).toBe("Jürgen Müller");
    expect(mail.from).toBe("juergen.mueller@gmail.com");
    expect(mail.text).toBe("Hallo,\n\nich möchte die Jacke aus Bestellung #1042 zurücksenden. Sie ist leider zu groß.\n\nViele Grüße\nJürgen");
    expect(mail.threadId).toBe("<CAF3x9Qk1wZ+gmail-1042@mail.gmail.com>");
  });

  it("turns an Outlook HTML-only windows-1252 message into readable text with entities decoded", async () => {
    const mail = await parseEmail(outlook);
    expect(mail.fromName).toBe("Hélène Dubois");
    expect(mail.subject).toBe("Commande n°1042 – toujours pas reçue");
    expect(mail.text).toBe("Bonjour,\n\nMa commande n°1042 n’est pas arrivée & le suivi ne bouge plus depuis le 24/11.\n\nPouvez-vous vérifier ?\n\nCordialement,\nHélène Dubois");
    expect(mail.text).not.toMatch(/&#|&amp;|&nbsp;|MsoNormal|\uFFFD/);
  });

  it("decodes a plain ISO-8859-1 message and its Q-encoded subject", async () => {
    const mail = await parseEmail(latin1);
    expect(mail.subject).toBe("Commande non reçue");
    expect(mail.fromName).toBe("Lucía García");
    expect(mail.text).toBe("Hola,\n\n¿Podéis enviarme el número de seguimiento del pedido 1044? Aún no ha llegado.\n\nGracias,\nLucía");
  });

  it("reads 8-bit ISO-8859-1 bytes as sent, not as UTF-8", async () => {
    const head = "From: Lucia <l@example.es>\r\nSubject: =?iso-8859-1?Q?Commande_non_re=E7ue?=\r\nMessage-ID: <8bit@example.es>\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    const body = "¿Podéis enviarme el número de seguimiento?";
    const bytes = Uint8Array.from([...head, ...body].map((c) => c.charCodeAt(0)));
    const mail = await parseEmail(bytes);
    expect(mail.subject).toBe("Commande non reçue");
    expect(mail.text).toBe(body);
  });

  it("strips the quoted history of an Apple Mail reply and keeps its thread", async () => {
    const mail = await parseEmail(apple);
    expect(mail.fromName).toBe("Zoë Martin");
    expect(mail.text).toBe("Perfect, thank you! The label printed fine.\n\nOne more thing: can I drop it at any post office?\n\nSent from my iPhone");
    expect(mail.threadId).toBe("<ret-1038@shop.example>");
  });

  it("keeps a forwarded message's content below the forwarder's note", async () => {
    const mail = await parseEmail(forwarded);
    expect(mail.subject).toBe("Fwd: Delivery attempt failed - parcel 7781");
    expect(mail.text).toContain("Can you resend it?");
    expect(mail.text).toContain("Carrier Notifications <no-reply@parcels.example>");
    expect(mail.text).toContain("We tried to deliver parcel 7781 but nobody was home.");
  });

  it("returns an attached photo as a file", async () => {
    const mail = await parseEmail(photo);
    expect(mail.text).toBe("The mug arrived broken, photo attached.");
    expect(mail.files).toHaveLength(1);
    expect(mail.files[0]).toMatchObject({ name: "IMG_0412.jpg", declaredType: "image/jpeg", inline: false });
    expect([...mail.files[0]!.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe("inbound email into tickets", () => {
  it("shows the decoded subject, sender name and text, and the photo in the thread", async () => {
    const acc = await signup();
    const to = `support+${acc.accountId}@shop.example`;
    for (const raw of [outlook, photo]) expect(await handleInboundEmail(env, { from: "x@example.com", to, raw: raw.replaceAll("ACCOUNT", acc.accountId) })).toBeNull();
    // A provider retry of the photo message stores nothing twice.
    expect(await handleInboundEmail(env, { from: "x@example.com", to, raw: photo })).toBeNull();
    const list = await call("GET", "/api/tickets?view=all&channel=email", { token: acc.token });
    expect(list.body.items).toHaveLength(2);
    const outlookTicket = list.body.items.find((t: { subject?: string }) => t.subject?.startsWith("Commande"));
    expect(outlookTicket).toMatchObject({ subject: "Commande n°1042 – toujours pas reçue", customer: { name: "Hélène Dubois", email: "helene.dubois@outlook.fr" } });
    const photoTicket = list.body.items.find((t: { subject?: string }) => t.subject === "Damaged mug in order #1051");
    const thread = await call("GET", `/api/tickets/${photoTicket.id}`, { token: acc.token });
    expect(thread.body.messages).toHaveLength(1);
    const [message] = thread.body.messages;
    expect(message.body).toBe("The mug arrived broken, photo attached.");
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ name: "IMG_0412.jpg", contentType: "image/jpeg", size: 134 });
    const file = await call("GET", message.attachments[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
  });
});
