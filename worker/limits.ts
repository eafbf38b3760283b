/**
 * Request limits of the HTTP edge, enforced before any parsing (README "Limits" documents them).
 * They sit below the core's own document limits (core/limits.ts) so that one request stays far
 * inside a Worker's CPU and memory budget, and below the platform's 16 KB URL ceiling.
 */

/** Request body of POST /v1/flow and POST /v1/audit, in bytes (Content-Length, then counted). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Whole request URL (scheme, host, path and query), in characters. Workers themselves stop at 16 KB. */
export const MAX_URL_CHARS = 8 * 1024;

/** What an encoded URL may inflate to, in bytes: the guard against decompression bombs. */
export const MAX_INFLATED_BYTES = 128 * 1024;

/**
 * Rows of one audit answer (users x protocols x 2 client locations), checked before routing. It is
 * set from bench/growth.ts: an audit costs about 10-20 us of CPU per row in-process, and its JSON
 * about 340 bytes per row, so 2,200 rows (100 users with every protocol) stay near the 50 ms CPU
 * target and under 1 MB of JSON. Larger audits: the CLI (no limit), or `?users=` / `?protocols=`.
 */
export const MAX_AUDIT_ROWS = 2_200;

/** Human-readable sizes for error messages. */
export function formatBytes(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
