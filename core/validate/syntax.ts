/**
 * Syntax of host names and URLs in a topology. Each check takes a string and returns what is
 * wrong with it in words (the end of an issue message), or undefined when it is fine.
 * Used by the zod schemas in schema.ts as custom checks with codes HOST and URL.
 *
 * Host names follow RFC 1123 (letters, digits, hyphens; labels of 1-63; 253 in all). Case is
 * kept as written; everything that compares host names lower-cases them first.
 */
import { BACKGROUND_HELP, isSafeColor, NAMED_COLORS } from "../options.ts";
import { quote } from "../../lib/suggest.ts";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const EXAMPLE_URL = "e.g. https://mail.contoso.com/owa";

/**
 * @example hostProblem("mail.contoso.com") // undefined
 * @example hostProblem("mail_contoso.com") // "\"mail_contoso.com\" is not a valid host name: ..."
 */
export function hostProblem(host: string): string | undefined {
  const bad = (why: string) => `${quote(host)} is not a valid host name: ${why}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return bad("give the host name only, without the scheme or path (e.g. mail.contoso.com)");
  if (/[/:?#@\s]/.test(host)) return bad("give the host name only, without port, path or spaces (e.g. mail.contoso.com)");
  if (host.length > 253) return bad("longer than 253 characters");
  if (host.includes("*")) return bad("wildcards are not allowed; name the host (e.g. mail.contoso.com)");
  if (host.includes("_")) return bad("underscores are not allowed in host names");
  for (const label of host.split(".")) {
    if (label === "") return bad("empty label (two dots in a row, or a leading or trailing dot)");
    if (!LABEL.test(label)) {
      return bad(`label ${quote(label)} must be 1-63 letters, digits or hyphens, not starting or ending with a hyphen`);
    }
  }
  return undefined;
}

function portProblem(port: string): string | undefined {
  const n = Number(port);
  return /^\d{1,5}$/.test(port) && n >= 1 && n <= 65535 ? undefined : `port ${quote(port)} must be a number from 1 to 65535`;
}

/**
 * An absolute http:// or https:// URL with a valid host, optional port, no credentials, no spaces.
 * @example urlProblem("https://mail.contoso.com/owa") // undefined
 */
export function urlProblem(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(url);
  if (!m) return `${quote(url)} is not an absolute URL; write http:// or https:// and a host name, ${EXAMPLE_URL}`;
  const [, scheme = "", authority = "", rest = ""] = m;
  if (!/^https?$/i.test(scheme)) return `${quote(url)} must start with https:// or http://, ${EXAMPLE_URL}`;
  if (authority.includes("@")) return `${quote(url)} must not contain a user name or password`;
  if (authority === "") return `${quote(url)} has no host name, ${EXAMPLE_URL}`;
  const hp = /^([^:]*)(?::(.*))?$/s.exec(authority);
  const h = hp?.[1] ?? "";
  const port = hp?.[2];
  const hostIssue = hostProblem(h);
  if (hostIssue !== undefined) return `${quote(url)}: ${hostIssue}`;
  if (port !== undefined) {
    const p = portProblem(port);
    if (p !== undefined) return `${quote(url)}: ${p}`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(rest)) return `${quote(url)} contains spaces or control characters; encode them (%20)`;
  return undefined;
}

/**
 * POP3/IMAP4 settings: "host:port", "host", or a URL as for virtual directories.
 * @example hostPortProblem("mail.contoso.com:995") // undefined
 */
export function hostPortProblem(value: string): string | undefined {
  if (value.includes("://")) return urlProblem(value);
  const m = /^([^:]*)(?::(.*))?$/s.exec(value);
  const h = m?.[1] ?? "";
  const port = m?.[2];
  const hostIssue = hostProblem(h);
  if (hostIssue !== undefined) return `${quote(value)} must be host:port (e.g. mail.contoso.com:995): ${hostIssue}`;
  return port === undefined ? undefined : portProblem(port);
}

// Diagram backgrounds end up inside SVG and Mermaid text: the drawers' narrow allow-list (core/options.ts)
// keeps markup out, and the schema uses the same rule so a background it accepts is one every format draws.
/** @example backgroundProblem("#fff") // undefined */
export function backgroundProblem(value: string): string | undefined {
  return isSafeColor(value) ? undefined : `${quote(value)} is not an allowed background; use ${BACKGROUND_HELP}`;
}

/*
 * The same rules as JSON Schema patterns, for the published schema (OpenAPI, editors). Each accepts
 * only what the check above accepts (a port is 1-65535 without leading zeros; schemes http/https in
 * any case), so a document valid against the published schema passes these checks.
 */
const LABEL_RE = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOST_RE = `${LABEL_RE}(?:\\.${LABEL_RE})*`;
const PORT_RE = "(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
const URL_RE = `[Hh][Tt][Tt][Pp][Ss]?://${HOST_RE}(?::${PORT_RE})?(?:[/?#][^\\s\\u0000-\\u001f\\u007f]*)?`;
export const HOST_PATTERN = `^${HOST_RE}$`;
export const URL_PATTERN = `^${URL_RE}$`;
export const HOST_PORT_PATTERN = `^(?:${URL_RE}|${HOST_RE}(?::${PORT_RE})?)$`;
/** The background rule (options.ts isSafeColor) as a JSON Schema pattern, for the published contract. */
export const BACKGROUND_PATTERN = `^(?:#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})|${NAMED_COLORS.join("|")})$`;
