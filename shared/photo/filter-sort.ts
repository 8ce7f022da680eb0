import type { ColorLabel, LibraryPhoto } from './library';
import { isCaptioned } from './library';

// Contact-sheet filtering and sorting: pure, so the renderer runs it on every keystroke
// over 10,000 records and the tests check it without a browser.

export type SortKey = 'captureDate' | 'fileName' | 'rating' | 'importedAt';
export interface PhotoFilter {
  text: string;
  minRating: number;
  label: ColorLabel | 'any';
  captioned: 'any' | 'yes' | 'no';
}
export const NO_FILTER: PhotoFilter = { text: '', minRating: 0, label: 'any', captioned: 'any' };

function haystack(p: LibraryPhoto): string {
  const m = p.meta;
  return [m.caption.zh, m.caption.en, m.headline, m.creator, m.location.city, m.location.sublocation, p.fileName, ...m.keywords]
    .join('\n')
    .toLowerCase();
}

export function filterPhotos(list: LibraryPhoto[], f: PhotoFilter): LibraryPhoto[] {
  const terms = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((p) => {
    if (p.rating < f.minRating) return false;
    if (f.label !== 'any' && p.label !== f.label) return false;
    if (f.captioned !== 'any' && isCaptioned(p) !== (f.captioned === 'yes')) return false;
    if (terms.length === 0) return true;
    const h = haystack(p);
    return terms.every((t) => h.includes(t));
  });
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function sortPhotos(list: LibraryPhoto[], key: SortKey, dir: 'asc' | 'desc' = 'asc'): LibraryPhoto[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: LibraryPhoto, b: LibraryPhoto) => collator.compare(a.fileName, b.fileName);
  const cmp = (a: LibraryPhoto, b: LibraryPhoto): number => {
    switch (key) {
      case 'rating': return a.rating - b.rating || byName(a, b);
      case 'fileName': return byName(a, b);
      case 'importedAt': return a.importedAt.localeCompare(b.importedAt) || byName(a, b);
      case 'captureDate': {
        // Photos without a capture time go last whatever the direction: they are the odd ones.
        const x = a.tech.captureDate;
        const y = b.tech.captureDate;
        if (x === null || y === null) return x === y ? byName(a, b) : x === null ? sign : -sign;
        return x.localeCompare(y) || byName(a, b);
      }
    }
  };
  return [...list].sort((a, b) => sign * cmp(a, b));
}
