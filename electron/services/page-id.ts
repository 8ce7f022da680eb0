import { randomBytes } from 'node:crypto';

// Ids of pages added to an existing edition. A shared edition is edited on several desks,
// offline too: two desks that each add "the next page" while apart would both pick page-N
// and the second page would land on the first (one page document, one file). So in a shared
// edition (shared.json beside edition.json) a new id carries a random suffix,
// page-<n>-<6 base-36 chars> (36^6 ≈ 2·10^9 per n); a desk's own edition keeps the plain,
// readable page-N. Either never repeats an id the edition lists. Existing ids are kept as
// they are: ids are only names, the order lives in edition.json (and the edition document).

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function suffix(): string {
  const bytes = randomBytes(6);
  let out = '';
  // 252 = 7·36: bytes above it would favour the first letters; they are redrawn.
  for (const b of bytes) out += b < 252 ? ALPHABET[b % 36] : ALPHABET[randomBytes(1)[0]! % 36];
  return out;
}

export function newPageId(existing: readonly string[], shared = true): string {
  let n = existing.length + 1;
  if (!shared) {
    while (existing.includes(`page-${n}`)) n++;
    return `page-${n}`;
  }
  for (;;) {
    const id = `page-${n}-${suffix()}`;
    if (!existing.includes(id)) return id;
  }
}
