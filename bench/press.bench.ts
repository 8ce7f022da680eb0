import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startInProcessHost } from '../electron/host/in-process';
import { runExport } from '../electron/services/export/export-job';
import { makePressPdf } from '../electron/services/export/press-pdf';
import { DEFAULT_PROFILE_FILE, readProfile } from '../electron/services/export/press-profile';
import { iccDir } from '../electron/services/export/press-gs';
import { writeSampleEdition } from '../electron/services/sample';
import { PressFormat } from '../shared/contract/press-schemas';

// export-press-2pages (issue 13): the press step for the 2-page sample, from the RGB print
// PDF Chromium made (3 mm bleed) to the CMYK PDF/X-4, against Ghostscript's own CMYK
// conversion of the same RGB PDF in the same run: the command a prepress operator would
// type (pdfwrite, ColorConversionStrategy=CMYK, the same output profile, relative
// colorimetric + BPC, photos to 300 ppi), which lacks only K-only text, overprint, boxes
// and the OutputIntent. The ratio is what our qpdf pass and pdfmarks add. Runs alternate
// so both see the same moments of a shared machine; median of each.

const EDITION = 'sample.edition';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const benchmarks = [{
  name: 'export-press-2pages',
  why: 'Ghostscript\'s own CMYK conversion of the same RGB PDF with the same profile and downsampling, which ours calls: the floor of a press PDF made this way.',
  unit: 'ms',
  reference: 'gs pdfwrite -sColorConversionStrategy=CMYK of the same RGB PDF',
  target: { kind: 'ratio-max', value: 1.5 },
  async run({ root }: { root: string }) {
    const base = await mkdtemp(join(tmpdir(), 'ed-bench-press-'));
    const ws = join(base, 'workspace');
    await writeSampleEdition(join(root, 'resources'), join(ws, EDITION));
    const host = await startInProcessHost({ workspaceRoot: ws, scratch: base, rendererDir: join(root, 'out', 'renderer'), defaultEdition: EDITION });
    try {
      const rgbRun = await runExport(host.services, { edition: EDITION, lang: 'zh', formats: { pdf: { bleedMm: 3, marks: false } } });
      const rgbPath = join(ws, rgbRun.files[0]!.path);
      const rgb = new Uint8Array(await readFile(rgbPath));
      const profile = await readProfile(join(root, 'resources', 'icc', DEFAULT_PROFILE_FILE(240)), true);
      const format = PressFormat.parse({});
      const ours = async () => {
        const t = performance.now();
        await makePressPdf({ rgbPdf: rgb, format, profile, trimMm: { width: 390, height: 545 }, info: { title: 'bench', author: '', creator: 'bench' } });
        return performance.now() - t;
      };
      const icc = await iccDir(base, profile.path);
      const params = join(base, 'params.ps');
      await writeFile(params, '<< /ColorImageResolution 300 /GrayImageResolution 300 /DownsampleColorImages true /DownsampleGrayImages true /ColorImageDownsampleThreshold 1.0 /GrayImageDownsampleThreshold 1.0 /ColorImageDownsampleType /Bicubic /GrayImageDownsampleType /Bicubic >> setdistillerparams\n');
      const gs = () => {
        const t = performance.now();
        execFileSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', '-dCompatibilityLevel=1.6', `-sICCProfilesDir=${icc}`, '-sColorConversionStrategy=CMYK', '-dRenderIntent=1', '-dBlackPtComp=1', `-sOutputFile=${join(base, 'gs.pdf')}`, params, rgbPath]);
        return performance.now() - t;
      };
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < RUNS; i++) { a.push(await ours()); b.push(gs()); }
      // The whole export with the press PDF (print route + Ghostscript), once, for the note.
      const t = performance.now();
      await runExport(host.services, { edition: EDITION, lang: 'zh', formats: { press: PressFormat.parse({}) } }); // the defaults, as the contract's schema fills them
      const whole = performance.now() - t;
      return { value: median(a), reference: median(b), note: `median of ${RUNS} alternating runs; RGB PDF ${(rgb.length / 1e6).toFixed(1)} MB; whole press export (print route + conversion) ${whole.toFixed(0)} ms` };
    } finally {
      await host.stop();
      await rm(base, { recursive: true, force: true });
    }
  },
}];
