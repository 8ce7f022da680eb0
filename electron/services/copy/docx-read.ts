import { FORMAT, lineBreak, textNode, type SerializedNode } from '../../../shared/document/lexical-state';
import { appError } from '../../../shared/contract/messages';
import { inlineText, isSafeUrl, linkNode, type Inline, type SourceBlock } from '../../../shared/story/source-blocks';
import { structureStory, type ImportedStory, type PairIdGenerator } from '../../../shared/story/story-structure';
import { isW, openDocx, relId, wAttr, wChild, wChildren, wOn } from './docx-package';
import { DocxStyles, applyRunProps, halfPoints, numberingRef } from './docx-styles';

// A writer's .docx → story blocks, read straight from word/document.xml (no converter):
// paragraph styles give headings and roles (docx-styles.ts), runs give bold/italic/
// sub/superscript, <w:br/> a line break, w:hyperlink and HYPERLINK fields a link, w:numPr
// a list item. Fonts, colours and sizes are dropped. Tables and text boxes are read as
// paragraphs in document order; deleted revisions, hidden text and field codes are not copy.

const HYPERLINK_FIELD = /^\s*HYPERLINK\s+"([^"]+)"/i;

interface Field { instr: string; link: SerializedNode | null; result: boolean }

/** The inline content of one paragraph. */
class InlineReader {
  readonly out: Inline[] = [];
  readonly boxes: Element[] = [];
  private readonly targets: Inline[][] = [this.out];
  private readonly fields: Field[] = [];

  constructor(private readonly styles: DocxStyles, private readonly links: Map<string, string>, private readonly baseSize: number | null) {}

  private emit(n: Inline): void {
    if (this.fields.some((f) => !f.result)) return; // inside a field's instruction
    this.targets.at(-1)!.push(n);
  }

  private withLink(url: string | undefined, el: Element): void {
    if (!url || !isSafeUrl(url)) return this.walk(el);
    const link = linkNode(url, []);
    this.emit(link);
    this.targets.push(link.children!);
    this.walk(el);
    this.targets.pop();
  }

  walk(el: Element): void {
    for (const c of wChildren(el)) {
      if (c.localName === 'AlternateContent') {
        const branch = alternateBranch(c);
        if (branch) this.walk(branch);
      } else if (isW(c, 'r')) this.run(c);
      else if (isW(c, 'hyperlink')) this.withLink(this.links.get(relId(c)), c);
      else if (isW(c, 'fldSimple')) this.withLink(HYPERLINK_FIELD.exec(wAttr(c, 'instr') ?? '')?.[1], c);
      else if (isW(c, 'sdt')) { const content = wChild(c, 'sdtContent'); if (content) this.walk(content); }
      else if (['ins', 'moveTo', 'smartTag', 'customXml', 'bdo', 'dir'].some((n) => isW(c, n))) this.walk(c);
      // w:del, w:moveFrom, w:pPr, bookmarks, comments, proofing marks: not copy.
    }
  }

  private runFormat(rPr: Element | null): number {
    let f = applyRunProps(this.styles.characterFormat(wAttr(wChild(rPr, 'rStyle'))), rPr);
    // LibreOffice writes sub/superscript as a lowered/raised smaller run (w:position in
    // half-points, w:sz below the paragraph's size), not as w:vertAlign: PM2.5.
    const pos = Number(wAttr(wChild(rPr, 'position')) ?? 0);
    if (pos && !(f & (FORMAT.subscript | FORMAT.superscript))) {
      const sz = halfPoints(wChild(rPr, 'sz'));
      if (sz !== null && (this.baseSize === null || sz < this.baseSize)) f |= pos < 0 ? FORMAT.subscript : FORMAT.superscript;
    }
    return f;
  }

  private run(r: Element): void {
    const rPr = wChild(r, 'rPr');
    if (wOn(wChild(rPr, 'vanish'))) return;
    const format = this.runFormat(rPr);
    this.runContent(r, (s: string) => { if (s) this.emit(textNode(s, format)); });
  }

  private runContent(r: Element, text: (s: string) => void): void {
    for (const c of wChildren(r)) {
      if (isW(c, 't')) text(c.textContent ?? '');
      else if (isW(c, 'tab') || isW(c, 'ptab')) text('\t');
      else if (isW(c, 'br')) { if (!/^(page|column)$/.test(wAttr(c, 'type') ?? '')) this.emit(lineBreak()); }
      else if (isW(c, 'cr')) this.emit(lineBreak());
      else if (isW(c, 'noBreakHyphen')) text('\u2011');
      else if (isW(c, 'sym')) text(symbolChar(wAttr(c, 'char')));
      else if (isW(c, 'fldChar')) this.fieldChar(wAttr(c, 'fldCharType'));
      else if (isW(c, 'instrText')) { const f = this.fields.at(-1); if (f && !f.result) f.instr += c.textContent ?? ''; }
      else if (isW(c, 'ruby')) { const base = wChild(c, 'rubyBase'); if (base) this.walk(base); }
      // Word puts a text box in a run as mc:AlternateContent: a DrawingML Choice (wps) and a
      // VML Fallback holding the same box. One branch only, or the box would come in twice.
      else if (c.localName === 'AlternateContent') { const branch = alternateBranch(c); if (branch) this.runContent(branch, text); }
      else if (isW(c, 'drawing') || isW(c, 'pict') || isW(c, 'object')) this.collectBoxes(c);
    }
  }

  private fieldChar(type: string | null): void {
    if (type === 'begin') this.fields.push({ instr: '', link: null, result: false });
    const f = this.fields.at(-1);
    if (!f) return;
    if (type === 'separate' && !f.result) {
      f.result = true;
      const url = HYPERLINK_FIELD.exec(f.instr)?.[1];
      if (url && isSafeUrl(url)) {
        f.link = linkNode(url, []);
        this.emit(f.link);
        this.targets.push(f.link.children!);
      }
    } else if (type === 'end') {
      this.fields.pop();
      if (f.link) this.targets.pop();
    }
  }

  /** Text boxes inside a drawing, outermost only (their own paragraphs follow this one). */
  private collectBoxes(el: Element): void {
    for (const c of wChildren(el)) {
      if (isW(c, 'txbxContent')) this.boxes.push(c);
      else if (c.localName === 'Fallback') continue; // the same box again, for old readers
      else this.collectBoxes(c);
    }
  }
}

class BodyReader {
  readonly blocks: SourceBlock[] = [];
  private openList: { numId: string; block: Extract<SourceBlock, { kind: 'list' }> } | null = null;

  constructor(private readonly styles: DocxStyles, private readonly links: Map<string, string>) {}

  container(el: Element): void {
    for (const c of wChildren(el)) {
      if (isW(c, 'p')) this.paragraph(c);
      else if (isW(c, 'tbl')) {
        for (const tr of tableParts(c, 'tr')) for (const tc of tableParts(tr, 'tc')) this.container(tc);
      } else if (isW(c, 'sdt')) { const content = wChild(c, 'sdtContent'); if (content) this.container(content); }
      else if (isW(c, 'customXml') || isW(c, 'ins') || isW(c, 'moveTo')) this.container(c);
    }
  }

  private push(b: SourceBlock): void {
    this.openList = null;
    this.blocks.push(b);
  }

  private paragraph(p: Element): void {
    const pPr = wChild(p, 'pPr');
    const styleId = wAttr(wChild(pPr, 'pStyle'));
    const outline = wAttr(wChild(pPr, 'outlineLvl'));
    const role = this.styles.paragraphRole(styleId, outline !== null ? Number(outline) : null);
    const directNum = wChild(pPr, 'numPr');
    const num = directNum ? numberingRef(directNum) : this.styles.paragraphNumbering(styleId);
    const inline = new InlineReader(this.styles, this.links, this.styles.baseSize(styleId));
    inline.walk(p);
    const children = inline.out;
    if (inlineText(children).trim() !== '') {
      if (role?.kind === 'heading') this.push({ kind: 'heading', level: role.level, children });
      else if (role) this.push({ kind: role.kind, children });
      else if (num) this.listItem(num.numId, this.styles.isOrdered(num), children);
      else this.push({ kind: 'paragraph', children });
    }
    for (const box of inline.boxes) this.container(box);
  }

  private listItem(numId: string, ordered: boolean, children: Inline[]): void {
    const open = this.openList;
    if (open && open.numId === numId && open.block.ordered === ordered) {
      open.block.items.push(children);
      return;
    }
    const block = { kind: 'list' as const, ordered, items: [children] };
    this.push(block);
    this.openList = { numId, block };
  }
}

/**
 * A table's rows, or a row's cells, also where a content control or custom XML wraps them:
 * Word's repeating sections put w:sdt around rows and cells (docx4j's invoice.docx lost
 * its item rows when only direct children were read).
 */
function tableParts(el: Element, name: 'tr' | 'tc'): Element[] {
  const out: Element[] = [];
  for (const c of wChildren(el)) {
    if (isW(c, name)) out.push(c);
    else if (isW(c, 'sdt')) { const content = wChild(c, 'sdtContent'); if (content) out.push(...tableParts(content, name)); }
    else if (isW(c, 'customXml')) out.push(...tableParts(c, name));
  }
  return out;
}

/** The branch of an mc:AlternateContent a reader takes: the first Choice, else the Fallback. */
function alternateBranch(el: Element): Element | undefined {
  const kids = wChildren(el);
  return kids.find((x) => x.localName === 'Choice') ?? kids.find((x) => x.localName === 'Fallback');
}

/**
 * w:sym's w:char is a hex code point, often in the symbol fonts' private area (F0xx). A
 * value that is not one (FFFFFFFF, a surrogate, text) becomes U+FFFD, as a reader shows an
 * unknown glyph, instead of failing the import.
 */
export function symbolChar(hex: string | null): string {
  if (hex === null) return ' ';
  const n = /^[0-9a-f]{1,6}$/i.test(hex) ? parseInt(hex, 16) : NaN;
  if (!Number.isInteger(n) || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  if (n < 0x20 && n !== 0x9) return ' ';
  return String.fromCodePoint(n);
}

/** The document's blocks in reading order, before story roles are assigned. */
export function readDocxBlocks(bytes: Uint8Array): SourceBlock[] {
  const pkg = openDocx(bytes);
  const body = wChild(pkg.document.documentElement, 'body');
  if (!body) throw appError('DOCX_UNREADABLE', 'word/document.xml has no w:body');
  const reader = new BodyReader(new DocxStyles(pkg.styles, pkg.numbering), pkg.links);
  reader.container(body);
  return reader.blocks;
}

/** A .docx → `{ title, state }` in the story vocabulary (shared/story/node-types.ts). */
export function readDocx(bytes: Uint8Array, newPairId?: PairIdGenerator): ImportedStory {
  return structureStory(readDocxBlocks(bytes), newPairId);
}
