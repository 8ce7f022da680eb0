import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteContent } from '../../electron/services/export/press-content';
import { expandBfRanges } from '../../electron/services/export/press-tounicode';
import { isCmykOutput, readIccHeader } from '../../shared/press/icc-header';
import { RESOURCES } from './helpers';

// The press PDF's pure parts: the content-stream edit (neutral colours to DeviceGray,
// overprint around 100 K), the ToUnicode range expansion, and the ICC header check.

describe('rewriteContent', () => {
  it('makes R = G = B grey, black (and #111) 100 K in DeviceCMYK, leaves colours alone', () => {
    const r = rewriteContent('q .0667 .0667 .0667 rg BT /F1 9 Tf (x) Tj ET .7216 .0784 .1098 rg 0 0 5 5 re f .6 .6 .6 RG 1 w 0 0 m 9 0 l S Q');
    expect(r.neutrals).toBe(2);
    expect(r.text).toContain('0 0 0 1 k /EDo10 gs BT');
    expect(r.text).toContain('.7216 .0784 .1098 rg /EDo00 gs');
    expect(r.text).toContain('.6 G 1 w');
    expect([...r.states].sort()).toEqual(['EDo00', 'EDo10']);
  });

  it('follows q/Q: a colour restored by Q brings its overprint back without a new gs', () => {
    const r = rewriteContent('0 0 0 rg q 1 0 0 rg (a) Tj Q (b) Tj .5 .5 .5 rg');
    // black+op, then inside q red turns op off, Q restores both; the grey after Q turns it off again.
    expect(r.text).toBe('0 0 0 1 k /EDo10 gs q 1 0 0 rg /EDo00 gs (a) Tj Q (b) Tj 0.5 g /EDo00 gs');
  });

  it('does not read operators inside strings, hex strings or inline images', () => {
    const src = '(0 0 0 rg \\) 1 1 1 rg) Tj <0000> Tj BI /W 1 /H 1 ID \x00 0 0 0 rg \xff EI 0 0 0 RG';
    const r = rewriteContent(src);
    expect(r.neutrals).toBe(1);
    expect(r.text.startsWith('(0 0 0 rg \\) 1 1 1 rg) Tj <0000> Tj BI /W 1 /H 1 ID \x00 0 0 0 rg \xff EI')).toBe(true);
    expect(r.text.endsWith('0 0 0 1 K /EDo01 gs')).toBe(true);
  });

  it('re-states overprint after a foreign ExtGState', () => {
    const r = rewriteContent('0 0 0 rg /G3 gs 0 0 0 rg');
    expect(r.text).toBe('0 0 0 1 k /EDo10 gs /G3 gs 0 0 0 1 k /EDo10 gs');
  });
});

describe('expandBfRanges', () => {
  it('writes ranges out as single entries, arrays included, 100 to a block', () => {
    const r = expandBfRanges('1 beginbfrange\n<0002> <0003> <201C>\nendbfrange\n1 beginbfrange\n<0010> <0011> [<3001> <D83DDE00>]\nendbfrange');
    expect(r.expanded).toBe(4);
    expect(r.text).toBe('2 beginbfchar\n<0002> <201C>\n<0003> <201D>\nendbfchar\n2 beginbfchar\n<0010> <3001>\n<0011> <D83DDE00>\nendbfchar');
    const big = expandBfRanges('1 beginbfrange <0000> <00C7> <4E00> endbfrange');
    expect(big.expanded).toBe(200);
    expect(big.text.match(/beginbfchar/g)).toHaveLength(2);
    expect(big.text).toContain('<00C7> <4EC7>');
  });
});

describe('readIccHeader', () => {
  it('takes the bundled CMYK output profile and refuses RGB and grey ones', () => {
    const ours = readIccHeader(readFileSync(join(RESOURCES, 'icc', 'EditionDesk-FOGRA29-TAC240.icc')))!;
    expect(ours.description).toContain('TAC 240%');
    expect(isCmykOutput(ours)).toBe(true);
    const srgb = readIccHeader(readFileSync('/usr/share/color/icc/sRGB.icc'))!;
    expect([srgb.deviceClass, srgb.colorSpace.trim(), isCmykOutput(srgb)]).toEqual(['mntr', 'RGB', false]);
    const gray = readIccHeader(readFileSync('/usr/share/color/icc/Gray.icc'))!;
    expect(isCmykOutput(gray)).toBe(false);
    expect(readIccHeader(new TextEncoder().encode('not a profile at all, but long enough'.repeat(10)))).toBeNull();
  });
});
