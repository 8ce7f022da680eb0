import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyEditionChange, applyPhotosChange, applyStoriesChange, editionFromDocs, readEditionDoc, readPhotosDoc, readStoriesDoc, splitEdition,
  type StoryMeta,
} from '../../shared/collab/edition-y';
import type { Edition, Photo } from '../../shared/document/schema';

const photo = (id: string, zh: string): Photo => ({
  id,
  asset: { file: `assets/${id}.jpg`, sha256: 'a'.repeat(64), width: 4000, height: 3000, bytes: 123456 },
  meta: {
    caption: { zh, en: '' }, headline: '', creator: '张三', credit: '', source: '', copyright: '', dateCreated: '2026-03-05',
    location: { city: '沁源', sublocation: '' }, keywords: ['两会'],
  },
  libraryId: `lib-${id}`,
});

const edition: Edition = {
  schemaVersion: 1, id: 'ed-1', title: '沁源两会特刊', paper: '沁源报', paperEn: 'Qinyuan Daily', issueDate: '2027-03-05',
  pageSize: { preset: 'broadsheet', widthMm: 390, heightMm: 545 },
  pages: ['page-1', 'page-2', 'page-3'],
  photos: [photo('ph-1', '沁河'), photo('ph-2', '会场')],
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
function pair(write: (d: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  write(a);
  const b = new Y.Doc();
  sync(a, b);
  return [a, b];
}

describe('an edition as Yjs documents', () => {
  it('round-trips edition.json through the edition and photos documents', () => {
    const ed = new Y.Doc();
    const ph = new Y.Doc();
    const { meta, photos } = splitEdition(edition);
    applyEditionChange(ed, null, meta);
    applyPhotosChange(ph, null, photos);
    expect(editionFromDocs(ed, ph)).toEqual(edition);
    expect(readEditionDoc(new Y.Doc())).toBeNull();
  });

  it('keeps a page added on one desk and a page deleted on another', () => {
    const { meta } = splitEdition(edition);
    const [a, b] = pair((d) => applyEditionChange(d, null, meta));
    applyEditionChange(a, meta, { ...meta, pages: [...meta.pages, 'page-4'] });
    applyEditionChange(b, meta, { ...meta, pages: ['page-1', 'page-3'] });
    sync(a, b);
    expect(readEditionDoc(a)!.pages).toEqual(['page-1', 'page-3', 'page-4']);
    expect(readEditionDoc(b)).toEqual(readEditionDoc(a));
  });

  it('a reorder on one desk keeps a page added meanwhile on another, and a retitle elsewhere', () => {
    const { meta } = splitEdition(edition);
    const [a, b] = pair((d) => applyEditionChange(d, null, meta));
    applyEditionChange(a, meta, { ...meta, pages: ['page-3', 'page-1', 'page-2'] });
    applyEditionChange(b, meta, { ...meta, title: '新标题', pages: [...meta.pages, 'page-9'] });
    sync(a, b);
    const merged = readEditionDoc(a)!;
    expect(readEditionDoc(b)).toEqual(merged);
    expect(merged.title).toBe('新标题');
    expect(new Set(merged.pages)).toEqual(new Set(['page-1', 'page-2', 'page-3', 'page-9']));
    expect(merged.pages.filter((p) => p !== 'page-9')).toEqual(['page-3', 'page-1', 'page-2']);
  });

  it('keeps both caption languages when two desks caption one photo at once', () => {
    const [a, b] = pair((d) => applyPhotosChange(d, null, edition.photos));
    const zh = edition.photos.map((p) => (p.id === 'ph-1' ? { ...p, meta: { ...p.meta, caption: { zh: '沁河源头', en: '' } } } : p));
    const en = edition.photos.map((p) => (p.id === 'ph-1' ? { ...p, meta: { ...p.meta, caption: { zh: '沁河', en: 'The Qin River' } } } : p));
    applyPhotosChange(a, edition.photos, zh);
    applyPhotosChange(b, edition.photos, en);
    sync(a, b);
    expect(readPhotosDoc(a)[0]!.meta.caption).toEqual({ zh: '沁河源头', en: 'The Qin River' });
    expect(readPhotosDoc(b)).toEqual(readPhotosDoc(a));
  });

  it('keeps a story renamed on one desk and its status set on another; a new story from each', () => {
    const list: StoryMeta[] = [{ id: 'story-1', title: '稿一', status: 'draft', updatedAt: '2026-11-30T00:00:00.000Z' }];
    const [a, b] = pair((d) => applyStoriesChange(d, null, list));
    applyStoriesChange(a, list, [{ ...list[0]!, title: '稿一（改）' }, { id: 'story-a', title: 'A', updatedAt: 'x' }]);
    applyStoriesChange(b, list, [{ ...list[0]!, status: 'proofed' }, { id: 'story-b', title: 'B', updatedAt: 'y' }]);
    sync(a, b);
    expect(readStoriesDoc(a)).toEqual([
      { id: 'story-1', title: '稿一（改）', status: 'proofed', updatedAt: '2026-11-30T00:00:00.000Z' },
      { id: 'story-a', title: 'A', updatedAt: 'x' },
      { id: 'story-b', title: 'B', updatedAt: 'y' },
    ]);
    expect(readStoriesDoc(b)).toEqual(readStoriesDoc(a));
    applyStoriesChange(a, readStoriesDoc(a), readStoriesDoc(a).filter((s) => s.id !== 'story-a'));
    expect(readStoriesDoc(a).map((s) => s.id)).toEqual(['story-1', 'story-b']);
  });

  it('leaves out entries that do not parse instead of failing the whole document', () => {
    const ph = new Y.Doc();
    applyPhotosChange(ph, null, edition.photos);
    ph.getMap<Y.Map<unknown>>('photos').get('ph-2')!.set('asset', { file: '../../etc/passwd' });
    expect(readPhotosDoc(ph).map((p) => p.id)).toEqual(['ph-1']);
    const st = new Y.Doc();
    applyStoriesChange(st, null, [{ id: 'story-1', title: 'ok', updatedAt: 'x' }]);
    st.getMap('stories').set('../evil', new Y.Map());
    st.getMap<Y.Map<unknown>>('stories').get('story-1')!.set('status', 'bogus');
    expect(readStoriesDoc(st)).toEqual([{ id: 'story-1', title: 'ok', updatedAt: 'x' }]);
    const ed = new Y.Doc();
    applyEditionChange(ed, null, splitEdition(edition).meta);
    ed.getMap('edition').set('issueDate', 'tomorrow');
    expect(readEditionDoc(ed)).toBeNull();
  });

  it('writes nothing when nothing changed', () => {
    const ed = new Y.Doc();
    const { meta } = splitEdition(edition);
    applyEditionChange(ed, null, meta);
    const ph = new Y.Doc();
    applyPhotosChange(ph, null, edition.photos);
    const sv = [Y.encodeStateVector(ed), Y.encodeStateVector(ph)];
    applyEditionChange(ed, meta, meta);
    applyPhotosChange(ph, edition.photos, edition.photos);
    expect(Y.encodeStateVector(ed)).toEqual(sv[0]);
    expect(Y.encodeStateVector(ph)).toEqual(sv[1]);
  });
});
