/**
 * Size limits for input the core accepts. parse.ts enforces the document-level ones before and
 * while parsing; schema.ts puts the per-field ones into the zod schemas (so the published JSON
 * Schema carries them too). Breaking one gives a `LIMIT` issue that names the limit.
 *
 * They are generous for real organisations (the largest Exchange estates have a few hundred
 * servers) and exist so that one request cannot make a Worker spend its CPU budget or memory.
 */

/** Whole input document, in UTF-8 bytes. The worker applies its own (smaller) body limit first. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Object/array nesting of the parsed document. A valid flow request is 6 levels deep. */
export const MAX_DEPTH = 64;

/**
 * Indentation plus block indicators (`- `, `? `, `: `) plus open brackets on one YAML line.
 * Checked on the raw text before the YAML parser runs: the parser recurses per level and
 * exhausts the stack somewhere past ~600 levels, and V8 has then been seen to abort the whole
 * process (out of memory compiling a RegExp) rather than throw.
 */
export const MAX_YAML_LINE_NESTING = 2 * MAX_DEPTH;

/** Alias expansions in one YAML document (guards against "billion laughs"). */
export const MAX_YAML_ALIASES = 100;
/** Values that alias expansion may add: 9 levels of 10 aliases would otherwise expand to 10^9. */
export const MAX_YAML_EXPANDED_NODES = 100_000;

export const MAX_SITES = 200;
export const MAX_SERVERS = 2_000;
export const MAX_NAMESPACES = 500;
export const MAX_USERS = 20_000;
/** Servers one namespace may list. */
export const MAX_NAMESPACE_SERVERS = MAX_SERVERS;

/** Names, host names, builds and other short strings. */
export const MAX_STRING = 256;
/** URLs (virtual directories, Autodiscover URIs). */
export const MAX_URL = 2048;

/** Names in an audit's `options.users` scope, and how many of them may be `*` patterns. */
export const MAX_SCOPE_USERS = 1_000;
export const MAX_SCOPE_PATTERNS = 10;

/** Issues returned for one input; the rest are summarised in one final `LIMIT` issue. */
export const MAX_ISSUES = 200;

/** Known names listed in a "no such user/server" message. */
