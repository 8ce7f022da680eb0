import { describe, expect, it } from 'vitest';
import { countCopy } from '../../shared/story/count';

// Newsroom counting: Han characters, punctuation apart, Latin words and numbers as words.
describe('countCopy', () => {
  it('counts Han characters and full-width punctuation apart', () => {
    expect(countCopy('传统产业守正延伸。')).toMatchObject({ han: 8, punct: 1, words: 0, total: 9 });
    expect(countCopy('“两会”特刊——沁源……')).toMatchObject({ han: 6, punct: 6 }) // —— and …… are two marks each, as they take two cells;
  });
  it('counts Latin words and numbers inside Chinese copy as words, PM2.5 as one', () => {
    expect(countCopy('实现PM2.5和空气质量优良天数“两降一升”')).toMatchObject({ words: 1, han: 15, punct: 2 });
    expect(countCopy('新能源汽车电池、储能电池材料等项目，计划签约项目80个')).toMatchObject({ words: 1 });
  });
  it('counts English by words, hyphenated and apostrophe words as one', () => {
    expect(countCopy("Qinyuan's county-level media centre, 2026.")).toMatchObject({ han: 0, words: 5, punct: 2 });
  });
  it('ignores whitespace', () => {
    expect(countCopy(' \n\t ').total).toBe(0);
  });
});
