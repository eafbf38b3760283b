/**
 * Limits of saved topologies (README "Saved topologies"). A topology's size is the same as for
 * every other request (worker/limits.ts MAX_BODY_BYTES, then the core's document limits).
 */

/** Versions one id may hold; past it a PUT is refused (409) until the topology is deleted. */
export const MAX_VERSIONS = 200;

/** Writes (create or new version) per id within WRITE_WINDOW_MS; more is a 429 with Retry-After. */
export const MAX_WRITES_PER_WINDOW = 10;
export const WRITE_WINDOW_MS = 60_000;

/** How long Workers Cache and browsers may keep a latest-version answer (it then revalidates with the ETag). */
export const LATEST_MAX_AGE_S = 60;

/**
 * How long a versioned answer (`{id}@{n}`) may be kept. Its content never changes (immutable), but
 * DELETE must take it off the Web too, so it is one day rather than the encoded URLs' year.
 */
export const VERSION_MAX_AGE_S = 86_400;
