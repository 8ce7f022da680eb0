import { blockText, parseSeedMarkdown } from './seed-markdown';
import { bodyState, splitFeature, type FeatureParts } from './seed-story';
import { columnWidthMm } from '../layout/geometry';
import { flowContent } from '../layout/flow-content';
import { estimateLines, heightForLines } from '../layout/estimate';
import { PAGE_PRESETS, SCHEMA_VERSION, type Block, type Edition, type Page, type Photo, type PhotoMeta, type Story } from './schema';

// Builds the sample edition shipped as the app's embedded default: the 2026 and 2025
// 两会特刊 pages of 沁源县 laid out on a broadsheet grid. Pure: the caller supplies the
// seed texts and the photo files' facts (hash, size), so it runs in tests and the CLI alike.

export interface SamplePhotoInput {
  file: string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  meta: PhotoMeta;
}

export interface SampleSeed {
  pageId: string;
  storyId: string;
  name: string;
  markdown: string;
}

export interface EditionBundle {
  edition: Edition;
  pages: Page[];
  stories: Story[];
}

const GRID = { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } };
const CONTENT_H = PAGE_PRESETS.broadsheet.heightMm - GRID.margins.top - GRID.margins.bottom;

export function photoIdFor(sha256: string): string {
  return `ph-${sha256.slice(0, 16)}`;
}

function pageFromParts(seed: SampleSeed, parts: FeatureParts, photos: Photo[], number: number): Page {
  const blocks: Block[] = [];
  let n = 0;
  const id = (k: string) => `${seed.pageId}-${k}-${++n}`;
  let y = 0;
  let col = 0;
  const furniture = [...parts.furniture];
  // Masthead: the paper's name with its romanised line right after it.
  const [first, second] = furniture;
  if (first?.kind === 'heading' && blockText(first) === '长治日报') {
    const zh = blockText(first);
    const en = second?.kind === 'paragraph' && /^[A-Z ]+$/.test(blockText(second)) ? blockText(second) : '';
    furniture.splice(0, en ? 2 : 1);
    blocks.push({ id: id('masthead'), kind: 'masthead', col: 0, span: 8, yMm: 0, hMm: 28, lang: 'both', text: zh, textEn: en });
    y = 30;
  }
  for (const b of furniture) {
    const text = blockText(b);
    const span = text.length > 4 ? 2 : 1;
    if (col + span > GRID.columns) { col = 0; y += 14; }
    const kind = text === '聚焦' ? 'kicker' : 'label';
    blocks.push({ id: id(kind), kind, col, span, yMm: y, hMm: 12, lang: 'zh', text });
    col += span;
  }
  if (furniture.length > 0) y += 14;
  blocks.push({ id: id('headline'), kind: 'headline', col: 0, span: 8, yMm: y, hMm: 26, lang: 'zh', text: parts.headline });
  y += 28;
  if (parts.deck) {
    const text = blockText(parts.deck);
    const h = text.length > 60 ? 26 : 14;
    blocks.push({ id: id('deck'), kind: 'deck', col: 0, span: 8, yMm: y, hMm: h, lang: 'zh', text });
    y += h + 2;
  }
  const photoRows = Math.ceil(photos.length / 4);
  const footerH = parts.footer ? 10 : 0;
  const creditsH = parts.credits.length > 0 ? 34 : 0;
  // The story frame gets the depth its copy is estimated to need across eight columns
  // (plus one line of slack); the photos share what is left below it.
  // The story frame spans the page. With photos below it, it sets eight text columns and
  // takes the depth its copy is estimated to need (plus a line); without photos, it uses
  // as few, wider, columns as fill the page's depth, as a text-only feature page does.
  const typeW = columnWidthMm(GRID, PAGE_PRESETS.broadsheet.widthMm) * GRID.columns + GRID.gutterMm * (GRID.columns - 1);
  const content = flowContent(bodyState(parts.body));
  const room = CONTENT_H - footerH - creditsH - y;
  const depth = (cols: number) => heightForLines(Math.ceil(estimateLines(content, (typeW - GRID.gutterMm * (cols - 1)) / cols) / cols) + 1);
  let cols = GRID.columns;
  if (photoRows === 0) while (cols > 4 && depth(cols - 1) <= room) cols--;
  const storyH = Math.min(depth(cols), photoRows > 0 ? room - photoRows * 45 : room);
  blocks.push({
    id: id('story'), kind: 'story', col: 0, span: 8, yMm: y, hMm: Math.max(20, storyH), lang: 'zh', storyId: seed.storyId,
    ...(cols !== GRID.columns ? { cols } : {}),
  });
  const rowH = photoRows > 0 ? Math.min(120, (room - storyH - 2) / photoRows) : 0;
  photos.forEach((p, i) => {
    blocks.push({
      id: id('photo'), kind: 'photo', col: (i % 4) * 2, span: 2, yMm: Math.round(y + storyH + 2 + Math.floor(i / 4) * rowH), hMm: Math.floor(rowH - 3), lang: 'zh', photoId: p.id,
    });
  });
  if (parts.credits.length > 0) {
    blocks.push({ id: id('credits'), kind: 'credits', col: 5, span: 3, yMm: CONTENT_H - footerH - creditsH + 2, hMm: creditsH - 2, lang: 'zh', credits: parts.credits });
  }
  if (parts.footer) {
    blocks.push({ id: id('footer'), kind: 'footer', col: 0, span: 8, yMm: CONTENT_H - footerH + 2, hMm: footerH - 2, lang: 'zh', text: parts.footer });
  }
  return { id: seed.pageId, name: seed.name, number, grid: GRID, blocks };
}

/**
 * `english` maps a text block's Chinese to its English (resources/sample/english.json):
 * the page's 英文版 then shows English headings while its story still waits for a translation.
 */
export function buildSampleEdition(seeds: SampleSeed[], photoInputs: SamplePhotoInput[], updatedAt: string, english: Record<string, string> = {}): EditionBundle {
  const allPhotos: Photo[] = photoInputs.map((p) => ({
    id: photoIdFor(p.sha256),
    asset: { file: `assets/${p.file}`, sha256: p.sha256, width: p.width, height: p.height, bytes: p.bytes },
    meta: p.meta,
  }));
  const pages: Page[] = [];
  const stories: Story[] = [];
  seeds.forEach((seed, i) => {
    const parts = splitFeature(parseSeedMarkdown(seed.markdown));
    // Each caption line of the seed is matched to the stand-in photo that carries it.
    const photos = parts.captions.map((c) => {
      const p = allPhotos.find((ph) => ph.meta.caption.zh === c);
      if (!p) throw new Error(`sample edition: no photo carries the caption "${c}"`);
      return p;
    });
    const page = pageFromParts(seed, parts, photos, i + 1);
    page.blocks = page.blocks.map((b) => (b.text && !b.textEn && english[b.text] ? { ...b, textEn: english[b.text] } : b));
    pages.push(page);
    stories.push({ id: seed.storyId, title: parts.headline, zh: bodyState(parts.body), en: null, updatedAt });
  });
  const edition: Edition = {
    schemaVersion: SCHEMA_VERSION,
    id: 'qinyuan-lianghui',
    title: '沁源两会特刊（示例）',
    paper: '长治日报',
    paperEn: 'CHANGZHI RIBAO',
    issueDate: '2026-02-26',
    pageSize: PAGE_PRESETS.broadsheet,
    pages: pages.map((p) => p.id),
    photos: allPhotos,
  };
  return { edition, pages, stories };
}
