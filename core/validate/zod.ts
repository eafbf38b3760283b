/**
 * zod's smaller build, `zod/mini` (functions instead of methods, so the Worker bundle carries only
 * what the schemas use), plus the few methods of the full build our schemas were written with, as
 * functions that do exactly what those methods do: `describe` and `meta` register a clone of the
 * schema in zod's global registry (where the JSON Schema export finds the text), `optional` wraps.
 * Same schema objects, so the same issues and a byte-identical JSON Schema.
 */
// Import zod/mini as a namespace in each file and never re-export it: esbuild then keeps only the
// functions used; a re-exported namespace object would pull in all of zod, locales included.
import * as z from "zod/mini";

/** The full build's `schema.meta(data)`. */
export function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const clone = schema.clone();
  z.globalRegistry.add(clone, data);
  return clone;
}

/** The full build's `schema.describe(description)`. */
export const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => meta(schema, { description });

/** The full build's `schema.optional()`, or `schema.optional().describe(description)`. */
export const optional = <T extends z.ZodMiniType>(schema: T, description?: string): z.ZodMiniOptional<T> =>
  description === undefined ? z.optional(schema) : describe(z.optional(schema), description);

/** The full build's `schema.min(min).max(max)` on a string or an array: two checks, one clone each, as there. */
export const sized = <T extends z.ZodMiniString | z.ZodMiniArray>(schema: T, min: number, max: number): T =>
  schema.check(z.minLength(min)).check(z.maxLength(max)) as T;
