import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PdfInfo } from './pdf-info';
import { runTool } from './press-tools';

// Ghostscript's pdfwrite turns the grey-and-RGB page PDF (press-neutral.ts) into the press
// PDF: RGB objects and photos (each from its own ICCBased profile, which Chromium keeps:
// the JPEG's own, or sRGB when untagged) converted once to the output profile with
// relative colorimetric intent and black point compensation; DeviceGray kept as it is, so
// it separates as K only; photos downsampled to the effective resolution, never upsampled;
// fonts embedded; OutputIntent and the document info set by pdfmarks (the boxes come with the pages).
//
// Debian 12's Ghostscript 10.0 refuses -sOutputICCProfile with pdfwrite (".putdeviceprops
// undefined"), but takes the device's CMYK profile from default_cmyk.icc in
// -sICCProfilesDir: so each run gets a folder with Ghostscript's own profiles and the
// chosen output profile as default_cmyk.icc. 10.0 writes PDF/X-3 natively (-dPDFX) and no
// PDF/X-4, so X-1a is -dPDFX (flattened, PDF 1.3, DeviceCMYK only) with X-1a's version
// keys, and X-4 is PDF 1.6 with transparency kept and X-4's version keys and XMP id.

export const GS_ICC_DIR = '/usr/share/color/icc/ghostscript';

export interface GsPressOptions {
  pdfx: '4' | '1a';
  profilePath: string;
  /** The profile's own description: OutputCondition and Info of the OutputIntent. */
  profileName: string;
  maxPpi: number;
  info: PdfInfo;
}

/** A PDF text string: UTF-16BE with its byte order mark, as hex (titles are Chinese). */
export function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const psString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const num = (v: number) => Number(v.toFixed(3));

/** TrimBox: the trim size centred on the media box (Chromium rounds the page to CSS pixels); BleedBox: trim + bleed, inside the media. */
export function pageBoxes(media: number[], trimPt: { width: number; height: number }, bleedPt: number): { trim: number[]; bleed: number[] } {
  const [mx0 = 0, my0 = 0, mx1 = 0, my1 = 0] = media;
  const x0 = mx0 + (mx1 - mx0 - trimPt.width) / 2;
  const y0 = my0 + (my1 - my0 - trimPt.height) / 2;
  const trim = [x0, y0, x0 + trimPt.width, y0 + trimPt.height].map(num);
  const bleed = [Math.max(mx0, trim[0]! - bleedPt), Math.max(my0, trim[1]! - bleedPt), Math.min(mx1, trim[2]! + bleedPt), Math.min(my1, trim[3]! + bleedPt)].map(num);
  return { trim, bleed };
}

/** Read after the page PDF, so its keys win over the Info the page PDF brings. */
export function docInfo(o: GsPressOptions): string {
  const version = o.pdfx === '4'
    ? '/GTS_PDFXVersion (PDF/X-4)'
    : '/GTS_PDFXVersion (PDF/X-1:2003) /GTS_PDFXConformance (PDF/X-1a:2003)';
  return `%!PS\n[ ${version} /Title ${pdfText(o.info.title)} /Author ${pdfText(o.info.author ?? '')} /Creator ${pdfText(o.info.creator)} /Trapped /False /DOCINFO pdfmark\n`;
}

export function pdfmarks(o: GsPressOptions): string {
  const xmp = o.pdfx === '4'
    ? `[/XML (<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>) /Ext_Metadata pdfmark\n`
    : '';
  const q = o.maxPpi;
  return `%!PS
% Edition Desk press PDF (issue 13): distiller parameters and pdfmarks, read before the page PDF.
<< /ColorImageResolution ${q} /GrayImageResolution ${q} /MonoImageResolution ${q * 4}
   /DownsampleColorImages true /DownsampleGrayImages true /DownsampleMonoImages false
   /ColorImageDownsampleType /Bicubic /GrayImageDownsampleType /Bicubic
   /ColorImageDownsampleThreshold 1.0 /GrayImageDownsampleThreshold 1.0
   /AutoFilterColorImages false /ColorImageFilter /DCTEncode /AutoFilterGrayImages false /GrayImageFilter /DCTEncode
   /ColorImageDict << /QFactor 0.4 /Blend 1 /HSamples [1 1 1 1] /VSamples [1 1 1 1] >>
   /GrayImageDict << /QFactor 0.4 /Blend 1 /HSamples [1 1 1 1] /VSamples [1 1 1 1] >>
   /EmbedAllFonts true /SubsetFonts true
>> setdistillerparams
${xmp}[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${psString(o.profilePath)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX
  /OutputCondition ${pdfText(o.profileName)} /OutputConditionIdentifier (Custom) /Info ${pdfText(o.profileName)}
  /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

/** A folder with Ghostscript's profiles and `profile` as default_cmyk.icc (see above). */
export async function iccDir(work: string, profile: string): Promise<string> {
  const dir = join(work, 'icc');
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(GS_ICC_DIR)) if (f.endsWith('.icc')) await copyFile(join(GS_ICC_DIR, f), join(dir, f));
  await copyFile(profile, join(dir, 'default_cmyk.icc'));
  return `${dir}/`;
}

export async function gsPress(input: string, out: string, work: string, o: GsPressOptions): Promise<void> {
  const defs = join(work, 'press.ps');
  await writeFile(defs, pdfmarks(o));
  const info = join(work, 'info.ps');
  await writeFile(info, docInfo(o));
  const icc = await iccDir(work, o.profilePath);
  const flavour = o.pdfx === '1a' ? ['-dPDFX=true', '-dCompatibilityLevel=1.3'] : ['-dCompatibilityLevel=1.6'];
  await runTool('gs', [
    '-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', `--permit-file-read=${work}/`, `--permit-file-read=${o.profilePath}`,
    '-sDEVICE=pdfwrite', ...flavour, `-sICCProfilesDir=${icc}`,
    '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK',
    // 1 = relative colorimetric (ICC numbering), with black point compensation.
    '-dRenderIntent=1', '-dBlackPtComp=1',
    `-sOutputFile=${out}`, defs, input, info,
  ]);
}
