import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT } from './export-support';

// `edition-desk export --press`: the built CLI (out/cli) writes a PDF/X-1a of the text-only
// 2025 page where asked, and says what is wrong with its options in one line (exit 2).

const CLI = join(REPO_ROOT, 'out', 'cli', 'index.mjs');
const HAVE = PRINT_ROUTE_BUILT && existsSync(CLI) && spawnSync('which', ['gs']).status === 0;
let tmp: string;
let ed: string;

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.skipIf(!HAVE)('edition-desk export --press', () => {
  beforeAll(async () => {
    tmp = await tempDir('press-cli');
    ed = join(tmp, 'demo.edition');
    expect(cli('sample', ed).code).toBe(0);
  }, 60_000);
  afterAll(cleanupTemp);

  it('refuses press options without --press, an unknown PDF/X and an ink limit out of range', () => {
    for (const args of [['--pdfx', '1a'], ['--press', 'p.pdf', '--pdfx', '3'], ['--press', 'p.pdf', '--ink-limit', '999'], ['--ink-limit', '240', '--pdf', 'a.pdf']]) {
      const r = cli('export', ed, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);

  it('writes a PDF/X-1a:2003 of one page to the named file', () => {
    const r = cli('export', ed, '--press', 'out/p.pdf', '--pdfx', '1a', '--pages', 'page-2025');
    expect(r.code, r.err).toBe(0);
    const file = join(tmp, 'out', 'p.pdf');
    expect(r.out.trim()).toBe(`${file}\t${readFileSync(file).length}`);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^PDF subtype:\s+PDF\/X-1:2003$/m);
    // ISO 15930-4: version PDF/X-1:2003 with conformance PDF/X-1a:2003.
    expect(readFileSync(file, 'latin1')).toMatch(/\/GTS_PDFXConformance\s*\(PDF\/X-1a:2003\)/);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(existsSync(join(ed, 'exports'))).toBe(false);
  }, 240_000);
});
