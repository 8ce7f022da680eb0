// Reads copy in the form of the seed pages (../shared/fixtures/seeds): ATX headings,
// blank-line paragraphs, two trailing spaces for a line break, **bold**, <sub>/<sup>.
// Pure and small on purpose: the full Markdown importer (issue 4) grows from here.

export interface Run {
  text: string;
  bold?: boolean;
  sub?: boolean;
  sup?: boolean;
}
export type MdBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { kind: 'paragraph'; lines: Run[][] };

export function parseSeedMarkdown(src: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length === 0) return;
    const parts = para.map((l, i) => (i < para.length - 1 && / {2,}$/.test(l) ? l.replace(/ +$/, '') + '\u2028' : l.trim()));
    // A soft break (single newline, no trailing spaces) joins without a space: Chinese copy
    // has no inter-word spaces, and the seeds wrap only at sentence ends.
    const joined = parts.join('');
    blocks.push({ kind: 'paragraph', lines: joined.split('\u2028').map((l) => parseInline(l.trim())) });
    para = [];
  };
  for (const line of lines) {
    const h = /^(#{1,4})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1]!.length as 1 | 2 | 3 | 4, runs: parseInline(h[2]!) });
    } else if (line.trim() === '') {
      flush();
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** Inline marks: **bold**, <sub>, <sup>. Anything else is literal text. */
export function parseInline(s: string): Run[] {
  const runs: Run[] = [];
  const re = /\*\*(.+?)\*\*|<sub>(.*?)<\/sub>|<sup>(.*?)<\/sup>/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) runs.push({ text: s.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else if (m[2] !== undefined) runs.push({ text: m[2], sub: true });
    else runs.push({ text: m[3] ?? '', sup: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) runs.push({ text: s.slice(last) });
  return runs.filter((r) => r.text !== '');
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

export function blockText(b: MdBlock): string {
  return b.kind === 'heading' ? runsText(b.runs) : b.lines.map(runsText).join('\n');
}
