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

describe('a doubled character read as the doubled word meant (吗吗 → 妈妈)', () => {
  const doubled = (text: string, options: ProofOptions = { csc: model }) =>
    proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, options)
      .filter((f) => f.ruleId.startsWith('char.'))
      .map((f) => [f.ruleId, f.text, f.fix?.replacement]);

  it.each([
    ['我的家有爸爸、吗吗、哥哥跟我。', '吗吗', '妈妈'],
    ['你要不要式式看这道菜？', '式式', '试试'],
    ['下星期是我的第第生日。', '第第', '弟弟'],
  ])('%s: both characters, one fix', (text, written, meant) => {
    const f = doubled(text);
    expect(f).toEqual([['char.doubled-typo', written, meant]]);
  });

  it('says why, in the user\'s language', () => {
    const [f] = proofDocument({ id: 'd', segments: [{ id: '0', text: '有吗吗、弟弟、姊姊还有我。', lang: 'zh', kind: 'body' }] }, { csc: model })
      .filter((x) => x.ruleId === 'char.doubled-typo');
    expect(f!.message.zh).toMatch(/^可能是错别字：叠字“吗吗”不成词，是否应为“妈妈”？（语言模型概率高约 (\d+|(\d×)?10[⁰¹²³⁴⁵⁶⁷⁸⁹]+) 倍）$/);
    expect(f!.message.en).toMatch(/^Perhaps a typo: "吗吗" is no word; "妈妈"\? \(/);
    expect(f!.fix).toEqual({ start: 1, end: 3, replacement: '妈妈' });
  });

  it.each([
    ['沁源 + 源 stays a slip to leave out', '沁源源党参育苗基地今年扩大到三百亩。', [['char.repeated', '源源', '']]],
    ['包包 is a word', '她把包包放在桌上。', []],
    ['的的 stays a slip', '这是我们的的任务。', [['char.repeated', '的的', '']]],
  ])('%s', (_, text, want) => {
    expect(doubled(text as string)).toEqual(want);
  });

  it('does not read 各各 as 哥哥 (各个 was meant: the typo check has that one)', () => {
    expect(doubled('同学们各各回到自己的座位。').map((f) => f[0])).not.toContain('char.doubled-typo');
  });

  it('is off with the typo check, in credit lines, and without the tables', () => {
    const text = '我的家有爸爸、吗吗、哥哥跟我。';
    expect(doubled(text, { csc: model, typoLevel: 'off' }).map((f) => f[0])).not.toContain('char.doubled-typo');
    expect(doubled(text, {}).map((f) => f[0])).not.toContain('char.doubled-typo');
    const credit = proofDocument({ id: 'd', segments: [{ id: '0', text: '图片：吗吗', lang: 'zh', kind: 'credit' }] }, { csc: model });
    expect(credit.map((f) => f.ruleId)).not.toContain('char.doubled-typo');
  });
});
