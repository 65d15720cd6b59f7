// Browser tests for the admin screens (issue 12): macros with a live placeholder preview and `/` in the composer, the
// knowledge base and what the AI agent answers from, and agents — an invitation link joined in another browser,
// then deactivated.
import { afterAll, describe, expect, it } from "vitest";
import { browserKit, goOffline, hasChromium, server, shot, uniqueId, type Credentials } from "./kit.ts";

const ALEX: Credentials = { email: "alex@edgedesk.dev" };

describe.skipIf(!hasChromium)("admin screens in a real browser", () => {
  const kit = browserKit();
  const fresh = () => kit.page({ reducedMotion: "reduce" });
  const signInAsAlex = (hash: string) => kit.signIn(hash, ALEX, { reducedMotion: "reduce" });

  // Signing in set Alex online: back offline, as the other browser files expect the demo team to be.
  afterAll(() => goOffline(ALEX.email), 30_000);

  it("creates a macro with a live preview and inserts it with / in the composer", async () => {
    const name = uniqueId("Thanks");
    const p = await signInAsAlex("#/settings/macros");
    await p.getByRole("button", { name: "New macro" }).click();
    const form = p.getByRole("form", { name: "New macro" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Text").fill("Hi {{customer.name}}, this is {{agent.name}} about #{{ticket.number}}.");
    await form.locator(".preview-text", { hasText: "Hi Jamie Rivera, this is Alex Admin about #1042." }).waitFor();
    await form.getByRole("button", { name: "Create macro" }).click();
    await p.locator(".admin-name", { hasText: name }).waitFor();
    // In a ticket: "/" and the macro's name, Enter.
    const tickets = await p.evaluate(async () => {
      const token = (JSON.parse(localStorage.getItem("edgedesk:session") ?? "{}") as { token?: string }).token;
      const res = await fetch("/api/tickets?view=all", { headers: { Authorization: `Bearer ${token}` } });
      return ((await res.json()) as { items: { id: string; number: number }[] }).items;
    });
    const ticket = tickets[0];
    expect(ticket).toBeTruthy();
    await p.goto(`${server.base}/app/#/all/${ticket?.id}`);
    const box = p.getByLabel("Reply to the customer");
    await box.fill(`/${name.slice(0, 6)}`);
    await p.getByRole("listbox", { name: "Insert a macro" }).waitFor();
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toContain(`this is Alex Admin about #${ticket?.number}.`);
    expect(await box.inputValue()).not.toContain("/");
  });

  it("adds a knowledge-base article and shows which articles the AI agent answers a question from", async () => {
    const title = uniqueId("Gift wrapping");
    const p = await signInAsAlex("#/settings/knowledge");
    await p.getByRole("button", { name: "New article" }).click();
    const form = p.getByRole("form", { name: "New article" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Article").fill("We gift-wrap any order in recycled kraft paper for $4; choose it at checkout.");
    await form.getByRole("button", { name: "Add article" }).click();
    await p.locator(".admin-name", { hasText: title }).waitFor();
    await p.getByLabel(/Ask as a shopper would/).fill("can you gift wrap my order");
    await p.getByLabel(/Ask as a shopper would/).press("Enter");
    await p.locator(".try-question li", { hasText: title }).waitFor();
    await shot(p, "admin-knowledge.png");
  });

  it("invites an agent by email; the one-time link signs them in; deactivating signs them out", async () => {
    const email = `${uniqueId("riley")}@example.com`.toLowerCase();
    const admin = await signInAsAlex("#/settings/agents");
    const form = admin.getByRole("form", { name: "Invite an agent" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name (optional)").fill("Riley Rookie");
    await form.getByRole("button", { name: "Invite" }).click();
    const link = await admin.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/app\/#\/invite\/[A-Za-z0-9_-]+$/);
    await admin.locator(".admin-row", { hasText: email }).waitFor();

    const riley = await fresh();
    await riley.goto(link);
    await riley.getByRole("heading", { name: /Join Northwind Outfitters/ }).waitFor();
    await riley.getByLabel("Choose a password").fill("riley-password-1");
    await riley.getByRole("button", { name: "Join the team" }).click();
    await riley.locator(".me-name", { hasText: "Riley Rookie" }).waitFor({ state: "attached" });

    await admin.reload();
    const row = admin.locator(".admin-row", { hasText: "Riley Rookie" });
    admin.on("dialog", (d) => void d.accept());
    // The PATCH signs Riley out and sets them offline before it answers: on a busy machine that takes a while.
    const patched = admin.waitForResponse((r) => r.url().includes("/access") && r.request().method() === "PATCH", { timeout: 30_000 });
    await row.getByRole("button", { name: "Deactivate" }).click();
    expect((await patched).status()).toBe(200);
    await row.locator(".pill", { hasText: "deactivated" }).waitFor({ timeout: 30_000 });
    // Riley's next request is refused: the dashboard goes back to the sign-in screen.
    await riley.reload();
    await riley.getByRole("button", { name: "Sign in" }).waitFor();
    // The link worked once.
    const again = await fresh();
    await again.goto(link);
    await again.locator(".form-error", { hasText: "not valid" }).waitFor();
  });
});
