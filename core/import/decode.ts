/**
 * Bytes of an inventory file -> text. Windows PowerShell 5.1 writes `>` / Out-File as UTF-16 LE
 * with a BOM, and other tools add a UTF-8 BOM, so the importer never assumes plain UTF-8: it
 * reads the BOM, and without one tells UTF-16 by the zero bytes ASCII text has in every other
 * byte. Pure: TextDecoder only (present in workerd, browsers and Node).
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/** Which encoding `bytes` are in, and how many BOM bytes to skip. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: number } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", bom: 2 };
  // No BOM: JSON starts with ASCII, so UTF-16 shows a zero byte beside each of the first characters.
  const n = Math.min(bytes.length - (bytes.length % 2), 64);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 4;
  if (n >= 2 && oddZero > half && evenZero === 0) return { encoding: "utf-16le", bom: 0 };
  if (n >= 2 && evenZero > half && oddZero === 0) return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}

/**
 * Decode an inventory file. Invalid sequences become U+FFFD rather than an exception: the JSON
 * parser then points at the damaged spot with a line and column.
 * @example decodeInventoryBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0])).text // "{}"
 */
export function decodeInventoryBytes(bytes: Uint8Array): Decoded {
  const { encoding, bom } = sniffEncoding(bytes);
  const body = bytes.subarray(bom);
  const text =
    encoding === "utf-8" ? new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(body) : utf16(body, encoding === "utf-16le");
  return { text, encoding, bom: bom > 0 };
}

/** UTF-16 by hand: not every runtime's TextDecoder has utf-16be. A trailing odd byte becomes U+FFFD. */
function utf16(bytes: Uint8Array, little: boolean): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const units = new Array<number>(CHUNK);
  let k = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    units[k++] = little ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
    if (k === CHUNK) {
      parts.push(String.fromCharCode(...units));
      k = 0;
    }
  }
  parts.push(String.fromCharCode(...units.slice(0, k)));
  if (bytes.length % 2 === 1) parts.push("\uFFFD");
  return parts.join("");
}
