import { writeFile } from 'node:fs/promises';
import { resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/contract/errors';
import { appError } from '../../shared/contract/messages';
import { Id } from '../../shared/document/ids';
import type { CopyFormat } from '../services/copy/story-copy';
import { findResourcesDir } from '../services/paths';
import { readInput } from './read-input';
import { APP_VERSION } from '../services/version';
import { EXPORT_HELP, ExportUsageError } from './export-usage';
import { NEW_HELP, NewUsageError } from './new-usage';
import { SERVE_HELP, ServeUsageError } from './serve-usage';
import { parseOptions } from './cli-args';
import { ARCHIVE_HELP, ArchiveUsageError } from './archive-usage';
import { ProofUsageError } from './proof-usage';

// edition-desk: the same services as the app, for scripts and the desk's terminal.
// Errors are one line on stderr and a non-zero exit; later issues add verbs here.

const HELP = `edition-desk ${APP_VERSION} — 特刊编辑台 command line

Usage:
  edition-desk sample DIR     write the sample edition (沁源两会特刊) to the new folder DIR
${NEW_HELP}
  edition-desk import FILE --edition DIR
                              add FILE (.docx, .md or .txt) to the edition folder DIR as a
                              new story; prints the story id
  edition-desk story DIR ID --md|--txt|--docx OUT [--lang zh|en]
                              write story ID of edition DIR to OUT ("-" for stdout, .md/.txt)
${EXPORT_HELP}
${SERVE_HELP}
${ARCHIVE_HELP}
  edition-desk proof FILE [--terms TERMS] [--typos strict|normal|off]
                              proofread FILE (.md, .txt, .docx or an edition folder): one line
                              per finding, FILE:LINE:COL  severity  rule-id  message (LINE is
                              the paragraph for .docx and stories); exit 1 if any is an error.
                              --terms replaces the built-in house terms with TERMS: a text file,
                              one term a line, "preferred = variant, variant [| accepted]" (#
                              comments), or JSON (the terms array, or a settings.json)
                              --typos sets the 错别字 check (default: the edition's house
                              style, normal for files): strict adds likely typos as warnings
  edition-desk --version      print the version
  edition-desk --help         print this help

Exit codes: 0 ok, 1 error, 2 usage.`;

type Lang = 'zh-CN' | 'en';
const lang: Lang = /^zh/i.test(process.env['LANG'] ?? '') ? 'zh-CN' : 'en';

class UsageError extends Error {}

/** Splits `args` into positionals and `--name value` / `--name=value` options. */
const parseArgs = (args: string[], valued: string[]) => parseOptions(args, valued, (m) => new UsageError(m));

// Each verb loads what it needs when it runs (the build splits them into chunks), so
// `proof` and `--help` do not pay for sharp, docx or playwright-core.
const VERBS: Record<string, (args: string[]) => Promise<void | number>> = {
  export: async (args) => (await import('./export-verb')).exportVerb(args, lang, dirname(fileURLToPath(import.meta.url))),
  // Also bundled on its own for a fast start (proof-main.ts, run by bin/edition-desk.mjs).
  proof: async (args) => (await import('./proof-verb')).proofVerb(args, lang),
  // The desk server and its accounts load better-sqlite3 (a native module for Node's ABI)
  // through these dynamic imports only, so no other verb, nor Electron, ever loads it.
  serve: async (args) => (await import('./serve-verb')).serveVerb(args),
  user: async (args) => (await import('./user-verb')).userVerb(args),
  // The archive catalogue (issue 16) loads better-sqlite3 and jieba the same way.
  index: async (args) => (await import('./archive-verb')).indexVerb(args),
  search: async (args) => (await import('./archive-verb')).searchVerb(args),
  async new(args) {
    const { pos, opts } = parseArgs(args, ['title', 'date', 'size', 'pages', 'template']);
    await (await import('./new-verb')).newVerb(pos, opts);
  },
  async sample(args) {
    if (args.length !== 1) throw new UsageError('sample needs exactly one folder: edition-desk sample DIR');
    const target = resolve(args[0]!);
    const resources = findResourcesDir(dirname(fileURLToPath(import.meta.url)));
    const { writeSampleEdition } = await import('../services/sample');
    const bundle = await writeSampleEdition(resources, target);
    console.log(`${target}\t${bundle.edition.title}\t${bundle.pages.length} pages, ${bundle.stories.length} stories, ${bundle.edition.photos.length} photos`);
  },
  async import(args) {
    const { pos, opts } = parseArgs(args, ['edition']);
    const dir = opts.get('edition');
    if (pos.length !== 1 || !dir) throw new UsageError('import needs a file and an edition: edition-desk import FILE.docx --edition DIR');
    const editionDir = resolve(dir);
    const [{ readEdition }, { importWithTwinCheck }] = await Promise.all([import('../services/edition-store'), import('../services/stories/story-list')]);
    await readEdition(editionDir); // an edition folder, readable, before anything is written
    const file = resolve(pos[0]!);
    // The same import as the app's (a title of its own, 草稿); a script asked for this file, so no twin question.
    const r = await importWithTwinCheck(editionDir, basename(file), await readInput(file), true);
    if ('storyId' in r) console.log(r.storyId);
  },
  async story(args) {
    const { pos, opts } = parseArgs(args, ['md', 'txt', 'docx', 'lang']);
    const formats = (['md', 'txt', 'docx'] as const).filter((f) => opts.has(f));
    const usage = 'story needs an edition, a story id and one output: edition-desk story DIR ID --md|--txt|--docx OUT [--lang zh|en]';
    if (pos.length !== 2 || formats.length !== 1) throw new UsageError(usage);
    const format: CopyFormat = formats[0]!;
    const out = opts.get(format)!;
    const lang = opts.get('lang') ?? 'auto';
    if (lang !== 'zh' && lang !== 'en' && lang !== 'auto') throw new UsageError('--lang is zh or en');
    if (!Id.safeParse(pos[1]).success) throw new UsageError(`"${pos[1]}" is not a story id`);
    if (out === '-' && format === 'docx') throw new UsageError('a .docx cannot go to stdout; give a file name');
    const { exportStory } = await import('../services/copy/story-copy');
    const file = await exportStory(resolve(pos[0]!), pos[1]!, format, lang);
    // Without --lang a story that has only its English version goes out in English: say so.
    if (lang === 'auto' && file.lang === 'en') console.error(`${pos[1]}: no Chinese version; wrote the English version`);
    if (out === '-') {
      // Wait for the pipe to take it all: main() exits the process right after.
      await new Promise<void>((done, fail) => process.stdout.write(file.bytes, (e) => (e ? fail(e) : done())));
      return;
    }
    const target = resolve(out);
    try {
      await writeFile(target, file.bytes);
    } catch (e) {
      throw appError('IO_ERROR', `${target}: ${(e as Error).message}`);
    }
    console.log(target);
  },
};

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    console.log(HELP);
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    console.log(APP_VERSION);
    return 0;
  }
  const run = VERBS[verb];
  if (!run) throw new UsageError(`unknown command "${verb}"; see edition-desk --help`);
  return (await run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof ProofUsageError || e instanceof ExportUsageError || e instanceof NewUsageError || e instanceof ServeUsageError || e instanceof ArchiveUsageError) {
      console.error(`edition-desk: ${e.message}`);
      process.exit(2);
    }
    const msg = e instanceof AppError ? `${e.localized[lang]} (${e.code}${e.detail ? `: ${e.detail}` : ''})` : e instanceof Error ? e.message : String(e);
    // One line, whatever a parser's message held.
    console.error(`edition-desk: ${msg.replace(/\s*\n\s*/g, ' ')}`);
    process.exit(1);
  },
);
