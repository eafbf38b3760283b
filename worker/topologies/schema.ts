/**
 * The D1 schema, statement by statement: the same SQL as migrations/0001_topologies.sql (a unit test
 * compares them). `npm start` applies the migrations with wrangler, but a plain `wrangler dev` (or a
 * fresh local database, or a deploy whose migrations were never applied) would otherwise answer every
 * topology request with "no such table". So the worker also runs these idempotent
 * CREATE TABLE IF NOT EXISTS statements itself, once per isolate, before its first query: cheap
 * (one batch per isolate start) and harmless where the migration already ran.
 */
import type { D1Database } from "./d1.ts";

export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS topologies (
  id TEXT PRIMARY KEY,
  token_sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS topology_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (id, version)
)`,
];

const ready = new WeakMap<D1Database, Promise<void>>();

/** Create the tables if they are missing; once per isolate and binding. A failure is retried by the next request. */
export function ensureSchema(db: D1Database): Promise<void> {
  let p = ready.get(db);
  if (!p) {
    p = db.batch(SCHEMA.map((s) => db.prepare(s))).then(() => undefined);
    p.catch(() => ready.delete(db));
    ready.set(db, p);
  }
  return p;
}
