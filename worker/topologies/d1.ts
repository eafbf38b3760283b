/**
 * The part of Cloudflare's D1 binding the topology store uses, typed by hand: the project has no
 * @cloudflare/workers-types (its globals clash with the DOM lib the tests use), and these few
 * methods are all we need. Structurally compatible with the real `D1Database`.
 */
export interface D1Result<T> {
  results: T[];
  meta: { changes?: number };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result<unknown>>;
}

export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  /** Runs the statements as one transaction: all of them or none. */
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
}
