// Confusable-character errors (别字) common in newspaper copy, wrong → right. Only forms
// that are wrong wherever they appear are listed; 截止/截至, 其他/其它, 做/作 and the like
// depend on meaning and are not. Where a wrong form can arise across a word boundary, the
// entry names the characters after it that make it legitimate (按装机容量: 按 + 装机).

export interface Confusable {
  wrong: string;
  right: string;
  /** The match is legitimate when followed by one of these. */
  notBefore?: string[];
  /** The match is legitimate when preceded by one of these. */
  notAfter?: string[];
}

const PAIRS: [string, string][] = [
  ['再接再励', '再接再厉'], ['一愁莫展', '一筹莫展'], ['迫不急待', '迫不及待'], ['甘败下风', '甘拜下风'],
  ['谈笑风声', '谈笑风生'], ['莫明其妙', '莫名其妙'], ['穿流不息', '川流不息'], ['金榜提名', '金榜题名'],
  ['默守成规', '墨守成规'], ['走头无路', '走投无路'], ['不径而走', '不胫而走'], ['脍灸人口', '脍炙人口'],
  ['食不裹腹', '食不果腹'], ['迫在眉捷', '迫在眉睫'], ['一股作气', '一鼓作气'], ['出奇不意', '出其不意'],
  ['直接了当', '直截了当'], ['再所不辞', '在所不辞'], ['相形见拙', '相形见绌'], ['发人深醒', '发人深省'],
  ['变本加利', '变本加厉'], ['忧柔寡断', '优柔寡断'], ['言简意骇', '言简意赅'], ['原形必露', '原形毕露'],
  ['声名雀起', '声名鹊起'], ['黄梁美梦', '黄粱美梦'], ['提纲携领', '提纲挈领'], ['美仑美奂', '美轮美奂'],
  ['委屈求全', '委曲求全'], ['一如继往', '一如既往'], ['既往不究', '既往不咎'], ['事必恭亲', '事必躬亲'],
  ['挺而走险', '铤而走险'], ['按步就班', '按部就班'], ['不加思索', '不假思索'], ['自抱自弃', '自暴自弃'],
  ['兴高彩烈', '兴高采烈'], ['无精打彩', '无精打采'], ['精兵减政', '精兵简政'], ['明查暗访', '明察暗访'],
  ['不落巢臼', '不落窠臼'], ['滥芋充数', '滥竽充数'], ['鬼鬼崇崇', '鬼鬼祟祟'], ['鼎立相助', '鼎力相助'],
  ['沤心沥血', '呕心沥血'], ['关怀倍至', '关怀备至'], ['融汇贯通', '融会贯通'], ['曲指可数', '屈指可数'],
  ['一诺千斤', '一诺千金'], ['世外桃园', '世外桃源'], ['震憾', '震撼'], ['渲泄', '宣泄'], ['膺品', '赝品'],
  ['幅射', '辐射'], ['针贬', '针砭'], ['国藉', '国籍'], ['书藉', '书籍'], ['安祥', '安详'], ['重迭', '重叠'],
  ['座落', '坐落'], ['寒喧', '寒暄'], ['气慨', '气概'], ['松驰', '松弛'], ['急燥', '急躁'], ['暴燥', '暴躁'],
  ['修茸', '修葺'], ['通谍', '通牒'], ['篮图', '蓝图'], ['侯车', '候车'], ['侯选人', '候选人'],
  ['峻工', '竣工'], ['精萃', '精粹'],
  ['天翻地复', '天翻地覆'], ['契而不舍', '锲而不舍'],
  ['按耐不住', '按捺不住'], ['兴灾乐祸', '幸灾乐祸'], ['披星带月', '披星戴月'], ['励精图冶', '励精图治'],
  ['蜂涌而至', '蜂拥而至'], ['貌和神离', '貌合神离'],
];

export const CONFUSABLES: Confusable[] = [
  ...PAIRS.filter(([w, r]) => w !== r).map(([wrong, right]) => ({ wrong, right })),
  // 按装机容量: 按 + 装机. 既使 before 用 is 既 + 使用; 既使…又… is the 既…又… pattern (rule code).
  { wrong: '按装', right: '安装', notBefore: ['机'] },
  { wrong: '既使', right: '即使', notBefore: ['用'] },
  // 发布署名文章, 分布署长: 布 ends one word and 署 begins the next.
  { wrong: '布署', right: '部署', notBefore: ['名', '长', '理'] },
  // 帐 stays right in 帐篷 and 蚊帐; 帐号, 帐户 are 账 since 通用规范汉字表 (2013).
  { wrong: '帐号', right: '账号' },
  { wrong: '帐户', right: '账户' },
];
