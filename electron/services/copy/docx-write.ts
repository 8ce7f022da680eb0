import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { FORMAT, type SerializedEditorState, type SerializedNode } from '../../../shared/document/lexical-state';
import { formatCreditLine } from '../../../shared/story/credit-lines';
import type { CopyLang } from '../../../shared/story/markdown-export';
import type { SerializedCredits, SerializedFigure } from '../../../shared/story/node-types';
import { isSafeUrl } from '../../../shared/story/source-blocks';
import { figureCaptionLine } from '../../../shared/story/text-export';

// A story state → .docx for writers and other desks. Roles become named paragraph
// styles Word knows or shows by name (Title, Heading 1–3, Subtitle for the deck, Kicker,
// Quote for pull quotes, Credits, Caption), so docx-read.ts reads the file back to the
// same node types. No fonts are set: the reader's own defaults for zh-CN/en-US apply.

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const BULLETS = 'ed-bullet';
const NUMBERS = 'ed-number';
const HANGING = { left: 720, hanging: 360 };

interface Ctx { lang: CopyLang; lists: number }

function language(ctx: Ctx, text: string) {
  // w:lang: w:eastAsia marks the Chinese runs for line breaking and proofing; w:val is
  // the language of their Latin letters.
  return ctx.lang === 'zh' || HAN.test(text) ? { value: 'en-US', eastAsia: 'zh-CN' } : { value: 'en-US' };
}

function run(ctx: Ctx, text: string, format: number, style?: string): TextRun {
  return new TextRun({
    text,
    ...(style ? { style } : {}),
    bold: (format & FORMAT.bold) !== 0 || undefined,
    italics: (format & FORMAT.italic) !== 0 || undefined,
    strike: (format & FORMAT.strikethrough) !== 0 || undefined,
    underline: format & FORMAT.underline ? {} : undefined,
    subScript: (format & FORMAT.subscript) !== 0 || undefined,
    superScript: (format & FORMAT.superscript) !== 0 || undefined,
    language: language(ctx, text),
  });
}

const lineBreakRun = () => new TextRun({ break: 1 });

function inlines(ctx: Ctx, nodes: readonly SerializedNode[], style?: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'linebreak') out.push(lineBreakRun());
    else if (n.type === 'tab') out.push(new TextRun({ text: '\t' }));
    else if (n.type === 'text' || n.type === 'lead-in') {
      const format = (typeof n.format === 'number' ? n.format : 0) | (n.type === 'lead-in' ? FORMAT.bold : 0);
      (n.text ?? '').split('\n').forEach((part, i) => {
        if (i > 0) out.push(lineBreakRun());
        if (part) out.push(run(ctx, part, format, style));
      });
    } else if (n.type === 'link' && typeof n['url'] === 'string' && isSafeUrl(n['url'])) {
      out.push(new ExternalHyperlink({ link: n['url'], children: inlines(ctx, n.children ?? [], 'Hyperlink') as TextRun[] }));
    } else if (n.children) out.push(...inlines(ctx, n.children, style));
  }
  return out;
}

function linesParagraph(ctx: Ctx, lines: string[], style: string): Paragraph {
  const children: ParagraphChild[] = [];
  lines.forEach((l, i) => {
    if (i > 0) children.push(lineBreakRun());
    children.push(run(ctx, l, 0));
  });
  return new Paragraph({ style, children });
}

function headingLevel(n: SerializedNode): number {
  if (n.type === 'section-heading') return Math.min(3, Math.max(1, Number(n['level']) || 1));
  const tag = /^h([1-6])$/.exec(String(n.tag ?? ''));
  return tag ? Math.min(3, Math.max(1, Number(tag[1]) - 1)) : 1;
}

function blockParagraphs(ctx: Ctx, n: SerializedNode): Paragraph[] {
  const kids = () => inlines(ctx, n.children ?? []);
  switch (n.type) {
    case 'headline': return [new Paragraph({ heading: HeadingLevel.TITLE, children: kids() })];
    case 'kicker': return [new Paragraph({ style: 'Kicker', children: kids() })];
    case 'deck': return [new Paragraph({ style: 'Subtitle', children: kids() })];
    case 'section-heading':
    case 'heading': return [new Paragraph({ heading: HEADINGS[headingLevel(n) - 1], children: kids() })];
    case 'pull-quote':
    case 'quote': return [new Paragraph({ style: 'Quote', children: kids() })];
    case 'figure': return [linesParagraph(ctx, [figureCaptionLine(n as SerializedFigure, ctx.lang)], 'Caption')];
    case 'credits': return [linesParagraph(ctx, ((n as SerializedCredits).credits ?? []).map((c) => formatCreditLine(c, ctx.lang)), 'Credits')];
    case 'list': {
      const ordered = n['listType'] === 'number';
      // Each numbered list restarts at 1: its own numbering instance.
      const instance = ++ctx.lists;
      return (n.children ?? []).map((item) => new Paragraph({
        numbering: { reference: ordered ? NUMBERS : BULLETS, level: 0, instance },
        children: inlines(ctx, item.children ?? []),
      }));
    }
    default: return n.children ? [new Paragraph({ children: kids() })] : [];
  }
}

/** The story as a .docx file. */
export async function writeDocx(state: SerializedEditorState, opts: { lang: CopyLang; title: string }): Promise<Buffer> {
  const ctx: Ctx = { lang: opts.lang, lists: 0 };
  const children = state.root.children.flatMap((n) => blockParagraphs(ctx, n));
  const lang = opts.lang === 'zh' ? { value: 'en-US', eastAsia: 'zh-CN' } : { value: 'en-US' };
  const doc = new Document({
    title: opts.title,
    creator: 'Edition Desk 特刊编辑台',
    styles: {
      default: { document: { run: { language: lang } } },
      paragraphStyles: [
        { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28 } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 720, right: 720 } } },
        { id: 'Credits', name: 'Credits', basedOn: 'Normal', next: 'Normal', quickFormat: true },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 18 } },
      ],
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: HANGING } } }] },
        { reference: NUMBERS, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: HANGING } } }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
