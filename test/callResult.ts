// What a test reads of an HTTP answer, the same in workerd (test/helpers.ts) and in node against wrangler dev (test/browser/kit.ts).

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** The answer's status, headers and body: its JSON, or its text when that is not JSON (null when empty). */
export async function readCallResult<T>(res: Response): Promise<CallResult<T>> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
