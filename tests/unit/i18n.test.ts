import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { en } from '../../renderer/src/i18n/en';

// A key missing in either catalog would show a raw key to the user.
describe('UI catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    const zh = Object.keys(zhCN).sort();
    const eng = Object.keys(en).sort();
    expect(eng.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !eng.includes(k))).toEqual([]);
  });
  it('have no empty strings and the same {placeholders} in both languages', () => {
    for (const [k, v] of Object.entries(zhCN)) {
      const e = (en as Record<string, string>)[k] ?? '';
      expect(v.trim(), k).not.toBe('');
      expect(e.trim(), k).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(e), k).toEqual(vars(v));
    }
  });
  it('cover every t() key used in the renderer source', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(n)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
      }
    };
    walk(join(import.meta.dirname, '../../renderer/src'));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !(k in zhCN))).toEqual([]);
  });
});
