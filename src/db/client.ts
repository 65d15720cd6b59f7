// The drizzle client over the D1 binding, built once per binding: building it reads the whole schema, which is
// too much work to repeat on every query of the hot paths.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema/index.ts";

function build(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Db = ReturnType<typeof build>;

const clients = new WeakMap<D1Database, Db>();

export function db(d1: D1Database): Db {
  let client = clients.get(d1);
  if (!client) {
    client = build(d1);
    clients.set(d1, client);
  }
  return client;
}
