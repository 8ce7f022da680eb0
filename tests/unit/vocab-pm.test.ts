import { describe, expect, it } from 'vitest';
import { formatPmKeywords, MAX_PM_LINES, mergeVocabulary, parsePmKeywords, PmKeywordsTooLarge } from '../../shared/vocab/pm-keywords';
import { completeKeyword, currentToken } from '../../shared/vocab/complete';
import { applyEdit, removeNode, restoreBranch } from '../../shared/vocab/vocab-edit';
import { keywordsFor, pathTo, Vocabulary } from '../../shared/vocab/vocabulary';

// Photo Mechanic's structured keyword file in and out (shared/vocab/pm-keywords.ts), the
// tree edits and the caption panel's completion.

/** A PM file as a desk would keep it: categories, synonyms, a tilde, English labels as first synonyms. */
const PM_FILE = [
  '[地点]',
  '\t山西',
  '\t\t{Shanxi}',
  '\t\t沁源县',
  '\t\t\t{Qinyuan County}',
  '\t\t\t{沁源}',
  '\t\t\t灵空山',
  '人物',
  '\t~代表',
  '产业',
  '\t{Industry}',
  '\t党参',
  '\t\t{Codonopsis}',
  '\t\t{潞党参}',
  '\t\t党参育苗',
  '\t育苗',
  'apricot',
  '\t{Prunus armeniaca}',
  '活动',
  '\t两会',
  '',
].join('\r\n');

describe('Photo Mechanic structured keyword file', () => {
  it('reads the tree with its markers and English labels, and writes back the same bytes', () => {
    const { vocabulary, notes } = parsePmKeywords(PM_FILE);
    expect(notes).toEqual([]);
    expect(Vocabulary.safeParse(vocabulary).success).toBe(true);
    const [place, people, industry, apricot] = vocabulary.roots;
    expect(place).toMatchObject({ label: '地点', category: true, en: '' });
    expect(place!.children[0]).toMatchObject({ label: '山西', en: 'Shanxi' });
    expect(place!.children[0]!.children[0]).toMatchObject({ label: '沁源县', en: 'Qinyuan County', synonyms: ['沁源'] });
    expect(people!.children[0]).toMatchObject({ label: '代表', tilde: true });
    expect(industry).toMatchObject({ label: '产业', en: 'Industry' });
    expect(industry!.children[0]).toMatchObject({ label: '党参', en: 'Codonopsis', synonyms: ['潞党参'] });
    // An English keyword's synonym stays a synonym: only a Chinese keyword's first Latin synonym is its English label.
    expect(apricot).toMatchObject({ label: 'apricot', en: '', synonyms: ['Prunus armeniaca'] });
    // Round trip: import → export is the original file, byte for byte.
    expect(formatPmKeywords(vocabulary)).toBe(PM_FILE);
  });

  it('normalises what PM files vary in: BOM, LF, blank lines, trailing blanks, a skipped level; notes the fixes', () => {
    const messy = '\uFEFF产业\n\n\t党参  \n\t\t\t党参育苗\n\t党参\n\t\t{Codonopsis}\n{孤立}\n';
    const { vocabulary, notes } = parsePmKeywords(messy);
    expect(notes.map((n) => [n.line, n.reason])).toEqual([[4, 'indent'], [5, 'duplicate'], [7, 'synonym-at-top']]);
    expect(formatPmKeywords(vocabulary)).toBe('产业\r\n\t党参\r\n\t\t{Codonopsis}\r\n\t\t党参育苗\r\n');
  });

  it('has budgets: too many lines are refused before parsing, lines below 12 levels are noted and left out', () => {
    expect(() => parsePmKeywords('词\n'.repeat(MAX_PM_LINES + 1))).toThrow(PmKeywordsTooLarge);
    const deep = Array.from({ length: 14 }, (_, i) => `${'\t'.repeat(i)}层${i + 1}`).join('\n');
    const { vocabulary, notes } = parsePmKeywords(deep);
    expect(notes.map((n) => [n.line, n.reason])).toEqual([[13, 'too-deep'], [14, 'indent'], [14, 'too-deep']]);
    expect(Vocabulary.safeParse(vocabulary).success).toBe(true);
    // 20,000 siblings, the tree's budget (repeated labels are found by map, not by a scan of the siblings).
    const flat = parsePmKeywords(Array.from({ length: 20_000 }, (_, i) => `词${i % 19_999}`).join('\n'));
    expect(flat.vocabulary.roots).toHaveLength(19_999);
    expect(flat.notes).toEqual([{ line: 20_000, text: '词0', reason: 'duplicate' }]);
  });

  it('merges a second file into the tree (PM Merge): same place, same keyword', () => {
    const a = parsePmKeywords('产业\n\t党参\n').vocabulary;
    const b = parsePmKeywords('产业\n\t党参\n\t\t{Codonopsis}\n\t马铃薯\n地点\n').vocabulary;
    const m = mergeVocabulary(a, b);
    expect(formatPmKeywords(m)).toBe('产业\r\n\t党参\r\n\t\t{Codonopsis}\r\n\t马铃薯\r\n地点\r\n');
    expect(m.roots[0]!.id).toBe(a.roots[0]!.id);
  });
});

describe('keywords for a photo and completion', () => {
  const v = parsePmKeywords(PM_FILE).vocabulary;
  it('typing 党 offers 党参 under 产业 first; English labels and synonyms complete too', () => {
    const hits = completeKeyword(v.roots, '党');
    expect(hits[0]!.path.map((n) => n.label)).toEqual(['产业', '党参']);
    expect(hits.map((h) => h.node.label)).toEqual(['党参', '党参育苗']);
    expect(completeKeyword(v.roots, 'codon')[0]).toMatchObject({ via: 'en', node: { label: '党参' } });
    expect(completeKeyword(v.roots, '潞')[0]).toMatchObject({ via: 'synonym', node: { label: '党参' } });
    expect(completeKeyword(v.roots, '  ')).toEqual([]);
    expect(currentToken('两会, 沁源，党')).toEqual({ before: '两会, 沁源，', token: '党' });
  });
  it('包括上级 adds the parents (with their synonyms) but never a [category]; the path has every level', () => {
    const path = pathTo(v.roots, v.roots[0]!.children[0]!.children[0]!.children[0]!.id)!;
    expect(keywordsFor(path, false)).toEqual({ flat: ['灵空山'], hierarchical: '地点|山西|沁源县|灵空山' });
    expect(keywordsFor(path, true)).toEqual({ flat: ['山西', '沁源县', '沁源', '灵空山'], hierarchical: '地点|山西|沁源县|灵空山' });
    // A keyword's synonyms go with it; its English label does not.
    const shen = pathTo(v.roots, v.roots[2]!.children[0]!.id)!;
    expect(keywordsFor(shen, false)).toEqual({ flat: ['党参', '潞党参'], hierarchical: '产业|党参' });
  });
});

describe('tree edits', () => {
  it('adds, renames, moves; refuses a twin sibling and a move under itself', () => {
    let v: Vocabulary = { version: 1, roots: [] };
    const industry = applyEdit(v, { op: 'add', parentId: null, label: '产业', en: 'Industry' });
    v = industry.vocabulary;
    const shen = applyEdit(v, { op: 'add', parentId: industry.id, label: '党参', en: '' });
    v = shen.vocabulary;
    expect(() => applyEdit(v, { op: 'add', parentId: industry.id, label: '党参', en: '' })).toThrow(/党参/);
    v = applyEdit(v, { op: 'rename', id: shen.id, label: '党参', en: 'Codonopsis' }).vocabulary;
    const place = applyEdit(v, { op: 'add', parentId: null, label: '地点', en: 'Places', category: true });
    v = applyEdit(place.vocabulary, { op: 'move', id: shen.id, parentId: place.id }).vocabulary;
    expect(formatPmKeywords(v)).toBe('产业\r\n\t{Industry}\r\n[地点]\r\n\t{Places}\r\n\t党参\r\n\t\t{Codonopsis}\r\n');
    expect(() => applyEdit(v, { op: 'move', id: place.id, parentId: shen.id })).toThrow(/itself/);
  });
  it('a removed branch goes back where it was, also after its parent was renamed', () => {
    const v = parsePmKeywords(PM_FILE).vocabulary;
    const target = v.roots[2]!.children[0]!; // 产业 › 党参 (with 党参育苗 below)
    const { vocabulary, removed } = removeNode(v, target.id);
    expect(formatPmKeywords(vocabulary)).not.toContain('党参');
    const renamed = applyEdit(vocabulary, { op: 'rename', id: v.roots[2]!.id, label: '农业', en: 'Farming' }).vocabulary;
    const back = restoreBranch(renamed, removed);
    expect(back.roots[2]!.label).toBe('农业');
    expect(back.roots[2]!.children.map((c) => c.label)).toEqual(['党参', '育苗']);
    expect(back.roots[2]!.children[0]!.children[0]!.label).toBe('党参育苗');
  });
});
