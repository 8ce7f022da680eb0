import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Edition } from '../shared/document/schema';
import { printQuery } from '../shared/layout/report';
import { uncoverImages } from '../electron/services/export/uncover-images';

// The reference of the export benchmarks (issue 13 item 4): the very pages our export
// prints, frozen into one static HTML file as a designer would hand it to a browser: the
// laid-out DOM (every story already flowed into its frames), the same CSS, the same
// @font-face rules pointing at the same woff2 files (so Chromium loads the same subsets by
// unicode-range), and the same original photo files, copied beside it. The cover crops are
// already written out explicitly (uncover-images.ts), the tuning our export also applies,
// so the reference pays nothing we do not. What it does not do is what our export does on
// top: load the edition, flow the copy, measure copyfit, report, check glyphs.

export interface StaticPages {
  html: string;
  /** Bytes of the photos copied beside it. */
  photoBytes: number;
}

export async function writeStaticPages(opts: {
  browser: Browser; origin: string; token: string; edition: string; editionDir: string; rendererDir: string; outDir: string;
}): Promise<StaticPages> {
  const context = await opts.browser.newContext();
  try {
    const page = await context.newPage();
    const url = `${opts.origin}/${printQuery({ edition: opts.edition, pages: [], lang: 'zh', bleedMm: 0, marks: false })}&token=${encodeURIComponent(opts.token)}`;
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'ok', null, { timeout: 120_000 });
    await page.evaluate(uncoverImages);
    const snap = await page.evaluate(() => {
      document.querySelector('.print-shadows')?.remove();
      const sheets = [...Array.from(document.styleSheets), ...document.adoptedStyleSheets];
      const css: string[] = [];
      for (const sheet of sheets) {
        const base = sheet.href ?? document.baseURI;
        for (const rule of Array.from(sheet.cssRules)) {
          // Relative url(...) made absolute against the sheet it came from.
          css.push(rule.cssText.replace(/url\("?([^")]+)"?\)/g, (_m, u: string) => `url("${new URL(u, base).href}")`));
        }
      }
      return { css: css.join('\n'), body: document.body.innerHTML, images: Array.from(document.images).map((i) => i.src) };
    });
    await mkdir(opts.outDir, { recursive: true });
    const edition = JSON.parse(await readFile(join(opts.editionDir, 'edition.json'), 'utf8')) as Edition;
    let photoBytes = 0;
    const local = new Map<string, string>();
    for (const src of new Set(snap.images)) {
      // /media/<key>/<edition>/<photoId>/original → the edition's own file of that photo.
      const photo = edition.photos.find((p) => src.includes(`/${p.id}/`));
      if (!photo) throw new Error(`static reference: no photo for ${src}`);
      const name = photo.asset.file.replace(/^assets\//, '');
      await copyFile(join(opts.editionDir, photo.asset.file), join(opts.outDir, name));
      photoBytes += photo.asset.bytes;
      local.set(src, name);
    }
    const fontsBase = `file://${join(opts.rendererDir)}/`;
    const css = snap.css.split(`${opts.origin}/`).join(fontsBase);
    let body = snap.body;
    for (const [src, name] of local) body = body.split(src.replace(opts.origin, '')).join(name).split(src).join(name);
    const html = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>static reference</title><style>\n${css}\n</style></head><body>${body}</body></html>\n`;
    const file = join(opts.outDir, 'pages.html');
    await writeFile(file, html);
    return { html: file, photoBytes };
  } finally {
    await context.close();
  }
}
