import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/contract/errors';
import { findResourcesDir } from '../services/paths';
import { writeSampleEdition } from '../services/sample';
import { APP_VERSION } from '../services/version';

// edition-desk: the same services as the app, for scripts and the desk's terminal.
// Errors are one line on stderr and a non-zero exit; later issues add verbs here.

const HELP = `edition-desk ${APP_VERSION} — 特刊编辑台 command line

Usage:
  edition-desk sample DIR     write the sample edition (沁源两会特刊) to the new folder DIR
  edition-desk --version      print the version
  edition-desk --help         print this help

Exit codes: 0 ok, 1 error, 2 usage.`;

type Lang = 'zh-CN' | 'en';
const lang: Lang = /^zh/i.test(process.env['LANG'] ?? '') ? 'zh-CN' : 'en';

class UsageError extends Error {}

const VERBS: Record<string, (args: string[]) => Promise<void>> = {
  async sample(args) {
    if (args.length !== 1) throw new UsageError('sample needs exactly one folder: edition-desk sample DIR');
    const target = resolve(args[0]!);
    const resources = findResourcesDir(dirname(fileURLToPath(import.meta.url)));
    const bundle = await writeSampleEdition(resources, target);
    console.log(`${target}\t${bundle.edition.title}\t${bundle.pages.length} pages, ${bundle.stories.length} stories, ${bundle.edition.photos.length} photos`);
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
  await run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`edition-desk: ${e.message}`);
      process.exit(2);
    }
    const msg = e instanceof AppError ? `${e.localized[lang]} (${e.code}${e.detail ? `: ${e.detail}` : ''})` : e instanceof Error ? e.message : String(e);
    console.error(`edition-desk: ${msg}`);
    process.exit(1);
  },
);
