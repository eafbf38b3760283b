/**
 * Reads one HttpProxy log file in chunks of any size (text or UTF-8 bytes), so a caller can stream
 * gigabytes through it in bounded memory. The columns come from the `#Fields:` header, in any
 * order, with extra or missing ones; a second header (IIS or the service restarted and the
 * writer began again) replaces the first for the lines after it. A UTF-8 byte-order mark, CRLF or
 * LF line ends and a missing final line break are all accepted. Every line that cannot be read
 * becomes a `skipped` entry with the file, the line number and why; nothing throws.
 */
import { splitLine, UNCLOSED_QUOTE } from "./csv.ts";
import { folderOf } from "./protocols.ts";

/** The columns the reader uses, as Exchange names them; a header matches them case-insensitively. */
export const COLUMNS = [
  "Protocol",
  "UrlHost",
  "UrlStem",
  "IsAuthenticated",
  "AuthenticatedUser",
  "AnchorMailbox",
  "ClientIpAddress",
  "ServerHostName",
  "HttpStatus",
  "ProxyAction",
  "TargetServer",
  "TargetServerVersion",
] as const;
export type Column = (typeof COLUMNS)[number];
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;

/** Without these a line says nothing about which servers a request crossed. */
const REQUIRED: Column[] = ["ServerHostName", "TargetServer"];

export interface Skipped {
  file: string;
  /** 1-based line number in the file (header and comment lines count). */
  line: number;
  reason: string;
}

/** Where the reader hands what it read: one call per request line, one per line it could not read. */
export interface ReaderSink {
  /** `values[COL.x]` is column x ("" when the header has no such column); valid only during the call. */
  request(values: string[], file: LogFile): void;
  skip(entry: Skipped): void;
}

interface Header {
  line: number;
  slots: Int16Array;
  width: number;
  /** Why lines under this header cannot be read, or undefined. */
  unusable?: string;
  /** Lines under an unusable header, reported once with the header. */
  dropped: number;
}

const BOM = "\uFEFF";

export class LogFile {
  readonly name: string;
  /** The HttpProxy folder the file sits in, when its path names one (`Eas`). */
  readonly folder: string;
  lines = 0;
  requests = 0;
  private pending = "";
  private header: Header | undefined;
  private logType: string | undefined;
  private readonly values: string[] = COLUMNS.map(() => "");
  private decoder: TextDecoder | undefined;
  private readonly sink: ReaderSink;

  constructor(name: string, sink: ReaderSink) {
    this.name = name;
    this.folder = folderOf(name);
    this.sink = sink;
  }

  /** A chunk of the file: text, or bytes (UTF-8; a character split between chunks is joined). */
  feed(chunk: string | Uint8Array): void {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      this.decoder ??= new TextDecoder("utf-8");
      text = this.decoder.decode(chunk, { stream: true });
    }
    let start = 0;
    let data = this.pending ? this.pending + text : text;
    this.pending = "";
    for (;;) {
      const nl = data.indexOf("\n", start);
      if (nl < 0) break;
      const end = nl > start && data.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(data.slice(start, end), false);
      start = nl + 1;
    }
    this.pending = data.slice(start);
    data = "";
  }

  /** The end of the file: a last line without a line break is read, or reported as cut. */
  end(): void {
    if (this.decoder) {
      const rest = this.decoder.decode();
      if (rest) this.feed(rest);
    }
    const last = this.pending.endsWith("\r") ? this.pending.slice(0, -1) : this.pending;
    this.pending = "";
    if (last) this.line(last, true);
    this.closeHeader();
  }

  private line(raw: string, last: boolean): void {
    this.lines++;
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(BOM.length) : raw;
    if (text.length === 0) return;
    if (text.charCodeAt(0) === 35 /* # */) {
      this.directive(text);
      return;
    }
    const h = this.header;
    if (!h) {
      this.skip(`no #Fields header before this line (not an Exchange log, or its first lines are missing)`);
      return;
    }
    if (h.unusable) {
      h.dropped++;
      return;
    }
    const v = this.values;
    v.fill("");
    const n = splitLine(text, h.slots, v);
    if (n === UNCLOSED_QUOTE) {
      this.skip(last ? cut("a quoted field is never closed") : "a quoted field is never closed");
      return;
    }
    if (n !== h.width) {
      const counted = `${n} fields where the #Fields header of line ${h.line} names ${h.width}`;
      this.skip(last && n < h.width ? cut(counted) : counted);
      return;
    }
    this.requests++;
    this.sink.request(v, this);
  }

  private directive(text: string): void {
    const colon = text.indexOf(":");
    const key = (colon < 0 ? text.slice(1) : text.slice(1, colon)).trim().toLowerCase();
    const value = colon < 0 ? "" : text.slice(colon + 1).trim();
    if (key === "log-type") this.logType = value;
    else if (key === "fields") this.fields(value);
    // #Software, #Version and #Date say nothing about a request's path.
  }

  private fields(list: string): void {
    this.closeHeader();
    const names = list.split(",").map((f) => f.trim().toLowerCase());
    const slots = new Int16Array(names.length).fill(-1);
    const seen = new Set<Column>();
    COLUMNS.forEach((c, i) => {
      const at = names.indexOf(c.toLowerCase());
      if (at >= 0) {
        slots[at] = i;
        seen.add(c);
      }
    });
    const missing = REQUIRED.filter((c) => !seen.has(c));
    let unusable: string | undefined;
    if (this.logType !== undefined && !/httpproxy/i.test(this.logType))
      unusable = `a "${this.logType}" log, not an HttpProxy log (copy the files under Logging\\HttpProxy\\<protocol>)`;
    else if (missing.length) unusable = `the #Fields header has no ${missing.join(" or ")} column, so its lines name no servers`;
    this.header = { line: this.lines, slots, width: names.length, unusable, dropped: 0 };
  }

  private closeHeader(): void {
    const h = this.header;
    if (h?.unusable) this.sink.skip({ file: this.name, line: h.line, reason: `${h.unusable}; ${h.dropped} lines under it not read` });
  }

  private skip(reason: string): void {
    this.sink.skip({ file: this.name, line: this.lines, reason });
  }
}

const cut = (why: string): string => `cut: the file ends inside this line (${why})`;
