import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../electron/services/catalog/catalog';
import { PLANTED, generateArchive } from '../support/archive-gen';
import { cleanupTemp, tempDir } from './helpers';

// The catalogue over a generated archive of 20 editions, 2,000 stories and 10,000 photos
// (issue 16): every planted match is found, and the planted best match comes first, for
// two-character words, place names, English words (stemmed), mixed queries and a substring
// that crosses a word boundary (参育 in 党参育苗: found, not first).

let root: string;
let catalog: Catalog;
let buildMs = 0;

beforeAll(async () => {
  root = await tempDir('catalog');
  await generateArchive(root);
  const report = await Catalog.rebuild(root);
  buildMs = report.ms;
  expect(report.problems).toEqual([]);
  catalog = (await Catalog.open(root)).catalog;
}, 120_000);

afterAll(async () => {
  catalog?.close();
  await cleanupTemp();
});

const refs = (q: string, kind?: 'photo' | 'story' | 'page') => catalog.search(q, { kind, limit: 500 }).map((h) => h.ref);

describe('catalogue search over 10,000 photos and 2,000 stories', () => {
  it('indexes every story, photo, page and edition', () => {
    const items = new Set(catalog.dump().map((l) => (JSON.parse(l) as { item: string }).item));
    const count = (k: string) => [...items].filter((i) => i.startsWith(`${k}:`)).length;
    expect([count('edition'), count('page'), count('story'), count('photo')]).toEqual([20, 160, 2000, 10000]);
    console.log(`catalog: built in ${buildMs.toFixed(0)} ms`);
  });

  it('two-character words: 党参 finds every planted photo, the captioned best first', () => {
    const hits = refs('党参', 'photo');
    expect(hits[0]).toBe(PLANTED.bestPhoto);
    expect(new Set(hits)).toEqual(new Set([PLANTED.bestPhoto, ...PLANTED.dangshenPhotos]));
    expect(refs('育苗', 'photo')[0]).toBe(PLANTED.bestPhoto);
  });

  it('two words: 党参 育苗 ranks the planted best photo, then the story, first in their kinds', () => {
    expect(refs('党参 育苗', 'photo')).toEqual([PLANTED.bestPhoto]);
    expect(refs('党参 育苗', 'story')).toEqual([PLANTED.bestStory]);
    expect(refs('党参', 'story')).toEqual([PLANTED.bestStory]);
  });

  it('place names: 沁源 and 灵空山 (not in the dictionary) find all their rows', () => {
    expect(refs('沁源', 'photo')).toEqual([PLANTED.bestPhoto]);
    expect(new Set(refs('灵空山', 'story'))).toEqual(new Set(PLANTED.lingkongStories));
  });

  it('English words are stemmed: "apricots" finds "apricot", "seedling" finds "seedlings"', () => {
    expect(new Set(refs('apricots', 'photo'))).toEqual(new Set(PLANTED.apricotPhotos));
    expect(refs('Codonopsis seedling')).toEqual(expect.arrayContaining([PLANTED.bestPhoto, PLANTED.bestStory]));
    expect(refs('codonopsis seedling', 'photo')[0]).toBe(PLANTED.bestPhoto);
  });

  it('mixed queries: 党参 seedlings', () => {
    expect(refs('党参 seedlings', 'photo')).toEqual([PLANTED.bestPhoto]);
    expect(refs('党参 seedlings')).toEqual(expect.arrayContaining([PLANTED.bestPhoto, PLANTED.bestStory]));
  });

  it('a substring across a word boundary (参育) finds 党参育苗, but a row with 参 and 育 as words ranks first', () => {
    const hits = refs('参育', 'photo');
    expect(hits[0]).toBe(PLANTED.wordDecoy);
    expect(hits).toContain(PLANTED.bestPhoto);
  });

  it('a hit carries a snippet with the match marked, and where a library photo is placed', () => {
    const [hit] = catalog.search('党参 育苗', { kind: 'photo' });
    const marked = hit!.snippet.marks.map(([a, b]) => hit!.snippet.text.slice(a, b));
    expect(marked).toEqual(expect.arrayContaining(['党参', '育苗']));
    const placed = catalog.search('meeting', { kind: 'photo', placed: true, limit: 500 });
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.every((h) => h.placements.some((p) => p.pageId))).toBe(true);
  });

  it('filters: rating and date range narrow the photo results', () => {
    const all = catalog.search('党参', { kind: 'photo', limit: 500 });
    const rated = catalog.search('党参', { kind: 'photo', ratingMin: 4, limit: 500 });
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.length).toBeLessThan(all.length);
    expect(rated.every((h) => (h.rating ?? 0) >= 4)).toBe(true);
    const march = catalog.search('党参', { kind: 'photo', from: '2025-03-01', to: '2025-03-31', limit: 500 });
    expect(march.every((h) => h.date.startsWith('2025-03'))).toBe(true);
  });
});
