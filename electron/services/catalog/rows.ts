import type { Edition, Page, Photo, Story } from '../../../shared/document/schema';
import type { SerializedEditorState } from '../../../shared/document/lexical-state';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { blockText } from '../../../shared/story/text-export';

// What the catalogue stores, made from the documents alone (no disk, no SQL), so the rebuild
// from files and the incremental update after a save produce the very same rows.
// One item (an edition, a page, a story, a photo) may be several rows: a story has a row per
// paragraph per language, so a hit points at the paragraph and its language.

export type CatalogKind = 'edition' | 'page' | 'story' | 'photo';

export interface CatalogRow {
  /** The thing a result opens: `story:<edition>/<story>`, `photo:lib:<id>` … */
  item: string;
  kind: CatalogKind;
  /** The files the row came from (`edition:<folder>` or `library:<id>`): replaced together. */
  source: string;
  editionId: string | null;
  editionTitle: string | null;
  /** Edition folder name in the workspace (to open it), or null for library photos. */
  editionRef: string | null;
  ref: string;
  /** Paragraph number in a story (0 = its title), 0 elsewhere. */
  para: number;
  lang: 'zh' | 'en' | 'both';
  title: string;
  /** The row's own text as written, for snippets and highlights. */
  text: string;
  /** Head words weigh more than body words (titles, headlines). */
  head: string;
  body: string;
  /** YYYY-MM-DD…: issue date for editions, pages and stories; capture date for photos. */
  date: string;
  creator: string;
  rating: number | null;
  label: string | null;
  /** Workspace-relative file of a photo, for thumbnails. */
  file: string | null;
  /** Photos: content hashes (now, as imported), so an edition's copy of a library photo is one result. */
  sha: string | null;
  sha0: string | null;
}

/** The library photo with this content hash, if any (an edition photo placed before issue 10 has no libraryId). */
export type LibraryIdBySha = (sha256: string) => string | undefined;

export interface Placement {
  /** The photo item placed (a library photo, or an edition's own photo). */
  item: string;
  source: string;
  editionId: string;
  editionTitle: string;
  pageId: string | null;
  pageName: string | null;
  pageNumber: number | null;
}

const join = (...parts: (string | undefined | null)[]) => parts.filter((p) => p && p.trim() !== '').join('\n');

function photoBody(meta: Photo['meta'], extra: string[]): string {
  return join(meta.caption.zh, meta.caption.en, meta.keywords.join(' '), meta.creator, meta.credit, meta.source,
    meta.location.city, meta.location.sublocation, ...extra);
}

/** A library photo: every caption field, keywords, people, place, camera. */
export function libraryPhotoRow(p: LibraryPhoto): CatalogRow {
  const camera = [p.tech.make, p.tech.model, p.tech.lens].filter(Boolean).join(' ');
  const body = photoBody(p.meta, [camera, p.fileName]);
  return {
    item: `photo:lib:${p.id}`, kind: 'photo', source: `library:${p.id}`, editionId: null, editionTitle: null, editionRef: null,
    ref: p.id, para: 0, lang: 'both', title: p.meta.headline || p.meta.caption.zh.slice(0, 60) || p.meta.caption.en.slice(0, 80) || p.fileName,
    text: join(p.meta.headline, body), head: p.meta.headline, body,
    date: p.tech.captureDate ?? p.meta.dateCreated, creator: p.meta.creator, rating: p.rating, label: p.label, file: p.file,
    sha: p.sha256, sha0: p.originalSha256,
  };
}

function storyParagraphs(state: SerializedEditorState | null, lang: 'zh' | 'en'): string[] {
  if (!state) return [];
  return state.root.children.map((n) => blockText(n, lang)).filter((t) => t.trim() !== '');
}

type RowBase = Pick<CatalogRow, 'source' | 'editionId' | 'editionTitle' | 'editionRef' | 'date' | 'creator' | 'rating' | 'label' | 'file' | 'sha' | 'sha0'>;

/** What every row of an edition folder shares: its source, the edition's id, title and folder, the issue date. */
function editionBase(folder: string, edition: Edition): RowBase {
  return { source: `edition:${folder}`, editionId: edition.id, editionTitle: edition.title, editionRef: folder, date: edition.issueDate, creator: '', rating: null, label: null, file: null, sha: null, sha0: null };
}

/**
 * The edition fields a story's rows carry (editionBase): while they stay the same, a story
 * file that did not change has the same rows (catalog.ts updateEdition keeps them).
 */
export const storyRowsKey = (folder: string, edition: Edition): string => JSON.stringify([folder, edition.id, edition.title, edition.issueDate]);

/** One story's rows: its title and each paragraph, per language. */
export function storyRows(folder: string, edition: Edition, story: Story): CatalogRow[] {
  const base = editionBase(folder, edition);
  const rows: CatalogRow[] = [];
  const item = `story:${edition.id}/${story.id}`;
  for (const lang of ['zh', 'en'] as const) {
    const paras = storyParagraphs(story[lang], lang);
    if (lang === 'zh' || paras.length) rows.push({ ...base, item, kind: 'story', ref: story.id, para: 0, lang, title: story.title, text: story.title, head: story.title, body: '' });
    paras.forEach((p, i) => rows.push({ ...base, item, kind: 'story', ref: story.id, para: i + 1, lang, title: story.title, text: p, head: '', body: p }));
  }
  return rows;
}

/** Everything an edition folder contributes: the edition, its pages, stories and own photos, and where photos are placed. */
export function editionRows(folder: string, edition: Edition, pages: Page[], stories: Story[], libraryIdBySha: LibraryIdBySha = () => undefined): { rows: CatalogRow[]; placements: Placement[] } {
  const base = editionBase(folder, edition);
  const source = base.source;
  const rows: CatalogRow[] = [{
    ...base, item: `edition:${edition.id}`, kind: 'edition', ref: edition.id, para: 0, lang: 'both', title: edition.title,
    text: join(edition.title, edition.paper, edition.paperEn), head: edition.title, body: join(edition.paper, edition.paperEn, edition.issueDate),
  }];
  for (const page of pages) {
    const heads = page.blocks.filter((b) => b.kind === 'headline' || b.kind === 'kicker' || b.kind === 'label').flatMap((b) => [b.text, b.textEn]);
    const rest = page.blocks.filter((b) => b.kind === 'deck' || b.kind === 'caption' || b.kind === 'footer' || b.kind === 'box').flatMap((b) => [b.text, b.textEn]);
    const head = join(page.name, ...heads);
    rows.push({ ...base, item: `page:${edition.id}/${page.id}`, kind: 'page', ref: page.id, para: 0, lang: 'both', title: `${page.number} · ${page.name}`, text: join(head, ...rest), head, body: join(...rest) });
  }
  // A loop, not push(...rows): a story may have more paragraphs than a call takes arguments.
  for (const story of stories) for (const r of storyRows(folder, edition, story)) rows.push(r);
  const photoItem = new Map<string, string>();
  for (const photo of edition.photos) {
    // A copy placed from the library is the library photo: one result, with this placement.
    // So is the same file placed before placing recorded libraryId (the sample edition's photos).
    const libraryId = photo.libraryId ?? libraryIdBySha(photo.asset.sha256);
    if (libraryId) { photoItem.set(photo.id, `photo:lib:${libraryId}`); continue; }
    const item = `photo:${edition.id}/${photo.id}`;
    photoItem.set(photo.id, item);
    const body = photoBody(photo.meta, [photo.asset.file.slice('assets/'.length)]);
    rows.push({
      ...base, item, kind: 'photo', ref: photo.id, para: 0, lang: 'both', title: photo.meta.headline || photo.meta.caption.zh.slice(0, 60) || photo.asset.file,
      text: join(photo.meta.headline, body), head: photo.meta.headline, body, date: photo.meta.dateCreated || edition.issueDate,
      creator: photo.meta.creator, file: `${folder}/${photo.asset.file}`, sha: photo.asset.sha256,
    });
  }
  const placements: Placement[] = [];
  for (const page of pages) {
    const seen = new Set<string>();
    for (const b of page.blocks) {
      const item = b.photoId ? photoItem.get(b.photoId) : undefined;
      if (!item || seen.has(item)) continue;
      seen.add(item);
      placements.push({ item, source, editionId: edition.id, editionTitle: edition.title, pageId: page.id, pageName: page.name, pageNumber: page.number });
    }
  }
  return { rows, placements };
}
