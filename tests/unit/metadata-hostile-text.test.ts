import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCaptionMeta } from '../../electron/services/metadata';
import { AppError } from '../../shared/contract/errors';
import { messageFor } from '../../shared/contract/messages';
import { firstNonXmlChar } from '../../shared/photo/xml-chars';
import { copyFixtures, exiftool, META, SKIP_REASON } from './metadata-support';
import { realpath } from 'node:fs/promises';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { captionPhoto } from '../../electron/services/library/caption';
import { RESOURCES, cleanupTemp, tempDir } from './helpers';
import { afterAll } from 'vitest';

afterAll(cleanupTemp);

// Issue 11, item 4: hostile caption text. What XML 1.0 cannot hold is refused before any
// byte is written (file unchanged, so the record, written after the file, is unchanged
// too); everything else is written and read back by exiftool exactly, in XMP and IIM,
// and the XMP packet parses with expat (Python's xml.etree) as the independent referee.

const REFUSED: [string, string][] = [
  ['C0 controls', 'ctl:\x01\x0b\x1f|'],
  ['NUL', 'a\x00b'],
  ['U+FFFE', 'x\ufffey'],
  ['U+FFFF', 'x\uffffy'],
  ['lone high surrogate', 'x\ud800y'],
  ['lone low surrogate', 'x\udc00y'],
  ['surrogate at the end', 'x\ud83d'],
  ['escape', '\x1b[31mred'],
  ['form feed', 'page\x0cbreak'],
];

const KEPT: [string, string][] = [
  ['tab and newline', '第一行\t制表\n第二行'],
  ['markup', '<x:xmpmeta> ]]> &amp; "q" \'a\' <?pi?> <!-- c -->'],
  ['astral and emoji', '𠀀𪚥 👨‍👩‍👧 🇨🇳'],
  ['U+FFFD and bidi', '\ufffd \u202eRTL\u202c \u2028 \u00a0'],
  ['combining', 'e\u0301 Å'],
  ['long', '沁'.repeat(3990)],
  ['CR LF and lone CR', 'a\r\nb\rc'],
  ['padding', '  前后空格\u3000 '],
];

function xmpParsesWithExpat(file: string): void {
  const packet = execFileSync('exiftool', ['-xmp', '-b', file]);
  // xml.etree is expat: the parser Adobe's and most readers' rules come from.
  execFileSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())'], { input: packet });
}

describe.skipIf(!!SKIP_REASON)('caption text XML 1.0 cannot hold', () => {
  it('the checker finds each refused case and passes each kept one', () => {
    for (const [name, s] of REFUSED) expect(firstNonXmlChar(s), name).not.toBeNull();
    for (const [name, s] of KEPT) expect(firstNonXmlChar(s), name).toBeNull();
    expect(messageFor('TEXT_NOT_ALLOWED')['zh-CN']).toContain('控制字符');
    expect(messageFor('TEXT_NOT_ALLOWED').en).toContain('control characters');
  });

  it('refuses each hostile caption in every field and leaves the file byte-identical', async () => {
    const fx = copyFixtures(['PhotoMechanic.jpg']);
    const file = fx.path('PhotoMechanic.jpg');
    const before = readFileSync(file);
    for (const [name, s] of REFUSED) {
      for (const meta of [
        { ...META, caption: { zh: s, en: '' } },
        { ...META, caption: { zh: '', en: s } },
        { ...META, headline: s },
        { ...META, keywords: ['ok', s] },
        { ...META, location: { city: s, sublocation: '' } },
      ]) {
        const e = await writeCaptionMeta(file, meta).then(() => null, (x: unknown) => x);
        expect(e, name).toBeInstanceOf(AppError);
        expect((e as AppError).code, name).toBe('TEXT_NOT_ALLOWED');
        expect((e as AppError).detail, name).toMatch(/U\+[0-9A-F]{4}/);
      }
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('writes the allowed hostile text so that exiftool reads back exactly the same, XMP and IIM', async () => {
    const fx = copyFixtures(['PhotoMechanic.jpg']);
    const file = fx.path('PhotoMechanic.jpg');
    for (const [name, s] of KEPT) {
      const meta = { ...META, caption: { zh: s, en: `${s} en` }, headline: s.slice(0, 500) };
      // What the record will store: the text as the file holds it.
      const { meta: written } = await writeCaptionMeta(file, meta);
      const t = exiftool([file], ['-XMP-dc:Description-zh-CN', '-XMP-dc:Description-en', '-XMP-photoshop:Headline', '-IPTC:Caption-Abstract'])[file]!;
      expect(t['Description-zh-CN'] === written.caption.zh, name).toBe(true);
      expect(t['Description-en'], name).toBe(written.caption.en);
      expect(String(t['Headline']), name).toBe(written.headline);
      // IIM 2:120 holds at most 2000 bytes (IPTC IIM 4.2): the same text, cut at a character.
      if (t['Caption-Abstract'] !== undefined) {
        const iim = String(t['Caption-Abstract']).replace(/\r\n?/g, '\n');
        expect(written.caption.zh.startsWith(iim) && iim.length > 0, name).toBe(true);
        if (Buffer.byteLength(written.caption.zh) <= 2000) expect(iim === written.caption.zh, name).toBe(true);
      }
      // Only trimming and line ends differ from what was typed, never a character.
      expect(written.caption.zh, name).toBe(s.replace(/\r\n?/g, '\n').trim());
      xmpParsesWithExpat(file);
    }
  }, 60_000);

  it('through the library: a refused caption changes neither record nor file; a kept one is the same in both', async () => {
    const { library } = await ensureWorkspace(await realpath(await tempDir('hostile')), RESOURCES);
    const [photo] = await library.all();
    const file = await library.resolveFile(photo!);
    const before = readFileSync(file);
    for (const [, s] of REFUSED) {
      const e = await captionPhoto(library, photo!.id, { ...photo!.meta, caption: { zh: s, en: '' } }).then(() => null, (x: unknown) => x);
      expect((e as AppError).code).toBe('TEXT_NOT_ALLOWED');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await library.get(photo!.id))!.meta).toEqual(photo!.meta);
    const saved = await captionPhoto(library, photo!.id, { ...photo!.meta, caption: { zh: ' 第一行\r\n第二行 ', en: 'tab\there ' } });
    const t = exiftool([file], ['-XMP-dc:Description-zh-CN', '-XMP-dc:Description-en'])[file]!;
    expect(saved.meta.caption).toEqual({ zh: t['Description-zh-CN'], en: t['Description-en'] });
    expect(saved.meta.caption.zh).toBe('第一行\n第二行');
    expect((await library.get(photo!.id))!.meta.caption).toEqual(saved.meta.caption);
  });
});
