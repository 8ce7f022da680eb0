import { LibraryStore } from '../../electron/services/library/store';
import { ingestPaths } from '../../electron/services/library/ingest-paths';

// The ingest in a process of its own, for tests/unit/ingest-kill.test.ts: ingests the files
// named on the command line into a workspace and prints `added <id> <sha256>` the moment
// each photo is reported in the library (stdout to a pipe is synchronous on Linux, so a
// line printed is a line the parent can read after it kills this process).
//   node ingest-child.mjs WORKSPACE CACHE FILE…

const [workspace, cache, ...files] = process.argv.slice(2);
const store = new LibraryStore(workspace!);
await ingestPaths(store, cache!, files.map((f) => ({ path: f, sourcePath: f })), 4, (r) => {
  if (r.status === 'added') process.stdout.write(`added ${r.photo.id} ${r.photo.sha256}\n`);
});
process.stdout.write('finished\n');
