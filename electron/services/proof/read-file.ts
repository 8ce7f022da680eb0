import { readFile as readFileCb, stat as statCb } from 'node:fs';
import { promisify } from 'node:util';

// The file reads of proofreading (proof-files.ts, csc-model.ts, the CLI's read-input.ts),
// through fs's callbacks rather than fs/promises: `edition-desk proof` starts in ~0.1 s, and
// loading fs/promises (with the readline modules it pulls in) cost ~1 ms of that, and its
// readFile took 2–3 ms longer for the 4.5 MB 错别字 table (issue 15). Same results and errors.

export const readFile = promisify(readFileCb);
export const stat = promisify(statCb);
