-- Saved topologies (issue 17): one row per id with the SHA-256 of its write token, and one row
-- per version (append-only; `body` is the validated topology as JSON, `created_at` is ms since
-- the epoch). worker/topologies/schema.ts runs the same statements (a unit test compares them).
CREATE TABLE IF NOT EXISTS topologies (
  id TEXT PRIMARY KEY,
  token_sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS topology_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
