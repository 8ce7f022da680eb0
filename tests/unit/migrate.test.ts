import { describe, expect, it } from 'vitest';
import { migrateEdition } from '../../shared/document/migrate';
import { Edition, PAGE_PRESETS, SCHEMA_VERSION } from '../../shared/document/schema';

// A v0 draft: `name` instead of `title`, page size as a preset string, no photos/paperEn.
const v0 = (extra: Record<string, unknown> = {}) => ({
  id: 'old-draft',
  name: '旧版特刊',
  paper: '长治日报',
  issueDate: '2025-02-25',
  pageSize: 'tabloid',
  pages: ['page-1'],
  ...extra,
});

describe('migrateEdition', () => {
  it('lifts a v0 file to the current version, and the result parses', () => {
    const input = v0();
    const frozen = JSON.stringify(input);
    const m = migrateEdition(input);
    expect(m.kind).toBe('ok');
    if (m.kind !== 'ok') return;
    expect(m.migratedFrom).toBe(0);
    const ed = Edition.parse(m.value);
    expect(ed).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: '旧版特刊',
      pageSize: PAGE_PRESETS.tabloid,
      photos: [],
      paperEn: '',
      pages: ['page-1'],
    });
    expect(m.value).not.toHaveProperty('name');
    expect(JSON.stringify(input), 'input is not mutated').toBe(frozen);
  });

  it('gives v0 files without a page size, or with any known preset name, a valid page size', () => {
    for (const [pageSize, expected] of [
      [undefined, PAGE_PRESETS.broadsheet],
      ['broadsheet', PAGE_PRESETS.broadsheet],
      ['tabloid', PAGE_PRESETS.tabloid],
      ['a3', PAGE_PRESETS.a3],
      ['a4', PAGE_PRESETS.a4],
      [{ preset: 'custom', widthMm: 300, heightMm: 400 }, { preset: 'custom', widthMm: 300, heightMm: 400 }],
    ] as const) {
      const m = migrateEdition(v0({ pageSize }));
      expect(m.kind, String(pageSize)).toBe('ok');
      if (m.kind === 'ok') expect(Edition.parse(m.value).pageSize, JSON.stringify(pageSize)).toEqual(expected);
    }
  });

  it('keeps a v0 title when one is present, and an unknown preset string so parsing refuses it', () => {
    const m = migrateEdition(v0({ title: '正式标题' }));
    expect(m.kind === 'ok' && m.value['title']).toBe('正式标题');
    const odd = migrateEdition(v0({ pageSize: 'poster' }));
    expect(odd.kind).toBe('ok');
    if (odd.kind === 'ok') expect(Edition.safeParse(odd.value).success).toBe(false);
  });

  it('passes the current version through untouched', () => {
    const cur = { ...v0(), schemaVersion: SCHEMA_VERSION, title: 't' };
    const m = migrateEdition(cur);
    expect(m).toEqual({ kind: 'ok', value: cur, migratedFrom: null });
  });

  it('reports a newer schema version as too-new', () => {
    expect(migrateEdition({ ...v0(), schemaVersion: SCHEMA_VERSION + 1 })).toEqual({ kind: 'too-new', version: SCHEMA_VERSION + 1 });
    expect(migrateEdition({ schemaVersion: 999 }).kind).toBe('too-new');
  });

  it('reports garbage as malformed', () => {
    for (const g of [null, undefined, 42, 'edition', [], [v0()], true]) {
      expect(migrateEdition(g).kind, JSON.stringify(g)).toBe('malformed');
    }
    for (const schemaVersion of ['1', 1.5, -1, null, {}, Number.NaN]) {
      expect(migrateEdition({ ...v0(), schemaVersion }).kind, String(schemaVersion)).toBe('malformed');
    }
  });
});
