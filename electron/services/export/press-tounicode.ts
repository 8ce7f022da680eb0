// ToUnicode CMaps with every bfrange written out as bfchar entries, before Ghostscript
// reads them. Ghostscript 10.0's PDF interpreter (Debian 12) misreads Chromium's ranges
// such as "<0002> <0003> <201C>": its pdfwrite output maps “ ” 、 。 to "<", "=", "1",
// "2" (pdftotext of the press PDF), so copy pasted from the plate would be wrong. Single
// bfchar entries come through intact. Pure text in, text out (PDF CMap syntax, PDF 32000
// 9.10.3; at most 100 entries per block).

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/** Adds `k` to the last UTF-16 code unit of a destination hex string (the bfrange rule). */
function step(dst: string, k: number): string {
  const head = dst.slice(0, -4);
  const last = parseInt(dst.slice(-4), 16) + k;
  return head + hex(last & 0xffff, 4);
}

export function expandBfRanges(cmap: string): { text: string; expanded: number } {
  let expanded = 0;
  const text = cmap.replace(/\d+\s+beginbfrange([\s\S]*?)endbfrange/g, (_all, body: string) => {
    const pairs: [string, string][] = [];
    const entry = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g;
    for (let m = entry.exec(body); m; m = entry.exec(body)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      if (hi < lo || hi - lo > 0xffff) continue;
      const list = m[4] !== undefined ? [...m[4].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]!) : null;
      for (let c = lo; c <= hi; c++) {
        const dst = list ? list[c - lo] : step(m[3]!.toUpperCase(), c - lo);
        if (dst !== undefined) pairs.push([hex(c, width), dst]);
      }
    }
    expanded += pairs.length;
    const blocks: string[] = [];
    for (let i = 0; i < pairs.length; i += 100) {
      const chunk = pairs.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([s, d]) => `<${s}> <${d}>`).join('\n')}\nendbfchar`);
    }
    return blocks.join('\n');
  });
  return { text, expanded };
}
