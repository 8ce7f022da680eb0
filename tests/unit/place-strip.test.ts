import { describe, expect, it } from 'vitest';
import { newPhotoFrame } from '../../renderer/src/features/pages/strip/new-frame';
import { placedPages } from '../../renderer/src/features/pages/strip/placed';
import { PAGE_PRESETS, type Edition, type Page, type Photo } from '../../shared/document/schema';
import { columnWidthMm } from '../../shared/layout/geometry';
import type { LibraryPhoto } from '../../shared/photo/library';

// The strip's pure parts: the frame a photo dropped on empty page gets, and the "on page N"
// marks. The drag itself is tested in tests/browser/place-photo.spec.ts.

const grid = { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } };
const photo = (id: string, w: number, h: number, caption = '', libraryId?: string): Photo => ({
  id, asset: { file: `assets/${id}.jpg`, sha256: 'a'.repeat(64), width: w, height: h, bytes: 1 },
  meta: { caption: { zh: caption, en: '' }, headline: '', creator: '', credit: '', source: '', copyright: '', dateCreated: '', location: { city: '', sublocation: '' }, keywords: [] },
  ...(libraryId ? { libraryId } : {}),
});
const edition = (photos: Photo[]): Edition => ({
  schemaVersion: 1, id: 'ed', title: 'T', paper: '', paperEn: '', issueDate: '2026-03-05', pageSize: PAGE_PRESETS.broadsheet, pages: ['p1', 'p2'], photos,
});
const page = (id: string, number: number, blocks: Page['blocks'], g: Page['grid'] = grid): Page => ({ id, name: id, number, grid: g, blocks });

describe('newPhotoFrame', () => {
  it('is three of eight columns wide and as tall as the photo, with room for a caption when it has one', () => {
    const colW = columnWidthMm(grid, 390);
    const w = 3 * colW + 2 * 4;
    const bare = newPhotoFrame(page('p1', 1, []), edition([]), { id: 'a', width: 640, height: 480, captioned: false }, 'p1-photo-1', { col: 2, yMm: 100 });
    expect(bare).toMatchObject({ kind: 'photo', col: 2, span: 3, yMm: 100, photoId: 'a' });
    expect(bare.hMm).toBe(Math.round((w * 480) / 640));
    const captioned = newPhotoFrame(page('p1', 1, []), edition([]), { id: 'b', width: 640, height: 480, captioned: true }, 'x', { col: 2, yMm: 100 });
    expect(captioned.hMm).toBe(Math.round((w * 480) / 640 + 10));
  });

  it('snaps to the baseline grid and stays inside the type area', () => {
    const g = { ...grid, baselineMm: 4.2 };
    const f = newPhotoFrame(page('p1', 1, [], g), edition([]), { id: 'a', width: 1000, height: 1500, captioned: false }, 'x', { col: 7, yMm: 500 });
    expect(f.col + f.span).toBeLessThanOrEqual(8);
    expect(f.yMm + f.hMm).toBeLessThanOrEqual(545 - 36 + 1e-9);
    expect((f.hMm / 4.2) % 1).toBeCloseTo(0, 5);
  });
});

describe('placedPages', () => {
  it('maps library photos to the pages that show them, in page order, once per page', () => {
    const ed = edition([photo('e1', 10, 10, '', 'ph-1'), photo('e2', 10, 10, '', 'ph-2'), photo('sample', 10, 10)]);
    const frame = (id: string, photoId?: string) => ({ id, kind: 'photo' as const, col: 0, span: 1, yMm: 0, hMm: 10, lang: 'zh' as const, ...(photoId ? { photoId } : {}) });
    const marks = placedPages(ed, [
      page('p2', 2, [frame('a', 'e1')]),
      page('p1', 1, [frame('b', 'e1'), frame('c', 'e1'), frame('d', 'sample'), frame('e')]),
    ]);
    expect([...marks]).toEqual([['ph-1', [1, 2]]]);
  });

  it('knows an edition photo without a library id by its bytes', () => {
    const ed = edition([photo('sample', 10, 10)]);
    const lib = { id: 'ph-s', sha256: 'b'.repeat(64), originalSha256: 'a'.repeat(64) } as unknown as LibraryPhoto;
    const frame = { id: 'f', kind: 'photo' as const, col: 0, span: 1, yMm: 0, hMm: 10, lang: 'zh' as const, photoId: 'sample' };
    expect([...placedPages(ed, [page('p1', 1, [frame])], [lib])]).toEqual([['ph-s', [1]]]);
  });
});
