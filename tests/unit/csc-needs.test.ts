import { describe, expect, it } from 'vitest';
import { needsCsc } from '../../electron/services/proof/csc-model';

// The 错别字 tables are read only for copy with two Han characters in a row (issue 14); the
// check reuses the detector's expression (issue 15), so it is checked here against the
// expression it replaced, \p{Script=Han}{2}, including characters outside the BMP.
const doc = (text: string, lang: 'zh' | 'en' = 'zh') => [{ id: 'd', segments: [{ id: '0', text, lang, kind: 'body' as const }] }];

describe('needsCsc', () => {
  it.each(['沁源', 'a沁源b', '𠀀沁', '沁𠀀', '𠀀𪚥', '豈豈', 'x 沁 源 y 县城', '沁，源，县城'])('wants the tables for %s', (text) => {
    expect(needsCsc(doc(text))).toBe(true);
    expect(/\p{Script=Han}{2}/u.test(text)).toBe(true);
  });

  it.each(['沁', '𠀀', '沁 源', 'a沁b源c', 'Changzhi Daily', '', '\ud840沁'])('does not for %s', (text) => {
    expect(needsCsc(doc(text))).toBe(false);
    expect(/\p{Script=Han}{2}/u.test(text)).toBe(false);
  });

  it('only for Chinese segments', () => {
    expect(needsCsc(doc('沁源', 'en'))).toBe(false);
  });
});
