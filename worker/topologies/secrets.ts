/**
 * Ids and write tokens. Ids: 144 random bits (crypto.getRandomValues) as 24 base64url characters,
 * so they can't be guessed or enumerated. Tokens: 256 random bits behind an `exft_` prefix (so secret
 * scanners and people can tell what it is); only their SHA-256 is stored, and a presented token is
 * checked by hashing it and comparing the digests in constant time.
 */
import { base64UrlEncode } from "../encode.ts";

const ID_BYTES = 18;
const TOKEN_BYTES = 32;
export const TOKEN_PREFIX = "exft_";

/** Exactly what newId() makes: 24 base64url characters. Anything else is not an id (a 404, like an unknown one). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

const random = (n: number): string => base64UrlEncode(crypto.getRandomValues(new Uint8Array(n)));

export const newId = (): string => random(ID_BYTES);
export const newToken = (): string => `${TOKEN_PREFIX}${random(TOKEN_BYTES)}`;

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Equal-length strings compared without an early exit: the time does not depend on where they
 * differ. Both sides are SHA-256 hex digests here, so the lengths are public anyway.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Does `token` hash to `storedSha256`? */
export async function tokenMatches(token: string, storedSha256: string): Promise<boolean> {
  return constantTimeEqual(await sha256Hex(token), storedSha256);
}
