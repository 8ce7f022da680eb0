import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NewEditionInput, SizePreset, TemplateChoice } from '../../shared/contract/edition-schemas';
import { appError } from '../../shared/contract/messages';
import { EDITION_SUFFIX } from '../services/workspace';
import { NewUsageError } from './new-usage';
import { bundleFromTemplates } from '../services/editions/edition-create';
import { writeNewEdition } from '../services/edition-store';

// edition-desk new DIR --title T --date YYYY-MM-DD --size 对开|四开|A3|A4 --pages N [--template ID[,ID…]]
// An empty edition folder from the page templates, as the app's 新建特刊 makes it.

const SIZES: Record<string, SizePreset> = { 对开: 'broadsheet', 四开: 'tabloid', a3: 'a3', a4: 'a4', broadsheet: 'broadsheet', tabloid: 'tabloid' };

export async function newVerb(pos: string[], opts: Map<string, string>): Promise<void> {
  if (pos.length !== 1) throw new NewUsageError('new needs exactly one folder: edition-desk new DIR --title T --date YYYY-MM-DD --size 对开 --pages N');
  for (const need of ['title', 'date', 'size', 'pages']) if (!opts.has(need)) throw new NewUsageError(`new needs --${need}; see edition-desk --help`);
  const size = SIZES[opts.get('size')!.toLowerCase()];
  if (!size) throw new NewUsageError(`--size is 对开, 四开, A3 or A4, not "${opts.get('size')}"`);
  const n = Number(opts.get('pages'));
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new NewUsageError('--pages is a whole number from 1 to 64');
  const listed = opts.get('template')?.split(',').map((s) => s.trim());
  for (const t of listed ?? []) if (!TemplateChoice.safeParse(t).success) throw new NewUsageError(`unknown template "${t}": front, feature or photo`);
  const pages = Array.from({ length: n }, (_, i) => (listed ? listed[Math.min(i, listed.length - 1)]! : i === 0 ? 'front' : 'feature'));
  const input = NewEditionInput.safeParse({ title: opts.get('title'), issueDate: opts.get('date'), size, pages });
  if (!input.success) throw new NewUsageError(input.error.issues.map((i) => `--${i.path[0] === 'issueDate' ? 'date' : String(i.path[0])}: ${i.message}`).join('; '));
  let target = resolve(pos[0]!);
  if (!target.endsWith(EDITION_SUFFIX)) target += EDITION_SUFFIX;
  // A new edition goes into a new folder: nothing already there is written over or mixed in.
  if (await access(target).then(() => true, () => false)) throw appError('ALREADY_EXISTS', target);
  await writeNewEdition(target, bundleFromTemplates(input.data), []);
  console.log(target);
}
