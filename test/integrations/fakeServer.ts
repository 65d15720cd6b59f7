// A real loopback HTTP server standing in for an outside service: records every request and answers from a script.
// Tests pass node:http's createServer in; this file stays free of node imports because the workerd tsconfig also checks it.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
}

export type FakeHandler = (req: RecordedRequest, server: FakeServer) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface IncomingLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

interface OutgoingLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

interface ServerLike {
  listen(port: number, host: string, callback: () => void): unknown;
  close(callback?: (err?: Error) => void): unknown;
  address(): unknown;
}

export type CreateServer = (listener: (req: IncomingLike, res: OutgoingLike) => void) => ServerLike;

async function readBody(req: IncomingLike): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of req) {
    text += typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  }
  return text + decoder.decode();
}

function record(req: IncomingLike, body: string): RecordedRequest {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  let json: unknown = undefined;
  if (body !== "") {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body, json };
}

export async function startFakeServer(createServer: CreateServer, handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const fake: FakeServer = { url: "", requests, close: async () => {} };
  const server = createServer((req, res) => {
    void (async () => {
      const recorded = record(req, await readBody(req));
      requests.push(recorded);
      let reply: FakeReply;
      try {
        reply = await handler(recorded, fake);
      } catch (err) {
        reply = { status: 500, json: { error: `fake server handler failed: ${String(err)}` } };
      }
      res.statusCode = reply.status ?? 200;
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      if (reply.json !== undefined) {
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(reply.json));
      } else {
        res.end(reply.body ?? "");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null && "port" in address ? Number(address.port) : NaN;
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return fake;
}

/** Answers requests in order with the given replies; an unexpected extra request gets a 500 the test will notice. */
export function inOrder(...replies: FakeReply[]): FakeHandler {
  let next = 0;
  return () => replies[next++] ?? { status: 500, json: { error: "no scripted reply left" } };
}
