import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The unit tier's run order: longest file first, from the per-file wall times of a past
// run (tests/unit/durations.json: queue to end in a fork, hooks and child processes
// included). Two forks take files from one queue, so handing out the long ones first is
// the classic longest-processing-time rule: the forks end within a short file of each other.
// Vitest's own order on a clean clone (no results cache) is by file size, which put the
// 65 s durability test a minute in and left one fork idle at the end. A file the table does
// not know yet (new this stop) goes first: it is as likely to be long as short, and a long
// one found at the end is the idle fork this order is for.

type Durations = Record<string, number>;

function readDurations(root: string): Durations {
  const file = join(root, 'tests/unit/durations.json');
  if (!existsSync(file)) return {};
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { files: Durations }).files ?? {};
  } catch {
    return {};
  }
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const ms = readDurations(root);
    const known = (f: TestSpecification) => ms[relative(root, f.moduleId).replace(/\\/g, '/')];
    const unknown = files.filter((f) => known(f) === undefined);
    const timed = files.filter((f) => known(f) !== undefined).sort((a, b) => known(b)! - known(a)!);
    return [...(await super.sort(unknown)), ...timed];
  }
}
