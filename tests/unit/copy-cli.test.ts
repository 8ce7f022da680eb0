import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../electron/services/copy/docx-read';
import { importMarkdown } from '../../shared/story/markdown-import';
import { exportText } from '../../shared/story/text-export';
import { SHARED_FIXTURES } from '../support/shared-fixtures';
import { REPO_ROOT, cleanupTemp, squash, tempDir } from './helpers';
import { SEED_2025, SEED_2026, readSeed, seedText } from './copy-support';
import { handMadeDocx } from './copy-docx-fixture';
import { ensureNodeBuild } from './node-build';

// The CLI end to end, as the desk's scripts use it: the built bin/edition-desk.mjs,
// real files, exit codes, and one line on stderr for every failure.

const BIN = join(REPO_ROOT, 'bin', 'edition-desk.mjs');
let tmp: string;
let ed: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A failure: the exit code given and exactly one line on stderr. */
function fails(r: ReturnType<typeof cli>, code: number, pattern: RegExp): void {
  expect([r.code, r.err.trimEnd().split('\n').length], r.err).toEqual([code, 1]);
  expect(r.err).toMatch(/^edition-desk: /);
  expect(r.err).toMatch(pattern);
}

beforeAll(async () => {
  ensureNodeBuild();
  tmp = await tempDir('copy-cli');
  ed = join(tmp, 'demo.edition');
  const r = cli('sample', ed);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(cleanupTemp);

describe('edition-desk import / story', { timeout: 60_000 }, () => {
  it('imports a .docx, prints the id, and exports it as md, docx and txt', () => {
    const docx = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'docx', `${SEED_2026}.docx`) : join(tmp, 'hand.docx');
    if (!SHARED_FIXTURES) writeFileSync(docx, handMadeDocx());
    const imp = cli('import', docx, '--edition', ed);
    expect(imp.code, imp.err).toBe(0);
    const id = imp.out.trim();
    expect(id).toMatch(/^story-[a-z0-9-]+$/);
    expect(existsSync(join(ed, 'stories', `${id}.json`))).toBe(true);

    const md = cli('story', ed, id, '--md', 'out.md');
    expect(md.code, md.err).toBe(0);
    expect(md.out.trim()).toBe(join(tmp, 'out.md'));
    const state = importMarkdown(readFileSync(join(tmp, 'out.md'), 'utf8')).state;
    if (SHARED_FIXTURES) expect(squash(exportText(state))).toBe(seedText(readSeed(SEED_2026)));

    expect(cli('story', ed, id, '--docx', 'out.docx').code).toBe(0);
    expect(squash(exportText(readDocx(readFileSync(join(tmp, 'out.docx'))).state))).toBe(squash(exportText(state)));
    const unzip = spawnSync('unzip', ['-p', join(tmp, 'out.docx'), 'word/document.xml'], { encoding: 'utf8' });
    expect(unzip.status).toBe(0);
    expect(unzip.stdout).toContain('<w:body>');

    expect(cli('story', ed, id, '--txt', 'out.txt', '--lang', 'zh').code).toBe(0);
    expect(readFileSync(join(tmp, 'out.txt'), 'utf8')).toBe(exportText(state));
    expect(cli('story', ed, id, '--md', '-').out).toBe(readFileSync(join(tmp, 'out.md'), 'utf8'));
  });

  it('imports Markdown', () => {
    const file = join(tmp, `${SEED_2025}.md`);
    writeFileSync(file, readSeed(SEED_2025));
    const imp = cli('import', file, `--edition=${ed}`);
    expect(imp.code, imp.err).toBe(0);
    const txt = cli('story', ed, imp.out.trim(), '--txt', '-');
    expect(squash(txt.out)).toBe(seedText(readSeed(SEED_2025)));
  });

  it('an English-only file imports as the English version, and story without --lang gives it, saying so', () => {
    const file = join(tmp, 'english-only.md');
    writeFileSync(file, '# Qinyuan builds a greener county\n\nThe county government opened its annual session on Monday.\n');
    const imp = cli('import', file, '--edition', ed);
    expect(imp.code, imp.err).toBe(0);
    const id = imp.out.trim();
    const stored = JSON.parse(readFileSync(join(ed, 'stories', `${id}.json`), 'utf8')) as { zh: unknown; en: unknown };
    expect([stored.zh === null, stored.en !== null]).toEqual([true, true]);
    const txt = cli('story', ed, id, '--txt', '-');
    expect(txt.code, txt.err).toBe(0);
    expect(txt.out).toContain('The county government opened its annual session on Monday.');
    expect(txt.err).toMatch(/no Chinese version; wrote the English version/);
    // Asked for by name, the missing version is still an error.
    fails(cli('story', ed, id, '--txt', '-', '--lang', 'zh'), 1, /NOT_FOUND.*Chinese/);
  });

  it('fails with exit 1 and one line for bad files, missing things and a missing version', () => {
    const before = readdirSync(join(ed, 'stories')).sort();
    writeFileSync(join(tmp, 'notes.docx'), 'just text\nover two lines\n');
    fails(cli('import', 'notes.docx', '--edition', ed), 1, /DOCX_UNREADABLE/);
    writeFileSync(join(tmp, 'bad.docx'), Buffer.from('PK\x03\x04 truncated'));
    fails(cli('import', 'bad.docx', '--edition', ed), 1, /DOCX_UNREADABLE/);
    fails(cli('import', 'missing.docx', '--edition', ed), 1, /NOT_FOUND/);
    fails(cli('import', 'notes.docx', '--edition', join(tmp, 'nowhere.edition')), 1, /NOT_FOUND/);
    fails(cli('story', ed, 'story-1999', '--md', 'x.md'), 1, /NOT_FOUND/);
    fails(cli('story', ed, 'story-2026', '--md', 'x.md', '--lang', 'en'), 1, /NOT_FOUND.*English/);
    expect(readdirSync(join(ed, 'stories')).sort()).toEqual(before);
    expect(existsSync(join(tmp, 'x.md'))).toBe(false);
  });

  it('fails with exit 2 on usage errors, and documents the verbs in --help', () => {
    fails(cli('import', 'a.docx'), 2, /--edition/);
    fails(cli('story', ed, 'story-2026'), 2, /--md\|--txt\|--docx/);
    fails(cli('story', ed, 'story-2026', '--md', 'a', '--txt', 'b'), 2, /one output/);
    fails(cli('story', ed, 'story-2026', '--pdf', 'a'), 2, /unknown option --pdf/);
    fails(cli('story', ed, 'story-2026', '--docx', '-'), 2, /stdout/);
    fails(cli('story', ed, 'story-2026', '--md', 'a', '--lang', 'fr'), 2, /zh or en/);
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('edition-desk import FILE --edition DIR');
    expect(help.out).toContain('edition-desk story DIR ID --md|--txt|--docx OUT [--lang zh|en]');
  });
});
