import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_TERMS, parseTermsFile, proofDocument, splitForms, termProblems } from '../../shared/proof';
import { HouseTerm } from '../../shared/settings/schema';

// The house term list as the desk edits it (settings dialog) and as a file for
// `edition-desk proof --terms`.

describe('termProblems', () => {
  it('accepts the default list, and every list it accepts is one settings accepts', () => {
    expect(termProblems(DEFAULT_HOUSE_TERMS)).toEqual([]);
    for (const t of DEFAULT_HOUSE_TERMS) expect(HouseTerm.safeParse(t).success).toBe(true);
  });

  it('names the row and the problem', () => {
    const codes = termProblems([
      { preferred: '', variants: ['a'] },
      { preferred: '沁源县', variants: [] },
      { preferred: '“十五五”', variants: ['“十五五”'] },
      { preferred: '沁源县', variants: ['沁源'] },
      { preferred: '长'.repeat(201), variants: ['x'] },
    ]).map((p) => `${p.row} ${p.code}`);
    expect(codes).toEqual(['1 preferred-empty', '2 variants-empty', '3 same-as-preferred', '4 duplicate', '5 too-long']);
  });

  it('splits one form a line, quotation marks kept', () => {
    expect(splitForms(' 十五五 \n\n"十五五"\n十五五')).toEqual(['十五五', '"十五五"']);
  });
});

describe('parseTermsFile', () => {
  it('reads text: preferred = variants | accepted, comments and blank lines skipped', () => {
    const terms = parseTermsFile('\uFEFF# 本台术语\n\n“十五五” = 十五五, "十五五" | ‘十五五’\n沁源县融媒体中心 = 沁源县融媒中心，沁源融媒体中心\n');
    expect(terms).toEqual([
      { preferred: '“十五五”', variants: ['十五五', '"十五五"'], accepted: ['‘十五五’'] },
      { preferred: '沁源县融媒体中心', variants: ['沁源县融媒中心', '沁源融媒体中心'] },
    ]);
  });

  it('reads JSON: an array, or a settings.json with proofTerms', () => {
    const list = [{ preferred: '《政府工作报告》', variants: ['政府工作报告'] }];
    expect(parseTermsFile(JSON.stringify(list))).toEqual(list);
    expect(parseTermsFile(JSON.stringify({ uiLanguage: 'en', proofTerms: list }))).toEqual(list);
  });

  it('refuses a line without "=", bad JSON and an invalid term, saying where', () => {
    expect(() => parseTermsFile('好 = 好好\n沁源县\n')).toThrow(/^line 2:/);
    expect(() => parseTermsFile('[{"preferred": 1}]')).toThrow(/^term 1:/);
    expect(() => parseTermsFile('{"proofTerms": ')).toThrow(/JSON/);
    expect(() => parseTermsFile('沁源 = 沁源')).toThrow(/term 1: same-as-preferred/);
  });

  it('a parsed list drives the house-term rule', () => {
    const terms = parseTermsFile('太岳山国家森林公园 = 太岳山森林公园\n');
    const f = proofDocument({ id: 'd', segments: [{ id: '0', text: '游客走进太岳山森林公园。', lang: 'zh', kind: 'body' }] }, { terms });
    expect(f.map((x) => [x.ruleId, x.text, x.fix?.replacement])).toEqual([['term.house-style', '太岳山森林公园', '太岳山国家森林公园']]);
  });
});
