import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Block, Edition, Page, Photo, Story } from '../../shared/document/schema';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import type { LibraryPhoto } from '../../shared/photo/library';
import { rng } from './hostile-docx'; // the same deterministic PRNG (mulberry32) the fuzz inputs use

// A generated archive for the catalogue's tests and bench: 20 editions of 100 stories and
// 8 pages, and a library of 10,000 captioned photos, written as real files in the desk's
// formats. Filler text comes from a vocabulary that shares no character with the planted
// words, so every hit for a planted query is a planted row and recall can be counted.

export const PLANTED = {
  // The best match for 党参 育苗 / 沁源 / 参育 (by substring only) and the English queries.
  bestPhoto: 'p-best',
  // 参 and 育 as words of their own (参、育两项): ranks above the substring hit for 参育.
  wordDecoy: 'p-decoy',
  // The story whose title and paragraphs are about 党参.
  bestStory: 's-best',
  // Photos with 党参 somewhere in a long caption (recall set).
  dangshenPhotos: Array.from({ length: 30 }, (_, i) => `p-dangshen-${i}`),
  // Stories mentioning 灵空山 in one paragraph.
  lingkongStories: Array.from({ length: 12 }, (_, i) => `s-lingkong-${i}`),
  // Photos captioned with "apricot blossom" in English only.
  apricotPhotos: Array.from({ length: 8 }, (_, i) => `p-apricot-${i}`),
};

const ZH_FILLER = ['会议', '代表', '委员', '经济', '发展', '报告', '村民', '合作社', '公路', '学校', '医院', '文化',
  '旅游', '广场', '群众', '干部', '项目', '建设', '工程', '城市', '乡村', '振兴', '政府', '工作', '企业', '电网', '光伏',
  '煤炭', '铁路', '河流', '森林', '雨水', '秋收', '玉米', '小米', '红枣', '核桃', '牛羊', '蔬菜', '大棚', '市场', '服务'];
const EN_FILLER = ['meeting', 'deputies', 'county', 'economy', 'report', 'village', 'road', 'school', 'hospital', 'culture',
  'tourism', 'square', 'project', 'railway', 'forest', 'harvest', 'corn', 'millet', 'market', 'service', 'power', 'solar'];

const hex64 = (n: number) => n.toString(16).padStart(64, '0');

export interface ArchiveSize { editions: number; storiesPerEdition: number; photos: number }
export const FULL_ARCHIVE: ArchiveSize = { editions: 20, storiesPerEdition: 100, photos: 10_000 };

function libraryPhoto(id: string, n: number, zh: string, en: string, extra: Partial<LibraryPhoto['meta']> = {}): LibraryPhoto {
  return {
    id, sha256: hex64(n), originalSha256: hex64(n), fileName: `DSC_${String(n).padStart(5, '0')}.JPG`, sourcePath: `DCIM/${n}.JPG`,
    file: `library/files/${id}.jpg`, sidecar: null, bytes: 1000, importedAt: '2026-01-01T00:00:00Z', rating: n % 6, label: n % 7 === 0 ? 'red' : 'none',
    meta: { caption: { zh, en }, headline: '', creator: n % 2 ? '王摄' : '李摄', credit: '', source: '', copyright: '', dateCreated: '',
      location: { city: '', sublocation: '' }, keywords: [], ...extra },
    tech: { width: 6000, height: 4000, format: 'jpeg', orientation: 1, captureDate: `2025-${String((n % 12) + 1).padStart(2, '0')}-10T09:00:00`,
      make: 'NIKON', model: 'Z 6', lens: '', iso: 100, fNumber: 4, exposureTime: 0.01, focalLength: 50, gps: null },
    warnings: [],
  };
}

function story(id: string, title: string, zh: string[], en: string[]): Story {
  return { id, title, status: 'draft', zh: rootState(zh.map((p) => paragraph([textNode(p)]))), en: en.length ? rootState(en.map((p) => paragraph([textNode(p)]))) : null, updatedAt: '2026-01-01T00:00:00Z' };
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value));
}

/** Writes the archive into `root` (a workspace folder); returns the planted ids. */
export async function generateArchive(root: string, size: ArchiveSize = FULL_ARCHIVE): Promise<void> {
  const r = rng(16);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const zhText = (n: number) => Array.from({ length: n }, () => pick(ZH_FILLER)).join('') + '。';
  const enText = (n: number) => Array.from({ length: n }, () => pick(EN_FILLER)).join(' ') + '.';

  const recDir = join(root, 'library', 'records');
  await mkdir(recDir, { recursive: true });
  const photos: LibraryPhoto[] = [];
  for (let n = 0; n < size.photos; n++) photos.push(libraryPhoto(`p-${n}`, n, zhText(12), enText(10)));
  // Planted photos replace generated ones, so the counts stay as stated.
  let slot = 0;
  const plant = (p: LibraryPhoto) => { photos[slot++] = p; };
  plant(libraryPhoto(PLANTED.bestPhoto, 900001, '沁源党参育苗基地里，农民正在移栽党参幼苗。', 'Farmers transplant codonopsis seedlings at the Qinyuan nursery.',
    { headline: '沁源党参育苗', keywords: ['党参', '育苗', '沁源'], location: { city: '沁源', sublocation: '党参育苗基地' } }));
  plant(libraryPhoto(PLANTED.wordDecoy, 900002, `${zhText(3)}参、育两项指标均已完成。`, enText(6)));
  PLANTED.dangshenPhotos.forEach((id, i) => plant(libraryPhoto(id, 900100 + i, `${zhText(20)}晾晒党参${zhText(20)}`, enText(10))));
  PLANTED.apricotPhotos.forEach((id, i) => plant(libraryPhoto(id, 900200 + i, zhText(8), `${enText(6)} apricot blossom ${enText(4)}`)));
  await Promise.all(photos.map((p) => writeJson(join(recDir, `${p.id}.json`), p)));

  for (let e = 0; e < size.editions; e++) {
    const dir = join(root, `e${String(e).padStart(2, '0')}.edition`);
    await mkdir(join(dir, 'pages'), { recursive: true });
    await mkdir(join(dir, 'stories'), { recursive: true });
    const editionId = `ed-${e}`;
    const stories: Story[] = [];
    for (let s = 0; s < size.storiesPerEdition; s++) {
      stories.push(story(`s-${e}-${s}`, zhText(3), Array.from({ length: 4 }, () => zhText(25)), Array.from({ length: 3 }, () => enText(30))));
    }
    if (e === 0) {
      stories[0] = story(PLANTED.bestStory, '沁源党参产业调查', [`${zhText(5)}党参产业是沁源的支柱，党参育苗基地年产党参种苗。`, zhText(20)], ['Codonopsis farming in Qinyuan: seedlings and markets.']);
    }
    PLANTED.lingkongStories.forEach((id, i) => {
      if (i % size.editions === e) stories[1 + Math.floor(i / size.editions)] = story(id, zhText(3), [zhText(20), `${zhText(10)}灵空山${zhText(10)}`], [enText(20)]);
    });
    await Promise.all(stories.map((s) => writeJson(join(dir, 'stories', `${s.id}.json`), s)));
    // Each edition places 20 library photos (one per page block), copies with libraryId.
    const placed: Photo[] = Array.from({ length: 16 }, (_, k) => {
      const lib = photos[(e * 16 + k + 50) % photos.length]!;
      return { id: `ph-${e}-${k}`, libraryId: lib.id, meta: lib.meta, asset: { file: `assets/${lib.id}.jpg`, sha256: lib.sha256, width: 6000, height: 4000, bytes: 1000 } };
    });
    const pages: Page[] = Array.from({ length: 8 }, (_, k) => {
      const blocks: Block[] = [
        { id: `h-${k}`, kind: 'headline', col: 0, span: 8, yMm: 0, hMm: 20, lang: 'zh', text: zhText(2) },
        ...[0, 1].map((j): Block => ({ id: `f-${k}-${j}`, kind: 'photo', col: j * 4, span: 4, yMm: 30, hMm: 80, lang: 'zh', photoId: placed[k * 2 + j]!.id })),
      ];
      return { id: `pg-${k}`, name: `第${k + 1}版`, number: k + 1, grid: { columns: 8, gutterMm: 4, margins: { top: 20, right: 15, bottom: 20, left: 15 } }, blocks };
    });
    await Promise.all(pages.map((p) => writeJson(join(dir, 'pages', `${p.id}.json`), p)));
    const edition: Edition = {
      schemaVersion: 1, id: editionId, title: `特刊${e + 1}`, paper: '融媒特刊', paperEn: 'Special Edition', issueDate: `20${10 + e}-03-05`,
      pageSize: { preset: 'broadsheet', widthMm: 390, heightMm: 545 }, pages: pages.map((p) => p.id), photos: placed,
    };
    await writeJson(join(dir, 'edition.json'), edition);
  }
}
