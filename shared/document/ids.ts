import { z } from 'zod';

// Ids become file names (stories/<id>.json), so they are restricted to a safe alphabet:
// no separators, no dots, nothing a path could be smuggled through.
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id: lowercase letters, digits and "-" only');
export type Id = z.infer<typeof Id>;

/** A new random id: time-ordered prefix for readable folders, random suffix for uniqueness. */
export function newId(prefix = ''): string {
  const t = Date.now().toString(36);
  let r = '';
  for (let i = 0; i < 6; i++) r += Math.floor(Math.random() * 36).toString(36);
  return `${prefix}${t}-${r}`;
}
