/**
 * Bounded least-recently-used maps for answers that can only change with a deploy: the finished
 * answers (ETag and body) of requests naming a built-in preset, and the inflated text of encoded
 * URL segments. Bounded in entries and in characters, so no request pattern grows them past
 * their limits. A hit gives exactly the bytes a miss would have produced: each key holds
 * everything that decides its value.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  readonly maxEntries: number;
  readonly maxChars: number;
  private readonly sizeOf: (v: V) => number;

  constructor(maxEntries: number, maxChars: number, sizeOf: (v: V) => number) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
    this.sizeOf = sizeOf;
  }

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    const size = key.length + this.sizeOf(value);
    if (size > this.maxChars / 8) return; // one huge value would evict everything else
    this.delete(key);
    this.map.set(key, value);
    this.chars += size;
    for (const k of this.map.keys()) {
      if (this.map.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.chars -= key.length + this.sizeOf(old);
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.map.size, chars: this.chars };
  }
}

export interface Answer {
  etag: string;
  /** UTF-8. */
  body: Uint8Array<ArrayBuffer>;
}

export const MAX_ENTRIES = 256;
export const MAX_CHARS = 8 * 1024 * 1024;

const answers = new Lru<Answer>(MAX_ENTRIES, MAX_CHARS, (a) => a.body.length + a.etag.length);
/** Encoded URL segment -> its request text (wiki pages embed the same <img> URL again and again). */
export const decodedSegments = new Lru<string>(MAX_ENTRIES, 2 * 1024 * 1024, (t) => t.length);

export const recall = (key: string): Answer | undefined => answers.get(key);
export const remember = (key: string, answer: Answer): void => answers.set(key, answer);

/** For tests: start cold. */
export function forgetAll(): void {
  answers.clear();
  decodedSegments.clear();
}

/** For tests and the bench: how full the answers are. */
export const memoSize = (): { entries: number; chars: number } => answers.size;
