import type { Edition, Page } from '../../../../../shared/document/schema';

/**
 * Library photo id → the page numbers whose photo frames show it: the strip marks photos
 * already on a page, so a designer does not run the same picture twice by mistake.
 */
export function placedPages(edition: Edition, pages: Page[]): Map<string, number[]> {
  const libraryOf = new Map(edition.photos.flatMap((p) => (p.libraryId ? [[p.id, p.libraryId] as const] : [])));
  const out = new Map<string, number[]>();
  for (const page of pages) {
    for (const b of page.blocks) {
      const lib = b.kind === 'photo' && b.photoId ? libraryOf.get(b.photoId) : undefined;
      if (!lib) continue;
      const list = out.get(lib) ?? [];
      if (!list.includes(page.number)) list.push(page.number);
      out.set(lib, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
