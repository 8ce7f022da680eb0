import type { Edition, Page } from '../../../../../shared/document/schema';
import type { LibraryPhoto } from '../../../../../shared/photo/library';

/**
 * Library photo id → the page numbers whose photo frames show it: the strip marks photos
 * already on a page, so a designer does not run the same picture twice by mistake.
 */
export function placedPages(edition: Edition, pages: Page[], library: LibraryPhoto[] = []): Map<string, number[]> {
  // An edition photo is a library photo by its stored id, or else by identical bytes (the
  // sample's photos were copied into the edition before placements recorded the id).
  const byHash = new Map(library.flatMap((p) => [[p.sha256, p.id] as const, [p.originalSha256, p.id] as const]));
  const libraryOf = new Map(edition.photos.flatMap((p) => {
    const lib = p.libraryId ?? byHash.get(p.asset.sha256);
    return lib ? [[p.id, lib] as const] : [];
  }));
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
