import type { SerializedNode } from '../document/lexical-state';
import type { Edition, Page, Story } from '../document/schema';
import type { SerializedCredits, SerializedFigure } from '../story/node-types';
import { proofDocuments } from './engine';
import { stateSegments } from './segments';
import { DEFAULT_HOUSE_TERMS } from './rules/terms';
import { defineRule, type Finding, type ProofDocument, type ProofOptions } from './types';

// Edition-level proofreading: every story version, then the checks only a whole edition
// can make: photos without a caption or credit, bylines the credits block leaves out.

export const PHOTO_NO_CAPTION = defineRule(
  'credit.photo-caption', 'warning', 'house style (图片须有图说)',
  '图片“{text}”没有图片说明', 'Photo "{text}" has no caption',
);
export const PHOTO_NO_CREDIT = defineRule(
  'credit.photo-credit', 'warning', 'house style (图片须署名)',
  '图片“{text}”没有署名（作者或来源）', 'Photo "{text}" has no credit (creator or credit line)',
);
export const BYLINE_NOT_CREDITED = defineRule(
  'credit.byline-missing', 'warning', 'house style (署名一致)',
  '稿件署名“{text}”不在版面署名栏中', 'Byline "{text}" is missing from the credits block',
);

export interface EditionProofInput {
  edition: Pick<Edition, 'photos'>;
  pages: readonly Pick<Page, 'blocks'>[];
  stories: readonly Story[];
}

/** Document ids of story versions: "<story id>/zh", "<story id>/en". */
export const storyDocId = (storyId: string, lang: 'zh' | 'en') => `${storyId}/${lang}`;

/** "story-2025/en" → its story and language; null for other documents ("photo:…"). */
export function storyOfDocId(docId: string): { storyId: string; lang: 'zh' | 'en' } | null {
  const m = /^(.+)\/(zh|en)$/.exec(docId);
  return m ? { storyId: m[1]!, lang: m[2] as 'zh' | 'en' } : null;
}

export function storyDocuments(stories: readonly Story[]): ProofDocument[] {
  const docs: ProofDocument[] = [];
  for (const s of stories) {
    for (const lang of ['zh', 'en'] as const) {
      const segments = stateSegments(s[lang], lang);
      if (segments.length) docs.push({ id: storyDocId(s.id, lang), segments });
    }
  }
  return docs;
}

// 记者 张三 李四 / 本报记者 张三 / 通讯员 王五: a byline at a story's head or foot.
const BYLINE = /^[（(]?(?:本报|本台)?(?:记者|通讯员|特约记者)[ \u3000]*((?:\p{Script=Han}{2,4}[ \u3000]*)+)[）)]?$/u;

function bylines(story: Story): { names: string[]; seg: { id: string; text: string } }[] {
  const blocks = story.zh?.root.children ?? [];
  const out: { names: string[]; seg: { id: string; text: string } }[] = [];
  const candidates = [0, 1, 2, blocks.length - 3, blocks.length - 2, blocks.length - 1].filter((i, k, a) => i >= 0 && i < blocks.length && a.indexOf(i) === k);
  for (const i of candidates) {
    const node = blocks[i]!;
    const text = nodeTextOf(node).trim();
    const m = BYLINE.exec(text);
    if (m) out.push({ names: m[1]!.trim().split(/[ \u3000]+/), seg: { id: String(i), text } });
  }
  return out;
}

function nodeTextOf(node: SerializedNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(nodeTextOf).join('');
}

function figures(stories: readonly Story[]): SerializedFigure[] {
  return stories.flatMap((s) => [...(s.zh?.root.children ?? []), ...(s.en?.root.children ?? [])].filter((n): n is SerializedFigure => n.type === 'figure'));
}

function editionChecks(input: EditionProofInput): Finding[] {
  const out: Finding[] = [];
  const used = new Set<string>([
    ...input.pages.flatMap((p) => p.blocks.filter((b) => b.kind === 'photo' && b.photoId).map((b) => b.photoId!)),
    ...figures(input.stories).map((f) => f.photoId),
  ]);
  for (const photo of input.edition.photos) {
    if (used.size > 0 && !used.has(photo.id)) continue;
    const doc: ProofDocument = { id: `photo:${photo.id}`, segments: [] };
    const seg = { id: 'meta', text: photo.asset.file.replace(/^assets\//, ''), lang: 'zh' as const, kind: 'caption' as const };
    const emit = (rule: typeof PHOTO_NO_CAPTION) => out.push(findingAt(rule, doc.id, seg.id, seg.text));
    if (!photo.meta.caption.zh.trim() && !photo.meta.caption.en.trim()) emit(PHOTO_NO_CAPTION);
    if (!photo.meta.credit.trim() && !photo.meta.creator.trim()) emit(PHOTO_NO_CREDIT);
  }
  const credited = new Set<string>();
  for (const p of input.pages) for (const b of p.blocks) if (b.kind === 'credits') for (const c of b.credits ?? []) c.names.forEach((n) => credited.add(n));
  for (const s of input.stories) {
    for (const n of s.zh?.root.children ?? []) if (n.type === 'credits') for (const c of (n as SerializedCredits).credits ?? []) c.names.forEach((x) => credited.add(x));
  }
  if (credited.size === 0) return out;
  for (const s of input.stories) {
    for (const b of bylines(s)) {
      for (const name of b.names) {
        if (credited.has(name)) continue;
        const at = b.seg.text.indexOf(name);
        out.push({ ...findingAt(BYLINE_NOT_CREDITED, storyDocId(s.id, 'zh'), b.seg.id, name), start: at, end: at + name.length });
      }
    }
  }
  return out;
}

function findingAt(rule: typeof PHOTO_NO_CAPTION, docId: string, segmentId: string, text: string): Finding {
  const fill = (t: string) => t.replace('{text}', text);
  return {
    ruleId: rule.id, severity: rule.severity, standard: rule.standard,
    message: { zh: fill(rule.message.zh), en: fill(rule.message.en) },
    docId, segmentId, start: 0, end: text.length, text, key: `${rule.id}|${docId}|${text}`,
  };
}

/**
 * Captions of the photos placed on pages (issue 14: 沁源源党参育苗 sat in one), each a
 * "photo:<id>" document; a figure's caption inside a story is proofread with its story.
 */
export function photoCaptionDocuments(input: EditionProofInput): ProofDocument[] {
  const placed = new Set(input.pages.flatMap((p) => p.blocks.filter((b) => b.kind === 'photo' && b.photoId).map((b) => b.photoId!)));
  const docs: ProofDocument[] = [];
  for (const photo of input.edition.photos) {
    if (!placed.has(photo.id)) continue;
    const segments = (['zh', 'en'] as const)
      .filter((lang) => photo.meta.caption[lang].trim() !== '')
      .map((lang) => ({ id: `caption-${lang}`, text: photo.meta.caption[lang], lang, kind: 'caption' as const }));
    if (segments.length) docs.push({ id: `photo:${photo.id}`, segments });
  }
  return docs;
}

/** Every finding of an edition: story versions, placed photos' captions, cross-story consistency, photos and credits. */
export function proofEdition(input: EditionProofInput, options: ProofOptions = { terms: DEFAULT_HOUSE_TERMS }): Finding[] {
  return [...proofDocuments([...storyDocuments(input.stories), ...photoCaptionDocuments(input)], options), ...editionChecks(input)];
}
