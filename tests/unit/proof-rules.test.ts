import { describe, expect, it } from 'vitest';
import nspell from 'nspell';
import dict from 'dictionary-en';
import { proofDocument, proofDocuments, countOpenFindings, DEFAULT_HOUSE_TERMS, type Finding, type ProofOptions, type Segment } from '../../shared/proof';
import { CONFUSABLES } from '../../shared/proof/data/confusables';
import { isTraditionalOnly } from '../../shared/proof/rules/traditional';

// Each rule: text it must flag and text it must leave alone (false positives cost an
// editor's trust more than a missed slip).

const speller = nspell(new TextDecoder().decode(dict.aff), new TextDecoder().decode(dict.dic));
const OPTIONS: ProofOptions = { terms: DEFAULT_HOUSE_TERMS, speller };

function run(text: string | string[], lang: 'zh' | 'en' = 'zh', kind: Segment['kind'] = 'body'): Finding[] {
  const texts = Array.isArray(text) ? text : [text];
  return proofDocument({ id: 'd', segments: texts.map((t, i) => ({ id: String(i), text: t, lang, kind })) }, OPTIONS);
}
const ruleIds = (text: string | string[], lang: 'zh' | 'en' = 'zh', kind: Segment['kind'] = 'body') => run(text, lang, kind).map((f) => f.ruleId);

/** Applies every fix of `rule` to a one-segment text. */
function fixed(text: string, rule: string, lang: 'zh' | 'en' = 'zh'): string {
  const fixes = run(text, lang).filter((f) => f.ruleId === rule && f.fix).map((f) => f.fix!).sort((a, b) => b.start - a.start);
  return fixes.reduce((t, f) => t.slice(0, f.start) + f.replacement + t.slice(f.end), text);
}

function table(rule: string, flag: string[], keep: (string | string[])[], lang: 'zh' | 'en' = 'zh') {
  describe(rule, () => {
    it.each(flag)('flags %s', (t) => expect(ruleIds(t, lang)).toContain(rule));
    it.each(keep)('keeps %s', (t) => expect(ruleIds(t, lang)).not.toContain(rule));
  });
}

table('punct.half-width', ['今天,我们开会', '他来了.', '你说;我听', '真的吗?是的', '注意:明天', '好!走吧',
  // After a closing corner bracket as after ” (issue 14: the CCG examples).
  '电影的名牌是「我爱他」.', '服务员说：「都可以。」,他说。', '书名是『春天』,很好。'],
  ['使用Python编程，效果好', '时间为10:30', '增长3.5%', 'PM2.5浓度', '版本v1.2发布', 'Hello, world.', '网址www.gov.cn']);
table('punct.half-width-parens', ['七县(区)书画联展', '沁源县(含经开区)'], ['PM2.5 (fine particles)', '使用（括号）正确', 'f(x)的值']);
table('punct.ascii-quotes', ['他说"好"', '"十五五"规划'], ['他说“好”', 'he said "yes"']);
table('punct.space-in-chinese', ['我们 今天开会。', '全县 人民，同心。'], ['谋好篇 布好局 履职尽责为人民', '2025年2月25日 星期二', 'Edition Desk 是工具']);
table('punct.space-zh-latin', ['使用 Python 编程，很好。'], ['使用Python编程，很好。', '谋好篇 布好局']);

table('punct.unmatched', ['他说：“好。', '《人民日报', '这是）错的', '【通知'],
  ['他说：“我听到‘十五五’这个词。”', '《人民日报》', '（括号）', 'Xi’an is a city', ['他说：“第一段。', '“第二段。”']]);
table('punct.misnested', ['他说：“我听到‘十五五”这个词’。'], ['他说：“我听到‘十五五’这个词。”', '“‘嵌套’”']);
table('punct.nested-quotes', ['他说：“我听到“十五五”这个词。”'], ['他说：“我听到‘十五五’这个词。”', '“特”“优”发展']);

table('punct.repeated', ['今天，，我们', '好了。。', '结束；；'], ['真的？？', '太好了！！！', '什么？！', '“好。”']);
table('punct.conflicting', ['今天，。我们', '结束。，然后', '如下：，'], ['真的吗？！', '难道……？', '他说：“走。”']);
table('punct.ellipsis', ['等等。。。', '还有...还有', '还有…还有', '还有………'], ['还有……还有', '省略如下：…………', 'Wait... what', '3.14']);
table('punct.dash', ['沁源——太岳', '沁源--太岳', '沁源－－太岳', '沁源———太岳'].slice(1), ['沁源——太岳', '1990—2000年', '煤炭—煤化工—碳基新材料', 'run --help']);
table('punct.numeral-dunhao', ['来了5、6个人', '走了3、4天'], ['第3、4名', '3、4、5号楼', '1、2月份', '5、7个', '五六个人']);

table('num.full-width', ['增长１２３亿元', 'ＬＮＧ项目'], ['增长123亿元', '（全角括号）', '百分之５'.slice(0, 3)]);
table('num.range-hyphen', ['2024-2025年', '3-5岁儿童'], ['2024—2025年', '3～5岁', '电话0355-1234567。', '2025-02-25', 'CR400-AF型']);
table('num.percent-range', ['增长10%-20%', '增长10～20%', '增长10%—20%'], ['增长10%～20%', '占35%', '从10%增长到20%']);
table('num.zh-comma-separator', ['投资1，000元'], ['投资1000元', '第1，2项']);
describe('num.mixed-grouping and num.mixed-years', () => {
  it('flags the minority form within a story', () => {
    expect(ruleIds(['收入12,000元。', '支出35000元，存款48000元。'])).toContain('num.mixed-grouping');
    expect(ruleIds(['二〇二四年，', '2025年，'])).toContain('num.mixed-years');
  });
  it('keeps one form', () => {
    expect(ruleIds(['收入12000元。', '支出35000元。'])).not.toContain('num.mixed-grouping');
    expect(ruleIds(['二〇二四年，', '二〇二五年'])).not.toContain('num.mixed-years');
  });
});

table('char.repeated', ['我们的的工作', '在在全县', '我们我们要', '把把握'], [
  '不了了之', '是是非非', '达到目的的手段', '的的确确', '和和美美', '每每想起', '看看', '研究研究',
]);
table('char.possible-repeat', ['推进产学研研合作', '这是错错误'], [
  '看看 常常 天天 人人 纷纷 渐渐 仅仅 刚刚 往往', '高高兴兴 干干净净 认认真真', '研究研究 讨论讨论', '谢谢妈妈爸爸哥哥姐姐弟弟妹妹星星宝宝等等',
  '沉甸甸的答卷', '发展展现', '绿油油', '“十五五”', '一一对应', '饮用水水源', '产品品牌', '中国国家', '源源不断', '哈哈哈', '沁源源党参',
]);
describe('char.repeated fixes', () => {
  it('drops the second of a doubled function character', () => expect(fixed('我们的的工作', 'char.repeated')).toBe('我们的工作'));
});

describe('char.confusable', () => {
  it.each(CONFUSABLES.map((c) => [c.wrong, c.right]))('flags %s → %s', (wrong, right) => {
    const f = run(`大家${wrong}了。`).find((x) => x.ruleId === 'char.confusable');
    expect(f?.fix?.replacement).toBe(right);
  });
  it.each(CONFUSABLES.map((c) => c.right))('keeps the right form %s', (right) => expect(ruleIds(`大家${right}了。`)).not.toContain('char.confusable'));
  it.each(['按装机容量计算', '既使用传统方法', '既使人感动，又使人深思', '发布署名文章', '帐篷', '即使'])('keeps %s', (t) =>
    expect(ruleIds(t)).not.toContain('char.confusable'));
});

describe('char.traditional', () => {
  it.each(['後來', '頭髮', '國家', '說話', '這裡', '範圍'])('flags %s', (t) => expect(ruleIds(t)).toContain('char.traditional'));
  it.each(['著名作家', '乾坤', '於姓', '干部', '皇后', '划船', '瞭望', '一伙人', '凭藉'.slice(1)])('keeps %s', (t) => expect(ruleIds(t)).not.toContain('char.traditional'));
  it('knows which are traditional-only', () => {
    expect(['後', '髮', '裏', '週', '臺', '隻', '麼', '鍾'].every(isTraditionalOnly)).toBe(true);
    expect(['著', '乾', '於', '夥', '干', '后', '发', '台', '只', '么', '钟'].some(isTraditionalOnly)).toBe(false);
  });
  it('fixes to the simplified form', () => expect(fixed('頭髮', 'char.traditional')).toBe('头发'));
});

table('term.house-style', ['全面落实政府工作报告部署', '确保十五五开好局', '沁源融媒体中心记者'], [
  '全面落实《政府工作报告》部署', '确保“十五五”开好局', '他说：“确保‘十五五’开好局。”', '沁源县融媒体中心记者', '“学习强国”沁源融媒号',
]);
describe('term.latin-variants', () => {
  const docs = (a: string, b: string) => [
    { id: 'a', segments: [{ id: '0', text: a, lang: 'zh' as const, kind: 'body' as const }] },
    { id: 'b', segments: [{ id: '0', text: b, lang: 'zh' as const, kind: 'body' as const }] },
  ];
  it('flags one name spelled two ways across an edition', () => {
    const f = proofDocuments([...docs('使用WeChat支付', '用WeChat联系'), ...docs('打开Wechat', '再见')]).filter((x) => x.ruleId === 'term.latin-variants');
    expect(f.map((x) => x.text)).toEqual(['Wechat']);
  });
  it('keeps one spelling, and English copy', () => {
    expect(proofDocuments(docs('使用WeChat支付', '用WeChat联系')).some((x) => x.ruleId === 'term.latin-variants')).toBe(false);
    expect(proofDocuments([{ id: 'e', segments: [{ id: '0', text: 'The cat. the dog.', lang: 'en', kind: 'body' }] }]).some((x) => x.ruleId === 'term.latin-variants')).toBe(false);
  });
});

table('en.spelling', ['The county bilt a new road.', 'We recieve visitors.'], [
  'The county built a new road.', 'Qinyuan County in CHANGZHI', 'LNG and PM2.5 levels', 'the county’s roads', 'visit www.example.com today',
], 'en');
table('en.doubled-word', ['We saw the the road.', 'It is is good.'.replace('is is', 'was was')], ['He had had enough.', 'I know that that is true.', 'The road.'], 'en');
table('en.chinese-punct', ['The road，the bridge。', 'Why？'], ['The road, the bridge.', 'The 沁源，county'.slice(0, 9)], 'en');
describe('en.chinese-punct fix', () => {
  it('uses ASCII marks with a space after', () => expect(fixed('The road，the bridge。', 'en.chinese-punct', 'en')).toBe('The road, the bridge.'));
});

describe('headings and credits', () => {
  it('does not check spaces in headlines and credit lines', () => {
    expect(ruleIds('筑梦太岳 勇谱新篇', 'zh', 'heading')).toEqual([]);
    expect(ruleIds('文字 / 冯波 贾志敏 马慧荣', 'zh', 'credit')).toEqual([]);
  });
});

describe('countOpenFindings', () => {
  it('counts by severity, leaving ignored keys out', () => {
    const f = run(['七县(区)。', '推进产学研研合作。', '他说"好"。']);
    const all = countOpenFindings(f);
    expect(all).toEqual({ error: 1, warning: 2, info: 1, total: 4 }); // the two straight quotes are two
    const ignored = countOpenFindings(f, [f.find((x) => x.severity === 'error')!.key]);
    expect(ignored).toEqual({ error: 0, warning: 2, info: 1, total: 3 });
  });
  it('keeps an ignore key when text elsewhere changes', () => {
    const a = run(['前文。', '推进产学研研合作。']).find((x) => x.ruleId === 'char.possible-repeat')!;
    const b = run(['前文改了很多。', '今年推进产学研研合作。']).find((x) => x.ruleId === 'char.possible-repeat')!;
    expect(b.key).toBe(a.key);
  });
});
