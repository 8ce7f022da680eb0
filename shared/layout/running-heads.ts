// Running heads (报眉) and footers as variables, not typed text: a block's text may hold
// {edition} (the edition's title), {paper} (the paper's name), {date} (the issue date),
// {weekday}, {page} (this page's number in the edition's order) and {pages} (how many
// pages). They are resolved when the page is drawn, in the composer and in print alike,
// so a reorder renumbers every 第{page}版 and a new issue date reaches every page.
// Unknown {names} are left as typed, so a brace in copy is never eaten.

export interface HeadContext {
  title: string;
  paper: string;
  paperEn?: string;
  /** YYYY-MM-DD */
  issueDate: string;
  page: number;
  pages: number;
}

export const HEAD_VARIABLES = ['edition', 'paper', 'date', 'weekday', 'page', 'pages'] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEK_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEK_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function ymd(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** 2026-02-26 → 2026年2月26日 / February 26, 2026. */
export function formatIssueDate(iso: string, lang: 'zh' | 'en'): string {
  const d = ymd(iso);
  if (!d) return iso;
  return lang === 'en' ? `${MONTHS[d[1] - 1]} ${d[2]}, ${d[0]}` : `${d[0]}年${d[1]}月${d[2]}日`;
}

export function weekdayOf(iso: string, lang: 'zh' | 'en'): string {
  const d = ymd(iso);
  if (!d) return '';
  const w = new Date(Date.UTC(d[0], d[1] - 1, d[2])).getUTCDay();
  return (lang === 'en' ? WEEK_EN : WEEK_ZH)[w]!;
}

/** `text` with its variables filled for `lang` (the language the text is set in). */
export function resolveHeads(text: string, ctx: HeadContext, lang: 'zh' | 'en'): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
    switch (name) {
      case 'edition': return ctx.title;
      case 'paper': return lang === 'en' && ctx.paperEn ? ctx.paperEn : ctx.paper;
      case 'date': return formatIssueDate(ctx.issueDate, lang);
      case 'weekday': return weekdayOf(ctx.issueDate, lang);
      case 'page': return String(ctx.page);
      case 'pages': return String(ctx.pages);
      default: return whole;
    }
  });
}
