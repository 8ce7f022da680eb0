import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_TERMS, proofDocument, type ProofDocument, type ProofOptions, type Segment } from '../../shared/proof';
import { IncrementalProof } from '../../shared/proof/incremental';
import { blockText, parseSeedMarkdown } from '../../shared/document/seed-markdown';
import { cscModel } from '../support/csc';

// The editor's proofreading run kept per paragraph (issue 15) gives exactly the findings of
// a whole run after every edit: the paragraph typed in, a quotation opened in one paragraph
// and continued in the next (the one rule that reads a neighbour), paragraphs added and
// removed, mixed number forms across the story (the document-wide rules).

const seed = parseSeedMarkdown(readFileSync(join(__dirname, '../../resources/sample/seeds/2026-qinyuan-lianghui.md'), 'utf8')).map(blockText).filter(Boolean);
const TRICKY = ['他说：“这一段的引号在下一段继续，', '“下一段以引号开头。”完。', '投资12,345元，另有23456元。', '二〇二五年与2026年。', '重复重复的的字。', '用了半角,逗号和(括号)。'];

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

let options: ProofOptions;
beforeAll(async () => { options = { terms: DEFAULT_HOUSE_TERMS, csc: await cscModel(), flagStackedMarks: true }; });

describe('IncrementalProof', () => {
  it('equals a whole run after 120 random edits', () => {
    const rand = rng(11);
    let n = 0;
    const seg = (text: string): Segment => ({ id: `k${n++}`, text, lang: 'zh', kind: 'body' });
    let segments = [...seed, ...TRICKY].map(seg);
    const inc = new IncrementalProof();
    const doc = (): ProofDocument => ({ id: 'story-x/zh', segments });
    expect(inc.run(doc(), options)).toEqual(proofDocument(doc(), options));
    const pieces = ['“', '”', '字', '，', ',', '12345', '1,234', '的的', '！！', '二〇二〇年', 'PM2.5'];
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(rand() * segments.length);
      const op = Math.floor(rand() * 4);
      const s = segments[at]!;
      if (op === 0 || op === 1) {
        // Typing: a piece inserted somewhere in the paragraph (the same segment id, as in the editor).
        const p = Math.floor(rand() * (s.text.length + 1));
        segments = segments.map((x, j) => (j === at ? { ...x, text: x.text.slice(0, p) + pieces[Math.floor(rand() * pieces.length)] + x.text.slice(p) } : x));
      } else if (op === 2) {
        segments = [...segments.slice(0, at + 1), seg(TRICKY[Math.floor(rand() * TRICKY.length)]!), ...segments.slice(at + 1)];
      } else if (segments.length > 5) {
        segments = segments.filter((_, j) => j !== at);
      }
      expect(inc.run(doc(), options), `after edit ${i} (op ${op})`).toEqual(proofDocument(doc(), options));
    }
  });

  it('starts over for new options', () => {
    const segments: Segment[] = [{ id: 'a', text: '沁源县的“黄金”产业。', lang: 'zh', kind: 'body' }];
    const inc = new IncrementalProof();
    const before = inc.run({ id: 'd', segments }, {});
    const terms = { ...options, terms: [{ preferred: '沁源', variants: ['沁源县'] }] } as ProofOptions;
    expect(inc.run({ id: 'd', segments }, terms)).toEqual(proofDocument({ id: 'd', segments }, terms));
    expect(before).toEqual(proofDocument({ id: 'd', segments }, {}));
  });
});
