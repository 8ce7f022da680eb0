import type { Credit } from '../document/schema';

/** Roles of a newspaper credits block, with the English the bilingual pages print. */
export const CREDIT_ROLES_EN: Record<string, string> = {
  策划: 'Planning', 统筹: 'Coordination', 文字: 'Text', 图片: 'Photos', 摄影: 'Photography', 版式: 'Layout', 编辑: 'Editor', 校对: 'Proofreading',
};

// The credits block as copy prints it, one role a line: "策划 / 冯波", "文字 / 冯波 贾志敏",
// and in the English version "Planning / Feng Bo". Chinese names are separated by spaces
// (as the pages set them), English names by commas.

const ROLE_BY_EN = new Map(Object.entries(CREDIT_ROLES_EN).map(([zh, en]) => [en.toLowerCase(), zh]));
const LINE = /^(.{1,32}?)\s*[/／]\s*(\S.*)$/u;
const HAN_ROLE = /^\p{Script=Han}{1,6}$/u;
const LATIN_ROLE = /^[A-Za-z][A-Za-z &-]{0,31}$/;
const HAN = /\p{Script=Han}/u;

export function isKnownRole(role: string): boolean {
  return role in CREDIT_ROLES_EN || ROLE_BY_EN.has(role.toLowerCase());
}

/** One credit line, or null when the line is not "role / names". */
export function parseCreditLine(line: string): Credit | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  const role = m[1]!.trim();
  const names = m[2]!.trim();
  if (HAN_ROLE.test(role)) {
    const roleEn = CREDIT_ROLES_EN[role];
    return { role, ...(roleEn ? { roleEn } : {}), names: splitNames(names) };
  }
  if (LATIN_ROLE.test(role)) {
    return { role: ROLE_BY_EN.get(role.toLowerCase()) ?? role, roleEn: role, names: splitNames(names) };
  }
  return null;
}

function splitNames(s: string): string[] {
  return (HAN.test(s) ? s.split(/\s+/) : s.split(/\s*,\s*/)).filter((n) => n !== '');
}

/**
 * A paragraph's lines as a credits block: every line must be a credit line, and a single
 * line only counts when its role is one the desk knows (策划, 摄影, …), so "是 / 否" stays copy.
 */
export function creditsFromLines(lines: string[]): Credit[] | null {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (kept.length === 0) return null;
  const out: Credit[] = [];
  for (const l of kept) {
    const c = parseCreditLine(l);
    if (!c) return null;
    out.push(c);
  }
  if (out.length === 1 && !isKnownRole(out[0]!.role)) return null;
  return out;
}

export function formatCreditLine(c: Credit, lang: 'zh' | 'en'): string {
  const role = lang === 'en' && c.roleEn ? c.roleEn : c.role;
  const names = c.names.join(c.names.some((n) => HAN.test(n)) ? ' ' : ', ');
  return `${role} / ${names}`;
}
