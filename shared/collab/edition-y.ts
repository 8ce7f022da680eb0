import * as Y from 'yjs';
import { Id } from '../document/ids';
import { Edition, Photo, PhotoMeta, StoryStatus, type Story } from '../document/schema';
import { applyOrder, applyRecords, readOrder, same, type Fields } from './y-records';

// An edition's shared documents besides its pages (page-y.ts) and story texts (main's
// story-yjs.ts), shaped like page-y.ts: top-level types only, apply(prev, next) writes only
// what this desk changed, read() leaves out what does not parse instead of failing.
//   edition/<ed>  getMap('edition')  id, schemaVersion, title, paper, paperEn, issueDate, pageSize
//                 getArray('pages')  page order
//   stories/<ed>  getMap('stories')  story id → Y.Map { title, status, updatedAt }
//   photos/<ed>   getMap('photos')   photo id → Y.Map { asset, libraryId, captionZh, captionEn, headline, … }
//                 getArray('order')  photo order

export type EditionMeta = Omit<Edition, 'photos'>;
export type StoryMeta = Pick<Story, 'id' | 'title' | 'updatedAt'> & { status?: StoryStatus };

const META_KEYS = ['id', 'schemaVersion', 'title', 'paper', 'paperEn', 'issueDate', 'pageSize'] as const;
const isId = (id: string) => Id.safeParse(id).success;

// ---- edition ----

export function applyEditionChange(doc: Y.Doc, prev: EditionMeta | null, next: EditionMeta, origin?: unknown): void {
  const meta = doc.getMap<unknown>('edition');
  doc.transact(() => {
    for (const key of META_KEYS) {
      if (!meta.has(key) || !same(prev?.[key], next[key])) meta.set(key, next[key]);
    }
    applyOrder(doc.getArray<string>('pages'), prev?.pages ?? null, next.pages);
  }, origin);
}

/** The edition's own fields and page order, or null while the document is empty or broken. */
export function readEditionDoc(doc: Y.Doc): EditionMeta | null {
  const meta = doc.getMap<unknown>('edition');
  if (!meta.has('id')) return null;
  const fields = Object.fromEntries(META_KEYS.map((k) => [k, meta.get(k)]));
  const parsed = Edition.safeParse({ ...fields, pages: readOrder(doc.getArray('pages'), isId), photos: [] });
  if (!parsed.success) return null;
  const { photos: _photos, ...rest } = parsed.data;
  return rest;
}

// ---- stories ----

const storyFields = (s: StoryMeta): Fields => ({ title: s.title, status: s.status, updatedAt: s.updatedAt });

export function applyStoriesChange(doc: Y.Doc, prev: StoryMeta[] | null, next: StoryMeta[], origin?: unknown): void {
  const toMap = (list: StoryMeta[]) => new Map(list.map((s) => [s.id, storyFields(s)]));
  doc.transact(() => applyRecords(doc.getMap('stories'), prev ? toMap(prev) : null, toMap(next)), origin);
}

/** The stories' titles and statuses, sorted by id; an entry that does not parse is left out. */
export function readStoriesDoc(doc: Y.Doc): StoryMeta[] {
  const out: StoryMeta[] = [];
  for (const [id, map] of doc.getMap<Y.Map<unknown>>('stories')) {
    if (!(map instanceof Y.Map) || !isId(id)) continue;
    const title = map.get('title');
    const status = map.get('status');
    const updatedAt = map.get('updatedAt');
    if (typeof title !== 'string' || title.length > 500 || typeof updatedAt !== 'string') continue;
    const st = StoryStatus.safeParse(status);
    out.push({ id, title, updatedAt, ...(st.success ? { status: st.data } : {}) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---- photos ----

// Flat fields, the two caption languages apart: a photographer fixing the English caption
// while another desk fixes the Chinese one keeps both.
function photoFields(p: Photo): Fields {
  const { caption, ...meta } = p.meta;
  return { asset: p.asset, libraryId: p.libraryId, captionZh: caption.zh, captionEn: caption.en, ...meta };
}

function photoFrom(id: string, f: Record<string, unknown>): Photo | null {
  const { asset, libraryId, captionZh, captionEn, ...meta } = f;
  const parsedMeta = PhotoMeta.safeParse({ ...meta, caption: { zh: captionZh, en: captionEn } });
  if (!parsedMeta.success) return null;
  const parsed = Photo.safeParse({ id, asset, meta: parsedMeta.data, ...(libraryId !== undefined ? { libraryId } : {}) });
  return parsed.success ? parsed.data : null;
}

export function applyPhotosChange(doc: Y.Doc, prev: Photo[] | null, next: Photo[], origin?: unknown): void {
  const toMap = (list: Photo[]) => new Map(list.map((p) => [p.id, photoFields(p)]));
  doc.transact(() => {
    applyRecords(doc.getMap('photos'), prev ? toMap(prev) : null, toMap(next));
    applyOrder(doc.getArray<string>('order'), prev ? prev.map((p) => p.id) : null, next.map((p) => p.id));
  }, origin);
}

/** The edition's photos in their order (photos missing from the order at the end, by id); broken ones left out. */
export function readPhotosDoc(doc: Y.Doc): Photo[] {
  const map = doc.getMap<Y.Map<unknown>>('photos');
  const ids = readOrder(doc.getArray('order'), (id) => map.get(id) instanceof Y.Map);
  for (const id of [...map.keys()].sort()) if (!ids.includes(id) && map.get(id) instanceof Y.Map) ids.push(id);
  const out: Photo[] = [];
  for (const id of ids) {
    const photo = photoFrom(id, map.get(id)!.toJSON() as Record<string, unknown>);
    if (photo) out.push(photo);
  }
  return out;
}

/** edition.json as the edition and photos documents hold it, or null while the edition document is empty or broken. */
export function editionFromDocs(editionDoc: Y.Doc, photosDoc: Y.Doc): Edition | null {
  const meta = readEditionDoc(editionDoc);
  return meta ? { ...meta, photos: readPhotosDoc(photosDoc) } : null;
}

/** Splits edition.json into what goes into the edition document and the photos document. */
export function splitEdition(edition: Edition): { meta: EditionMeta; photos: Photo[] } {
  const { photos, ...meta } = edition;
  return { meta, photos };
}
