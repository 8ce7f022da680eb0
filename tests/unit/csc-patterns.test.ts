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

  it.each(['你可以写一写这周的日记。', '大家坐下来聊一聊吧。', '这个道理越听越有道理。', '他在屋里走来走去。'])(
    'leaves %s alone, even in strict', (text) => {
      expect(charFindings(text)).toEqual([]);
    });

  it('still corrects a typo next to one', () => {
    expect(charFindings('他门写一写作业。')).toEqual(['门→们']);
  });
});
