// Runs inside the print route's page (PrintJob.evaluate): self-contained, no imports, no
// closures, so its source text can be sent as it is (as uncover-images.ts).

export interface ProofDecoration {
  /** One slug line per .print-page, in document order. */
  slugs: string[];
  /** A faint 样 across the trim. */
  watermark: boolean;
  /** Where the trim starts inside the PDF page (bleed + mark slug), and its size, in mm. */
  outerMm: number;
  widthMm: number;
  heightMm: number;
}

/**
 * Draws the proof's slug line below the trim (outside it, where the crop marks are, so
 * the page itself is untouched and the picture diff of the trim never sees the time
 * change) and, when asked, a faint 样 over the page. Waits for the glyphs the new text
 * needs: the print route loads font subsets by unicode-range, and 样 or 校 may be in one
 * no page character asked for yet.
 */
export async function decorateProof(d: ProofDecoration): Promise<number> {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.print-page'));
  const families: string[] = [];
  pages.forEach((page, i) => {
    const sheet = page.querySelector<HTMLElement>('.sheet');
    const family = (sheet ? getComputedStyle(sheet).getPropertyValue('--hei').trim() : '') || 'sans-serif';
    if (!families.includes(family)) families.push(family);
    const slug = document.createElement('div');
    slug.className = 'proof-slug';
    slug.textContent = d.slugs[i] ?? '';
    Object.assign(slug.style, {
      position: 'absolute', left: `${d.outerMm + 9}mm`, top: `${d.outerMm + d.heightMm + 2.5}mm`, width: `${d.widthMm - 18}mm`,
      font: `7.5pt/1.2 ${family}, sans-serif`, color: '#000', whiteSpace: 'nowrap', overflow: 'hidden', zIndex: '5',
    });
    page.appendChild(slug);
    if (d.watermark) {
      const mark = document.createElement('div');
      mark.className = 'proof-watermark';
      mark.textContent = '样';
      const size = Math.min(d.widthMm, d.heightMm) * 0.55;
      Object.assign(mark.style, {
        position: 'absolute', left: `${d.outerMm}mm`, top: `${d.outerMm}mm`, width: `${d.widthMm}mm`, height: `${d.heightMm}mm`,
        display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none', zIndex: '10',
        font: `900 ${size}mm/1 ${family}, sans-serif`, color: 'rgba(214, 40, 40, 0.2)', transform: 'rotate(-20deg)',
      });
      page.appendChild(mark);
    }
  });
  const text = `${d.slugs.join('')}样`;
  await Promise.all(families.map((f) => document.fonts.load(`900 12px ${f}`, text).catch(() => [])));
  await Promise.all(families.map((f) => document.fonts.load(`12px ${f}`, text).catch(() => [])));
  await document.fonts.ready;
  return pages.length;
}

export interface PageText {
  pageId: string;
  passages: Array<{ blockId: string; text: string }>;
}

/** The text of every printed page as laid out: each block's paragraphs, in block order. */
export function pageTexts(): PageText[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.print-page')).map((page) => {
    const passages: Array<{ blockId: string; text: string }> = [];
    for (const block of Array.from(page.querySelectorAll<HTMLElement>('.sheet [data-block-id]'))) {
      const blockId = block.dataset['blockId'] ?? '';
      for (const line of block.innerText.split(/\n+/)) {
        const text = line.trim();
        if (text) passages.push({ blockId, text });
      }
    }
    return { pageId: page.dataset['pageId'] ?? '', passages };
  });
}
