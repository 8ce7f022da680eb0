import { beforeAll, describe, expect, it } from 'vitest';
import { proofDocument, type Finding, type ProofOptions } from '../../shared/proof';
import type { CscModel } from '../../shared/proof/csc/model';
import { cscModel } from '../support/csc';

// Doubled characters judged by words (issue 14, item 2), with the real tables.

let model: CscModel;
beforeAll(async () => { model = await cscModel(); });

function repeats(text: string, options: ProofOptions = { csc: model }): Finding[] {
  return proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, options)
    .filter((f) => f.ruleId === 'char.repeated' || f.ruleId === 'char.possible-repeat');
}

describe('repeats by words', () => {
  it('flags a word followed by its last character again: 沁源 + 源', () => {
    const f = repeats('沁源源党参育苗基地今年扩大到三百亩。');
    expect(f.map((x) => [x.text, x.ruleId, x.fix?.replacement])).toEqual([['源源', 'char.repeated', '']]);
    expect(f[0]!.start).toBe(1);
  });

  it.each([
    ['源源不断', '各地游客源源不断地来到沁源。'],
    ['包包 (a word)', '她把包包放在桌上。'],
    ['喝喝 (a word)', '下班后喝喝茶，聊聊天。'],
    ['现在在: 现在 + 在', '他也现在在后悔当初的决定。'],
    ['two words meeting: 产品品牌', '企业加强产品品牌建设。'],
    ['AABB idiom', '大家认认真真地完成了任务。'],
    ['看看', '我们去看看新建的育苗大棚。'],
  ])('does not flag %s', (_, text) => {
    expect(repeats(text)).toEqual([]);
  });

  it('still flags a doubled function character: 的的', () => {
    expect(repeats('这是我们的的任务。').map((f) => f.text)).toEqual(['的的']);
  });

  it('without the tables the reduplication list decides, as before (源源 passes)', () => {
    expect(repeats('沁源源党参育苗基地。', {})).toEqual([]);
  });
});
