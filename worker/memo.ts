/**
 * A bounded least-recently-used map of finished answers (ETag and body) for requests whose answer
 * can only change with a deploy: those naming a built-in preset. Bounded in entries and in body
 * characters, so no request pattern grows it past MAX_ENTRIES / MAX_CHARS. A hit gives exactly
 * the bytes a miss would have produced (the key holds everything that decides the answer).
 */
export interface Answer {
  etag: string;
  body: string;
}

export const MAX_ENTRIES = 256;
export const MAX_CHARS = 8 * 1024 * 1024;

const answers = new Map<string, Answer>();
let chars = 0;

export function recall(key: string): Answer | undefined {
  const hit = answers.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    answers.delete(key);
    answers.set(key, hit);
  }
  return hit;
}

export function remember(key: string, answer: Answer): void {
  const size = key.length + answer.body.length;
  if (size > MAX_CHARS / 8) return; // one huge answer would evict everything else
  const old = answers.get(key);
  if (old) {
    chars -= key.length + old.body.length;
    answers.delete(key);
  }
  answers.set(key, answer);
  chars += size;
  for (const [k, v] of answers) {
    if (answers.size <= MAX_ENTRIES && chars <= MAX_CHARS) break;
    answers.delete(k);
    chars -= k.length + v.body.length;
  }
}

/** For tests: start cold. */
export function forgetAll(): void {
  answers.clear();
  chars = 0;
}

/** For tests and the bench: how full it is. */
export const memoSize = (): { entries: number; chars: number } => ({ entries: answers.size, chars });
