/**
 * Saved topologies in D1. Every write is one statement or one batch (D1 runs a batch as a single
 * transaction), so a failure leaves nothing half-written; a new version's number is computed inside
 * its INSERT, so concurrent PUTs both land, as consecutive versions (SQLite runs the statements one
 * after the other), and the version and rate limits are checked in that same statement.
 * Any D1 failure becomes a 503 problem (logged with the request id); nothing is retried here.
 */
import { ProblemError } from "../errors.ts";
import type { D1Database } from "./d1.ts";
import { MAX_VERSIONS, MAX_WRITES_PER_WINDOW, WRITE_WINDOW_MS } from "./limits.ts";
import { noSuchTopology, noSuchVersion, storageUnavailable, tokenWrong, tooManyVersions, tooManyWrites } from "./problems.ts";
import { ensureSchema } from "./schema.ts";
import { newId, newToken, sha256Hex, tokenMatches } from "./secrets.ts";

export interface StoredVersion {
  version: number;
  /** ms since the epoch */
  created: number;
  sha256: string;
}

export interface StoredTopology extends StoredVersion {
  /** The validated topology as JSON text, exactly as stored. */
  body: string;
}

export interface Created extends StoredVersion {
  id: string;
  token: string;
}

export interface Appended extends StoredVersion {
  /** false when the body equals the latest version's: nothing was stored. */
  stored: boolean;
}

interface VersionRow {
  version: number;
  created_at: number;
  sha256: string;
  body: string;
}

const asVersion = (r: { version: number; created_at: number; sha256: string }): StoredVersion => ({
  version: r.version,
  created: r.created_at,
  sha256: r.sha256,
});

export class TopologyStore {
  private readonly db: D1Database | undefined;
  private readonly requestId: string;

  constructor(db: D1Database | undefined, requestId: string) {
    this.db = db;
    this.requestId = requestId;
  }

  /** Runs D1 work with the schema in place; D1's own errors become one 503 problem. */
  private async d1<T>(work: (db: D1Database) => Promise<T>): Promise<T> {
    try {
      if (!this.db) throw new Error("no D1 binding named DB (see wrangler.toml)");
      await ensureSchema(this.db);
      return await work(this.db);
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      console.error(
        JSON.stringify({
          level: "error",
          requestId: this.requestId,
          where: "d1",
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        }),
      );
      throw storageUnavailable(this.requestId);
    }
  }

  /** A new id with version 1: both rows in one batch. */
  create(body: string, now: number): Promise<Created> {
    return this.d1(async (db) => {
      const id = newId();
      const token = newToken();
      const sha256 = await sha256Hex(body);
      await db.batch([
        db.prepare("INSERT INTO topologies (id, token_sha256, created_at) VALUES (?1, ?2, ?3)").bind(id, await sha256Hex(token), now),
        db
          .prepare("INSERT INTO topology_versions (id, version, created_at, sha256, body) VALUES (?1, 1, ?2, ?3, ?4)")
          .bind(id, now, sha256, body),
      ]);
      return { id, token, version: 1, created: now, sha256 };
    });
  }

  /** One version (or the latest); 404 for an unknown id or version. */
  read(id: string, version?: number): Promise<StoredTopology> {
    return this.d1(async (db) => {
      const row =
        version === undefined
          ? await db
              .prepare("SELECT version, created_at, sha256, body FROM topology_versions WHERE id = ?1 ORDER BY version DESC LIMIT 1")
              .bind(id)
              .first<VersionRow>()
          : await db
              .prepare("SELECT version, created_at, sha256, body FROM topology_versions WHERE id = ?1 AND version = ?2")
              .bind(id, version)
              .first<VersionRow>();
      if (row) return { ...asVersion(row), body: row.body };
      if (version === undefined) throw noSuchTopology();
      const latest = await db
        .prepare("SELECT MAX(version) AS latest FROM topology_versions WHERE id = ?1")
        .bind(id)
        .first<{ latest: number | null }>();
      if (!latest?.latest) throw noSuchTopology();
      throw noSuchVersion(version, latest.latest);
    });
  }

  versions(id: string): Promise<StoredVersion[]> {
    return this.d1(async (db) => {
      const { results } = await db
        .prepare("SELECT version, created_at, sha256 FROM topology_versions WHERE id = ?1 ORDER BY version")
        .bind(id)
        .all<VersionRow>();
      if (results.length === 0) throw noSuchTopology();
      return results.map(asVersion);
    });
  }

  /** 404 for an unknown id, 403 for a token that does not hash to the stored one. */
  authorize(id: string, token: string): Promise<void> {
    return this.d1((db) => this.check(db, id, token));
  }

  private async check(db: D1Database, id: string, token: string): Promise<void> {
    const row = await db.prepare("SELECT token_sha256 FROM topologies WHERE id = ?1").bind(id).first<{ token_sha256: string }>();
    if (!row) throw noSuchTopology();
    if (!(await tokenMatches(token, row.token_sha256))) throw tokenWrong();
  }

  /**
   * A new version after the latest, unless the body equals the latest one (then nothing is stored).
   * The INSERT numbers it MAX+1 and inserts nothing when the id has no versions (deleted meanwhile),
   * MAX_VERSIONS are reached, or MAX_WRITES_PER_WINDOW versions were written within the window.
   * It checks the token itself too, so it is safe without a prior `authorize`.
   */
  append(id: string, token: string, body: string, now: number): Promise<Appended> {
    return this.d1(async (db) => {
      await this.check(db, id, token);
      const sha256 = await sha256Hex(body);
      const latest = await db
        .prepare("SELECT version, created_at, sha256 FROM topology_versions WHERE id = ?1 ORDER BY version DESC LIMIT 1")
        .bind(id)
        .first<VersionRow>();
      if (!latest) throw noSuchTopology();
      if (latest.sha256 === sha256) return { ...asVersion(latest), stored: false };
      const since = now - WRITE_WINDOW_MS;
      const inserted = await db
        .prepare(
          `INSERT INTO topology_versions (id, version, created_at, sha256, body)
           SELECT ?1, MAX(version) + 1, ?2, ?3, ?4 FROM topology_versions WHERE id = ?1
           HAVING COUNT(*) > 0 AND COUNT(*) < ?5 AND SUM(created_at > ?6) < ?7
           RETURNING version, created_at, sha256`,
        )
        .bind(id, now, sha256, body, MAX_VERSIONS, since, MAX_WRITES_PER_WINDOW)
        .first<VersionRow>();
      if (inserted) return { ...asVersion(inserted), stored: true };
      // Nothing inserted: say which condition held.
      const why = await db
        .prepare("SELECT COUNT(*) AS n, MIN(CASE WHEN created_at > ?2 THEN created_at END) AS oldest FROM topology_versions WHERE id = ?1")
        .bind(id, since)
        .first<{ n: number; oldest: number | null }>();
      if (!why || why.n === 0) throw noSuchTopology();
      if (why.n >= MAX_VERSIONS) throw tooManyVersions();
      throw tooManyWrites(Math.max(1, Math.ceil(((why.oldest ?? now) + WRITE_WINDOW_MS - now) / 1000)));
    });
  }

  /** Every version and the id, in one batch. */
  delete(id: string, token: string): Promise<number> {
    return this.d1(async (db) => {
      await this.check(db, id, token);
      const [versions] = await db.batch([
        db.prepare("DELETE FROM topology_versions WHERE id = ?1").bind(id),
        db.prepare("DELETE FROM topologies WHERE id = ?1").bind(id),
      ]);
      return versions?.meta.changes ?? 0;
    });
  }
}
