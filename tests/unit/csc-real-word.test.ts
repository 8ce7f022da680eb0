import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_TERMS, proofDocument, type Finding } from '../../shared/proof';
import type { CscModel } from '../../shared/proof/csc/model';
import { detectTypos, TYPO_THRESHOLDS } from '../../shared/proof/csc/detect';
import { confidenceOf, scoreFor, TYPO_CONFIDENCE } from '../../shared/proof/csc/confidence';
import { cscSwitches } from '../../shared/proof/csc/switches';
import { cscModel } from '../support/csc';

// 错别字 inside a known word (issue 14, real-word errors: 影像 for 影响, 建康 for 健康) and
// each finding's confidence, with the real tables. The sentences are written here; none
// is from SIGHAN-15's TEST split.

let csc: CscModel;
beforeAll(async () => { csc = await cscModel(); });
afterEach(() => { cscSwitches.inWord = true; });

const typos = (text: string): Finding[] =>
  proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, { terms: DEFAULT_HOUSE_TERMS, csc })
    .filter((f) => f.ruleId === 'char.typo' || f.ruleId === 'char.possible-typo');

describe('real-word errors', () => {
  it.each([
    ['这件事会影像到大家的生活。', '像', '响'],
    ['老人家的身体建康最重要。', '建', '健'],
    ['我们八点开时上课。', '时', '始'],
  ])('flags %s inside the word it forms', (text, wrong, right) => {
    const f = typos(text);
    expect(f.map((x) => [x.text, x.fix?.replacement])).toEqual([[wrong, right]]);
    expect(f[0]!.start).toBe(text.indexOf(wrong));
    // Without in-word tries the character is never looked at (the word vouches for it).
    cscSwitches.inWord = false;
    expect(detectTypos(csc, text, TYPO_THRESHOLDS.strict).filter((h) => h.at === text.indexOf(wrong))).toEqual([]);
  });

  it.each([
    '这部纪录片的影像资料十分珍贵。',
    '市民在建设路上散步。',
    '现代农业发展很快。',
    '这些问题必须尽快解决。',
    '开会时请关闭手机。',
    '他们在会上达成了共识。',
  ])('leaves %s alone', (text) => {
    expect(typos(text)).toEqual([]);
  });
});

describe('sound groups', () => {
  it('add the same syllable in any tone where pycorrector\'s same_pinyin has none (于 and 余, both yú)', () => {
    const lines = readFileSync('resources/csc/same_pinyin.txt', 'utf8').split('\n');
    expect(lines.some((l) => l.startsWith('于\t'))).toBe(true);
    for (const [c, other] of [['于', '余'], ['余', '于']] as const) {
      // 于's line lists neither 余 nor does 余 have a line of its own.
      expect(lines.filter((l) => l.startsWith(`${c}\t`) && l.includes(other))).toEqual([]);
      expect([...csc.confusables.get(c.charCodeAt(0))!]).toContain(other.charCodeAt(0));
    }
    // The merges left out (zh/z, -ng/-n) are not in: 应 yìng and 因 yīn.
    expect([...csc.confusables.get('应'.charCodeAt(0)) ?? []]).not.toContain('因'.charCodeAt(0));
  });
});

describe('a finding\'s confidence', () => {
  it('rises with the score, stops at the ceiling, and the settings are its thresholds', () => {
    const ps = [6, 10, 12, 14, 18, 25, 40].map(confidenceOf);
    for (let k = 1; k < ps.length; k++) expect(ps[k]!).toBeGreaterThanOrEqual(ps[k - 1]!);
    expect(ps.at(-1)).toBe(0.92);
    for (const level of ['error', 'normal', 'strict'] as const) expect(confidenceOf(TYPO_THRESHOLDS[level])).toBeCloseTo(TYPO_CONFIDENCE[level], 9);
    // The settings as tuned on TRAIN with the word model in the score: strict 12, normal 14, error 20 in score units.
    expect(scoreFor(TYPO_CONFIDENCE.strict)).toBeCloseTo(12, 0);
    expect(scoreFor(TYPO_CONFIDENCE.normal)).toBeCloseTo(14, 0);
    expect(scoreFor(TYPO_CONFIDENCE.error)).toBeCloseTo(20, 0);
  });

  it('is stated in both languages', () => {
    const [f] = typos('他门都很高兴地回家了。');
    const p = Math.round(100 * confidenceOf(detectTypos(csc, '他门都很高兴地回家了。', TYPO_THRESHOLDS.normal)[0]!.gain));
    expect(f!.message.zh).toContain(`置信度 ${p}%`);
    expect(f!.message.en).toContain(`confidence ${p} %`);
    expect(p).toBeGreaterThan(50);
  });
});
