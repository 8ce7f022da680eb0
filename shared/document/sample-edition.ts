import { parseSeedMarkdown } from './seed-markdown';
import { bodyState, splitFeature } from './seed-story';
import { page2025, page2026 } from './sample-pages';
import { PAGE_PRESETS, SCHEMA_VERSION, type Edition, type Page, type Photo, type PhotoMeta, type Story } from './schema';

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

export function photoIdFor(sha256: string): string {
  return `ph-${sha256.slice(0, 16)}`;
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
    const page = seed.pageId === 'page-2025'
      ? page2025(seed.pageId, seed.storyId, seed.name, parts, i + 1)
      : page2026(seed.pageId, seed.storyId, seed.name, parts, photos, i + 1);
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
