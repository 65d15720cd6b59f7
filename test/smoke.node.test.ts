import { createServer } from "node:http";
import { expect, it } from "vitest";

it("runs node-side adapter tests against a loopback server", async () => {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
  server.close();
});
