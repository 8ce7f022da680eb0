import type { Block } from '../document/schema';
import { TEMPLATES } from './templates';

// Template placeholder words still on a page (主标题, 副题, "Deck in English"): the preflight
// stops them going to print. A block made from a template remembers its placeholder words
// (Block.placeholder), so they are recognised even after the template's own words change;
// pages made before blocks remembered them are caught by the words today's templates offer.

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const OFFERED: ReadonlySet<string> = new Set(
  TEMPLATES.flatMap((t) => t.blocks.filter((b) => b.placeholder).flatMap((b) => [norm(b.text), norm(b.textEn)])).filter(Boolean),
);

/** The placeholder words among what a block shows (`shown`: its words as drawn), or null. */
export function placeholderShown(b: Pick<Block, 'placeholder'>, shown: readonly (string | undefined)[]): string | null {
  const own = [norm(b.placeholder?.text), norm(b.placeholder?.textEn)].filter(Boolean);
  for (const s of shown) {
    const w = norm(s);
    if (w && (own.includes(w) || OFFERED.has(w))) return w;
  }
  return null;
}
