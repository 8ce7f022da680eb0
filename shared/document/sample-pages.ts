import { blockText, type MdBlock } from './seed-markdown';
import type { FeatureParts } from './seed-story';
import type { Block, Grid, Page, Photo } from './schema';

// The two sample pages as a layout designer drew them on the broadsheet's 8-column grid
// (390 × 545 mm, type area 360 × 509 mm). The depths of the story frames were measured in
// the real rendering (tests/unit/sample-copyfit.test.ts holds them to ✓ or within a line):
// change the copy, the type or a frame and that test says by how many lines.

export const SAMPLE_GRID: Grid = { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } };
/** The type area's depth: 545 − 18 − 18. */
const FOOT = 509;

/** Depth of the 2026 story frame: its copy to the last line of the eighth column. */
export const STORY_2026_MM = 214;
/** Depth of the 2025 story frame, the same measure. */
export const STORY_2025_MM = 122;

/** The tint of the 2025 page's banner and 数说 panel: newsprint's warm cream, darker. */
const TINT = '#f3e6d6';

type NewBlock = Omit<Block, 'id' | 'lang'> & { lang?: Block['lang'] };

function pageBuilder(pageId: string) {
  const blocks: Block[] = [];
  let n = 0;
  const add = (b: NewBlock): Block => {
    const block = { lang: 'zh' as const, ...b, id: `${pageId}-${b.kind}-${++n}` };
    blocks.push(block);
    return block;
  };
  return { blocks, add };
}

function furnitureText(furniture: MdBlock[], wanted: string): string {
  const hit = furniture.find((b) => blockText(b).trim() === wanted);
  if (!hit) throw new Error(`sample page: the seed no longer has "${wanted}" above its headline`);
  return wanted;
}

/**
 * 2026, page 1: the feature opens under its section row (聚焦 · 2026 · 长治两会), headline and
 * deck across the page, the copy in eight columns, the eight photos in two rows to the foot.
 */
export function page2026(pageId: string, storyId: string, name: string, parts: FeatureParts, photos: Photo[], number: number): Page {
  const { blocks, add } = pageBuilder(pageId);
  const f = parts.furniture;
  add({ kind: 'kicker', col: 0, span: 1, yMm: 0, hMm: 12, text: furnitureText(f, '聚焦') });
  add({ kind: 'label', col: 1, span: 1, yMm: 0, hMm: 12, text: furnitureText(f, '2026') });
  add({ kind: 'label', col: 2, span: 2, yMm: 0, hMm: 12, text: furnitureText(f, '长治两会') });
  add({ kind: 'rule', col: 0, span: 8, yMm: 13, hMm: 2, strokeMm: 1 });
  add({ kind: 'headline', col: 0, span: 8, yMm: 17, hMm: 26, text: parts.headline });
  if (parts.deck) add({ kind: 'deck', col: 0, span: 8, yMm: 44, hMm: 14, text: blockText(parts.deck) });
  const storyTop = 60;
  add({ kind: 'story', col: 0, span: 8, yMm: storyTop, hMm: STORY_2026_MM, storyId, thread: 0 });
  // Two rows of four photos share the depth between the copy and the running foot.
  const footerH = parts.footer ? 8 : 0;
  const top = storyTop + STORY_2026_MM + 4;
  const rowH = (FOOT - footerH - 2 - top) / 2;
  photos.forEach((p, i) => {
    add({ kind: 'photo', col: (i % 4) * 2, span: 2, yMm: Math.round(top + Math.floor(i / 4) * rowH), hMm: Math.floor(rowH - 3), photoId: p.id, captionPos: 'below' });
  });
  if (parts.footer) add({ kind: 'footer', col: 0, span: 8, yMm: FOOT - footerH, hMm: footerH, text: parts.footer });
  return { id: pageId, name, number, grid: SAMPLE_GRID, blocks };
}

/** The 2024 figures the 2025 copy reports, drawn out as its 数说 panel (figure, what it counts). */
export const FACTS_2025: readonly (readonly [string, string])[] = [
  ['291.5亿元', '全县地区生产总值'],
  ['29.71亿元', '一般公共预算收入'],
  ['50个', '新建续建亿元以上项目'],
  ['256.24亿元', '亿元以上项目总投资'],
  ['87%', '新能源和清洁能源装机占比'],
  ['35%', '原煤转化率'],
  ['29个', '好乐草莓引育新品种'],
  ['2085人', '城镇新增就业'],
  ['16.8万平方米', '县城新增供热面积'],
  ['6085户', '新接入天然气'],
  ['22.5公里', '整治沁河干流'],
  ['14.9万亩', '飞播造林'],
];

/** A line of the copy set large at the foot, as a pull quote. */
export const QUOTE_2025 = '“沁源的事，大家想、大家说、大家干”';

/** "2025年2月25日 星期二" → 2025-02-25. */
function isoDate(zh: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(zh);
  if (!m) throw new Error(`sample page: no date in "${zh}"`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * 2025, page 2: last year's front of 长治日报 as reprinted in the special: its masthead
 * with its own date and 版次, the section row, 向人民报告 as the page's banner over the
 * headline and deck; the copy in eight columns; the year's figures (数说2024) in a panel of
 * three rows of four; a pull quote and the credits at the foot.
 */
export function page2025(pageId: string, storyId: string, name: string, parts: FeatureParts, number: number): Page {
  const { blocks, add } = pageBuilder(pageId);
  const f = parts.furniture;
  const dateLine = f.map(blockText).find((t) => /\d{4}年\d{1,2}月\d{1,2}日/.test(t));
  if (!dateLine) throw new Error('sample page: the 2025 seed has no dateline');
  furnitureText(f, '特刊');
  const paper = furnitureText(f, '长治日报');
  const roman = f.map(blockText).find((t) => /^[A-Z ]+$/.test(t)) ?? '';
  // Masthead: 报头, the special's mark, this page's own date and 版次 (PageCanvas draws them).
  add({ kind: 'masthead', col: 0, span: 8, yMm: 0, hMm: 30, lang: 'both', text: paper, textEn: roman, date: isoDate(dateLine) });
  // The section row under it.
  add({ kind: 'kicker', col: 0, span: 1, yMm: 33, hMm: 12, text: furnitureText(f, '聚焦') });
  add({ kind: 'label', col: 1, span: 3, yMm: 33, hMm: 12, text: `${furnitureText(f, '2025')} ${furnitureText(f, '长治两会')}` });
  add({ kind: 'label', col: 4, span: 2, yMm: 33, hMm: 12, text: `${furnitureText(f, '展新貌')} ${furnitureText(f, '开新局')}` });
  add({ kind: 'label', col: 6, span: 2, yMm: 33, hMm: 12, text: `${furnitureText(f, '生态沁源')}·${furnitureText(f, '沁源县')}` });
  add({ kind: 'rule', col: 0, span: 8, yMm: 46, hMm: 2, strokeMm: 0.5 });
  // The banner: 向人民报告 large on a tinted band, the headline and deck below it on the band.
  add({ kind: 'box', col: 0, span: 8, yMm: 50, hMm: 96, color: TINT });
  add({ kind: 'kicker', col: 2, span: 4, yMm: 54, hMm: 30, sizePt: 60, text: furnitureText(f, '向人民报告') });
  add({ kind: 'headline', col: 0, span: 8, yMm: 88, hMm: 26, text: parts.headline });
  if (parts.deck) add({ kind: 'deck', col: 1, span: 6, yMm: 116, hMm: 26, text: blockText(parts.deck) });
  // The copy in eight columns.
  const storyTop = 150;
  add({ kind: 'story', col: 0, span: 8, yMm: storyTop, hMm: STORY_2025_MM, storyId, thread: 0 });
  // The foot row: the pull quote and the credits.
  const footH = 34;
  const footTop = FOOT - footH;
  add({ kind: 'rule', col: 0, span: 5, yMm: footTop, hMm: 2, strokeMm: 0.5 });
  add({ kind: 'deck', col: 0, span: 5, yMm: footTop + 6, hMm: footH - 6, sizePt: 20, text: QUOTE_2025 });
  if (parts.credits.length > 0) add({ kind: 'credits', col: 5, span: 3, yMm: footTop, hMm: footH, credits: parts.credits });
  // 数说2024 between the copy and the foot: three rows of four figures on a tinted panel.
  const panelTop = storyTop + STORY_2025_MM + 4;
  const panelH = footTop - 4 - panelTop;
  add({ kind: 'box', col: 0, span: 8, yMm: panelTop, hMm: panelH, color: TINT });
  add({ kind: 'kicker', col: 0, span: 2, yMm: panelTop + 4, hMm: 12, text: '数说2024' });
  const rows = Math.ceil(FACTS_2025.length / 4);
  const pitch = (panelH - 20) / rows;
  for (let r = 1; r < rows; r++) add({ kind: 'rule', col: 0, span: 8, yMm: Math.round(panelTop + 20 + r * pitch) - 1, hMm: 2, strokeMm: 0.3 });
  FACTS_2025.forEach(([figure, what], i) => {
    const col = (i % 4) * 2;
    const y = Math.round(panelTop + 20 + Math.floor(i / 4) * pitch + (pitch - 34) / 2);
    add({ kind: 'label', col, span: 2, yMm: y, hMm: 20, sizePt: 34, text: figure });
    add({ kind: 'caption', col, span: 2, yMm: y + 22, hMm: 12, sizePt: 12, text: what });
  });
  return { id: pageId, name, number, grid: SAMPLE_GRID, blocks };
}
