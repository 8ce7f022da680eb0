import { CONFUSABLES, type Confusable } from '../data/confusables';
import { defineRule, type SegmentRule } from '../types';

export const CONFUSABLE = defineRule(
  'char.confusable', 'error', '现代汉语词典（第7版）; 通用规范汉字表 (2013)',
  '“{text}”应为“{fix}”', '"{text}" should be "{fix}"',
);

// One pass per segment: the entries are grouped by first character (its UTF-16 code, so the
// pass makes no string of each character), and a 100,000-character edition costs a map
// lookup per character rather than a search per entry.
const BY_FIRST = new Map<number, Confusable[]>();
for (const c of CONFUSABLES) {
  const list = BY_FIRST.get(c.wrong.charCodeAt(0)) ?? [];
  list.push(c);
  BY_FIRST.set(c.wrong.charCodeAt(0), list);
}

function legitimate(c: Confusable, t: string, i: number): boolean {
  const after = t.slice(i + c.wrong.length);
  if (c.notBefore?.some((s) => after.startsWith(s))) return true;
  if (c.notAfter?.some((s) => t.slice(0, i).endsWith(s))) return true;
  // 既使人感动，又… is 既…又…: the clause goes on to 又 or 也… paired with 既.
  if (c.wrong === '既使' && /^[^。；！？]*?又/.test(after)) return true;
  return false;
}

const confusables: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    const list = BY_FIRST.get(t.charCodeAt(i));
    if (!list) continue;
    for (const c of list) {
      if (!t.startsWith(c.wrong, i) || legitimate(c, t, i)) continue;
      ctx.emit(CONFUSABLE, i, i + c.wrong.length, c.right, { fix: c.right });
      i += c.wrong.length - 1;
      break;
    }
  }
};

export const confusableRules: SegmentRule[] = [confusables];
export const confusableDefs = [CONFUSABLE];
