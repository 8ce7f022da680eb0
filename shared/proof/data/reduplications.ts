// Legitimate reduplications (叠词) the repeated-character rule must leave alone.
// AA words, kinship and baby words, and the AA of AABB / ABB / ABAB patterns.

/** AA: adverbs, nouns, measure words, verbs and adjectives that are words when doubled. */
export const AA_WORDS = new Set(
  (
    '看看 说说 想想 听听 试试 走走 谈谈 问问 等等 聊聊 找找 学学 练练 逛逛 尝尝 笑笑 坐坐 摸摸 查查 比比 算算 歇歇 动动 讲讲 读读 写写 转转 跑跑 玩玩 帮帮 ' +
    '每每 常常 天天 人人 纷纷 渐渐 仅仅 刚刚 往往 偏偏 明明 默默 悄悄 稍稍 微微 轻轻 慢慢 快快 好好 早早 久久 足足 整整 处处 事事 时时 年年 月月 日日 家家 户户 ' +
    '个个 样样 条条 件件 项项 层层 步步 声声 句句 字字 片片 阵阵 点点 滴滴 丝丝 重重 频频 屡屡 连连 节节 岁岁 代代 世世 生生 村村 县县 乡乡 镇镇 ' +
    '谢谢 妈妈 爸爸 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 姥姥 叔叔 伯伯 舅舅 婶婶 公公 婆婆 太太 宝宝 星星 娃娃 猩猩 蝈蝈 蛐蛐 狒狒 宝宝 孩孩 ' +
    '源源 滚滚 匆匆 熊熊 浩浩 荡荡 赫赫 堂堂 井井 津津 历历 栩栩 彬彬 欣欣 蒸蒸 姗姗 冉冉 袅袅 皑皑 茫茫 苍苍 郁郁 葱葱 莘莘 拳拳 殷殷 孜孜 兢兢 业业 ' +
    '恋恋 洋洋 融融 济济 熙熙 攘攘 朗朗 琅琅 潺潺 汩汩 淙淙 娓娓 侃侃 咄咄 惴惴 耿耿 区区 草草 了了 多多 大大 小小 高高 深深 长长 满满 亮亮 白白 红红 绿绿 ' +
    '平平 安安 稳稳 实实 扎扎 干干 净净 认认 真真 清清 楚楚 明明 白白 高高 兴兴 快快 乐乐 和和 美美 红红 火火 热热 闹闹 轰轰 烈烈 开开 心心 ' +
    '仔仔 细细 踏踏 老老 规规 矩矩 堂堂 正正 方方 面面 上上 下下 前前 后后 里里 外外 来来 往往 进进 出出 风风 雨雨 吞吞 吐吐 三三 两两 ' +
    '哈哈 呵呵 嘻嘻 嘿嘿 啦啦 哗哗 隆隆 嗡嗡 咚咚 砰砰 叮叮 当当 ' +
    '甸甸 油油 彤彤 晶晶 乎乎 洋洋 蒙蒙 绵绵 沉沉 腾腾 勃勃 飘飘 悠悠 巍巍 闪闪 灿灿 澄澄 烘烘 呼呼 嘟嘟 乎乎 溜溜 汪汪 盈盈 森森 冷冷 淡淡 莹莹 ' +
    '凛凛 铮铮 昂昂 赳赳 滔滔 涛涛 漫漫 迢迢 遥遥 迟迟 默默 切切 款款 楚楚 翩翩 依依 念念 惶惶 生生 奄奄 息息 眈眈 虎虎 津津 彬彬 瑟瑟 ' +
    '芸芸 碌碌 庸庸 落落 大大 咧咧 瞧瞧 瞅瞅 拍拍 揉揉 抱抱 亲亲 拉拉 扯扯 说说 笑笑 打打 闹闹 吵吵 嚷嚷 躲躲 藏藏 缝缝 补补 修修 恩恩 爱爱 ' +
    '日日 夜夜 岁岁 年年 祖祖 辈辈 子子 孙孙 形形 色色 林林 总总 口口 声声 时时 刻刻 分分 秒秒 家家 户户 男男 女女 老老 少少 ' +
    '冯冯 莎莎 丽丽 婷婷 芳芳 明明 亮亮 晶晶 欢欢 乐乐 贝贝 京京 迎迎 妮妮 毛毛 豆豆 东东 多多'
  ).split(/\s+/),
);

/** Doubled numerals are counting, not typos: 十五五 (“十五五”), 一一对应, 九九重阳. */
export const NUMERAL_CHARS = '〇零一二三四五六七八九十百千万亿两';

/**
 * Characters that commonly end one word and begin the next, so their doubling is usually a
 * word boundary: 饮用水|水源, 产品|品牌, 中国|国家, 大会|会场, 学生|生活, 工作|作风. Curated
 * from newspaper copy; a doubled character from this set is not reported as a possible typo.
 */
export const BOUNDARY_CHARS = new Set(
  [...'水品国会人家生作民业产展心学事理大中年地发合工化区动经济社县市省乡镇村部门长主量路电体目道理期行业力气物公市场场面法制线点项建设发展时成工业体系统用中心质价值利益工程务服务局所站队员点头成果利用能源能量区域'],
);

/** Function characters whose doubling is nearly always a slip (的的, 在在, 把把). */
export const FUNCTION_CHARS = new Set([...'的是在和与及并将把被从向于以就也都又而但或其之这那该此']);

/** Set phrases in which a function character legitimately doubles. */
export const FUNCTION_EXCEPTIONS = ['不了了之', '一了百了', '了了', '是是非非', '和和美美', '和和气气', '目的的', '的的确确', '之之乎乎'];

/** Two-character words that are a slip when doubled (我们我们, 但是但是). */
export const DOUBLED_WORD_SLIPS = new Set([
  '我们', '他们', '她们', '它们', '你们', '但是', '因为', '所以', '已经', '进行', '目前', '同时', '以及', '并且', '而且', '通过', '可以', '能够',
  '如果', '虽然', '然而', '就是', '还是', '没有', '这个', '那个', '一些', '其中', '今年', '去年', '近年', '全县', '全市', '全省',
]);
