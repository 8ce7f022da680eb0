import type { Edition, Page } from '../document/schema';

// What exports are called, for the people who receive them: the printer, the web desk, the
// archive. Newsrooms name a page file by issue date and 版次 (20260305-第01版.pdf), so a
// folder of many editions sorts by date and then by page; the PDF's Title says the same
// in words (两会特刊 第1–2版), and its Author is the page's 版式 (layout) credit.

/** 2026-03-05 → 20260305. */
export const dateStamp = (iso: string): string => iso.replace(/-/g, '');

const two = (n: number) => String(n).padStart(2, '0');

/** Runs of consecutive numbers: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(numbers: number[]): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/**
 * 版次 for a file name: 第01版, 第01-04版, 第01-02、05版 (two digits, so names sort;
 * an ASCII hyphen, which every file system and zip tool keeps).
 */
export function pagesForFile(numbers: number[]): string {
  return `第${runs(numbers).map(([a, b]) => (a === b ? two(a) : `${two(a)}-${two(b)}`)).join('、')}版`;
}

/** 版次 in words, for the PDF's Title: 第1版, 第1–4版 (an en dash, as typeset), or "pages 1–4". */
export function pagesInWords(numbers: number[], lang: 'zh' | 'en'): string {
  const list = runs(numbers).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  if (lang === 'en') return `${numbers.length === 1 ? 'page' : 'pages'} ${list.join(', ')}`;
  return `第${list.join('、')}版`;
}

export interface ExportNames {
  /** The PDF of all pages exported (also the handoff zip's base name). */
  pdf: string;
  zip: string;
  /** One page's image or web article: 20260305-第01版.png. */
  page(number: number, ext: 'png' | 'jpg' | 'html'): string;
}

export function exportNames(edition: Pick<Edition, 'issueDate'>, numbers: number[], lang: 'zh' | 'en'): ExportNames {
  const date = dateStamp(edition.issueDate);
  const tag = lang === 'en' ? '-en' : '';
  const all = `${date}-${pagesForFile(numbers)}${tag}`;
  return {
    pdf: `${all}.pdf`,
    zip: `${all}.zip`,
    page: (n, ext) => `${date}-${pagesForFile([n])}${tag}.${ext}`,
  };
}

/** The PDF's Title: the edition's title and the pages it holds. */
export function pdfTitle(edition: Pick<Edition, 'title'>, numbers: number[], lang: 'zh' | 'en'): string {
  return `${edition.title} ${pagesInWords(numbers, lang)}`;
}

// The credit roles that name who laid the page out (版式 as in the seeds, and its synonyms).
const LAYOUT_ROLES = new Set(['版式', '版式设计', '美编', '排版', '组版']);

/** The 版式 names of the pages' credits blocks, each once, in page order; '' when there are none. */
export function layoutAuthor(pages: Pick<Page, 'blocks'>[]): string {
  const names: string[] = [];
  for (const page of pages) {
    for (const b of page.blocks) {
      if (b.kind !== 'credits') continue;
      for (const c of b.credits ?? []) {
        if (!LAYOUT_ROLES.has(c.role.trim()) && c.roleEn?.trim().toLowerCase() !== 'layout') continue;
        for (const n of c.names) if (n.trim() && !names.includes(n.trim())) names.push(n.trim());
      }
    }
  }
  return names.join(' ');
}
