import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_TERMS, proofDocument } from '../../shared/proof';
import type { CscModel } from '../../shared/proof/csc/model';
import { markConstructions } from '../../shared/proof/csc/patterns';
import { cscModel } from '../support/csc';

// Set constructions the 错别字 detector leaves alone (issue 14, shared/proof/csc/patterns.ts):
// a word model read 写一写 as 写一些 and 越听越 as 听说. Sentences written here.

let csc: CscModel;
beforeAll(async () => { csc = await cscModel(); });

const charFindings = (text: string) =>
  proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, { terms: DEFAULT_HOUSE_TERMS, csc, typoLevel: 'strict' })
    .filter((f) => f.ruleId.startsWith('char.'))
    .map((f) => `${f.text}→${f.fix?.replacement}`);

describe('set constructions', () => {
  it('marks V一V, V了V, 越…越 and V来V去, and nothing else', () => {
    const text = '写一写，看了看，越听越明白，走来走去，一个人来了';
    const out = new Uint8Array(text.length);
    markConstructions(text, out);
    const marked = [...text].filter((_, i) => out[i]).join('');
    expect(marked).toBe('写一写看了看越听越走来走去');
  });

  // The pass in patterns.ts against the regular expressions it stands for, on generated text
  // of the characters that matter: Han and not, the pattern characters, a Han character
  // outside the BMP (two code units) and a lone surrogate.
  it('marks what the three regular expressions match, on 20,000 generated texts', () => {
    const res = [/(\p{Script=Han})[一了]\1/gu, /越\p{Script=Han}{1,2}越/gu, /(\p{Script=Han})来\1去/gu];
    const alphabet = ['一', '了', '越', '来', '去', '写', '看', 'x', '，', '𠀀', '𪚥', '\ud840'];
    let seed = 7;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 16) % n; };
    let marked = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let len = 1 + rnd(12); len > 0; len--) text += alphabet[rnd(alphabet.length)];
      const want = new Uint8Array(text.length);
      for (const re of res) for (const m of text.matchAll(re)) want.fill(1, m.index, m.index + m[0].length);
      const got = new Uint8Array(text.length);
      markConstructions(text, got);
      if (want.some((v, i) => v !== got[i])) expect({ text, got: [...got] }).toEqual({ text, got: [...want] });
      marked += want.reduce((a, b) => a + b, 0);
    }
    expect(marked).toBeGreaterThan(5_000);
  });

  it.each(['你可以写一写这周的日记。', '大家坐下来聊一聊吧。', '这个道理越听越有道理。', '他在屋里走来走去。'])(
    'leaves %s alone, even in strict', (text) => {
      expect(charFindings(text)).toEqual([]);
    });

  it('still corrects a typo next to one', () => {
    expect(charFindings('他门写一写作业。')).toEqual(['门→们']);
  });
});
