import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnOf, DEFAULT_HOUSE_TERMS, proofDocument, sourceLines, type Finding } from '../../shared/proof';
import { readCscBinary } from '../../shared/proof/csc/binary';
import { intGet, intSet, intTable, intTableFrom, intTableOf } from '../../shared/proof/csc/int-table';
import { parseCscModel } from '../../shared/proof/csc/model';
import { CSC_MODEL_PATH } from '../support/csc';
import { primeCscModelBytes, readCscModelBytes, setCscModelFile } from '../../electron/services/proof/csc-model';
import { isShortRun, SHORT_RUN_BYTES } from '../../electron/cli/short-run';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';

// What issue 15 changed to make `edition-desk proof` start faster, held to the old answers:
// the proof bundle written ASCII-only (its regular expressions still match the same text),
// the 错别字 tables' count lists in hash tables instead of Maps, and the rules that now look
// at a character's code before making a string of it. The expected findings below are
// what the rules gave before that change (checked against the previous commit's engine).

const asciiOnly = async (s: string) => ((await import('../../scripts/ascii-only.mjs' as string)) as { asciiOnly: (s: string) => string }).asciiOnly(s);

describe('the proof bundle written ASCII-only', () => {
  it('escapes comments and regular expressions to ASCII, and each expression matches what it did', async () => {
    const regexes = ['/[，。；]/g', '/^[^。！？\\n]{1,11}[。！？]/su', '/(?<![\\d.、第])(\\d)、(\\d)/g', '/\\（/', '/[村镇]+/u', '/[\\u{20000}-\\u{2A6DF}𠀀]/u', '/😀+/u', '/😀+/'];
    const texts = ['他说，好。', '今天。明天', '3、4', '（', '景风村', '𠀀字', '😀😀', '😀'];
    for (const source of regexes) {
      const escaped = await asciiOnly(`// 注释 ${source}\nmodule.exports = ${source};`);
      expect(/^[\0-\x7f]*$/.test(escaped), escaped).toBe(true);
      const before = new Function('module', `${`module.exports = ${source};`}`);
      const after = new Function('module', escaped);
      const a = { exports: null as unknown as RegExp };
      const b = { exports: null as unknown as RegExp };
      before(a);
      after(b);
      for (const t of texts) expect(t.match(new RegExp(b.exports.source, b.exports.flags.replace('g', ''))), `${source} on ${t}`).toEqual(t.match(new RegExp(a.exports.source, a.exports.flags.replace('g', ''))));
    }
  });
});

describe('count tables', () => {
  it('intTableFrom finds every key as a Map would, and nothing else', () => {
    const keys = Int32Array.from({ length: 5000 }, (_, i) => (i + 1) * 32768 + ((i * 7919) % 32767) + 1);
    const vals = Uint32Array.from({ length: 5000 }, (_, i) => (i * 31) % 1000);
    const t = intTableFrom(keys, vals);
    expect(t.size).toBe(5000);
    keys.forEach((k, i) => expect(intGet(t, k)).toBe(vals[i]));
    expect(intGet(t, 7)).toBeUndefined();
  });

  it('a mapped table counts its size when first asked, and intSet keeps it', () => {
    const t = intTable(100);
    for (let k = 1; k <= 100; k++) intSet(t, k * 3, k);
    const mapped = intTableOf(t.keys, Float32Array.from(t.vals));
    expect(mapped.size).toBe(100);
    intSet(mapped, 7, 1);
    expect(mapped.size).toBe(101);
    expect(intGet(mapped, 7)).toBe(1);
  });

  it('the model answers the pair and bigram counts csc-model.bin lists', () => {
    const bytes = readFileSync(CSC_MODEL_PATH);
    const bin = readCscBinary(bytes);
    const model = parseCscModel(bytes);
    for (const [keyName, countName, table] of [['pairKey', 'pairCount', model.pairs], ['bigramKey', 'bigramCount', model.bigrams]] as const) {
      const keys = bin.i32(keyName);
      const counts = bin.u32(countName);
      expect(keys.length).toBeGreaterThan(1000);
      for (let i = 0; i < keys.length; i++) if (table.get(keys[i]!) !== counts[i]) expect.fail(`${keyName} ${keys[i]}: ${table.get(keys[i]!)} ≠ ${counts[i]}`);
      expect(table.get(1)).toBeUndefined();
      expect(table.has(keys[0]!) && !table.has(1)).toBe(true);
    }
  });
});

describe('the tables read while the bundle loads', () => {
  it('the bin\'s early read is taken for the table file, and only for it', async () => {
    setCscModelFile(CSC_MODEL_PATH);
    const elsewhere = Promise.resolve(Buffer.from('not the table'));
    primeCscModelBytes('/elsewhere/csc-model.bin', elsewhere);
    expect((await readCscModelBytes()).length).toBeGreaterThan(1_000_000);
    setCscModelFile(CSC_MODEL_PATH);
    const early = Promise.resolve(readFileSync(CSC_MODEL_PATH));
    primeCscModelBytes(CSC_MODEL_PATH, early);
    expect(await readCscModelBytes()).toBe(await early);
    // A failed early read is reported by the loader as a missing table, never unhandled.
    setCscModelFile(CSC_MODEL_PATH);
    primeCscModelBytes(CSC_MODEL_PATH, Promise.reject(new Error('gone')));
    await expect(readCscModelBytes()).rejects.toThrow('gone');
  });
});

describe('a short proof run', () => {
  afterAll(cleanupTemp);
  it('is one regular file under SHORT_RUN_BYTES, whatever options come with it', async () => {
    const seed = join(REPO_ROOT, 'resources', 'sample', 'seeds', '2026-qinyuan-lianghui.md');
    const dir = await tempDir('short-run');
    const big = join(dir, 'big.md');
    writeFileSync(big, '正文。'.repeat(SHORT_RUN_BYTES / 9 + 1));
    expect(isShortRun([seed])).toBe(true);
    expect(isShortRun(['--typos', 'off', seed, '--terms=x.txt'])).toBe(true);
    expect(isShortRun([big])).toBe(false);
    expect(isShortRun([dir])).toBe(false); // an edition folder
    expect(isShortRun([join(dir, 'missing.md')])).toBe(false);
    expect(isShortRun([seed, seed])).toBe(false);
    const docx = join(dir, 'small.docx');
    writeFileSync(docx, 'PK');
    expect(isShortRun([docx])).toBe(false); // zipped: a small file may hold a long story
  });
});

const findings = (text: string): string[] =>
  proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, { terms: DEFAULT_HOUSE_TERMS })
    .map((f: Finding) => `${f.ruleId}@${f.start}-${f.end}${f.fix ? `→${f.fix.replacement}` : ''}`);

describe('rules that read characters by their code', () => {
  it.each([
    // Doubled words and characters at the very end of a paragraph, and three of a kind.
    ['我们我们', ['char.repeated@0-4→']],
    ['大家都来了的的', ['char.repeated@5-7→']],
    ['哈哈哈，好的', []],
    // Marks: a stop doubled at the end, ？！ left alone, 。。。 to the ellipsis rule.
    ['好，，', ['punct.repeated@1-3→']],
    ['好，，。。。好', ['punct.repeated@1-3→', 'punct.ellipsis@3-6→……']],
    ['真的吗？！', []],
    // Pairs: an apostrophe inside Latin words is no closing quote; a lone one is.
    ['Xi’an是古城。', []],
    ['他说：“好。', ['punct.unmatched@3-4']],
    // Half-width stops after a closing corner bracket; straight quotes by Han text.
    ['名字是「我」.', ['punct.half-width@6-7→。']],
    ['他说"好"', ['punct.ascii-quotes@2-3', 'punct.ascii-quotes@4-5']],
    // Traditional forms outside GB 2312 flagged, 後 (in GB 2312) too, astral Han left alone.
    ['這是臺灣', ['char.traditional@0-1→这', 'char.traditional@2-3→台', 'char.traditional@3-4→湾']],
    ['然後', ['char.traditional@1-2→后']],
    ['𠀀字', []],
    // House terms only where a variant stands outside the preferred form.
    ['落实“十五五”规划和十五五目标', ['term.house-style@10-13→“十五五”']],
    // Full-width marks inside an English sentence; a paragraph without spaced Latin words is skipped.
    ['Stay hungry， stay foolish。这句', ['punct.full-width-in-english@11-12→,']],
  ])('%s (as before the change)', (text, expected) => {
    expect(findings(text)).toEqual(expected);
  });

  it('a Markdown line keeps its columns around inline markup', () => {
    const [line] = sourceLines('- 这是**重点**和<sub>2</sub>文字', true);
    expect(line!.text).toBe('这是重点和2文字');
    expect(Array.from(line!.text, (_, i) => columnOf(line!, i))).toEqual([3, 4, 7, 8, 11, 17, 24, 25]);
  });

  it('a line without markup: each column from the lead, the markers at its edges', () => {
    const [plain, bold] = sourceLines('## 标题文字\n**开头**正文，末尾**', true);
    expect(plain!.text).toBe('标题文字');
    expect(Array.from(plain!.text, (_, i) => columnOf(plain!, i))).toEqual([4, 5, 6, 7]);
    expect(bold!.text).toBe('开头正文，末尾');
    expect(Array.from(bold!.text, (_, i) => columnOf(bold!, i))).toEqual([3, 4, 7, 8, 9, 10, 11]);
    // A plain text file keeps every character where it stands.
    const [txt] = sourceLines('**不是标记** 文字', false);
    expect(txt!.text).toBe('**不是标记** 文字');
    expect(columnOf(txt!, 9)).toBe(10);
  });
});
