import { AppError } from '../../shared/contract/errors';
import { primeCscModelBytes } from '../services/proof/csc-model';
import { ProofUsageError } from './proof-usage';
import { proofVerb } from './proof-verb';

// `edition-desk proof …` on its own (issue 15, item 3): bin/edition-desk.mjs runs this
// bundle, one CommonJS file, through compile-cache.ts instead of the full CLI, whose dozen
// ES module chunks Node 20 compiles afresh on every start. Output, errors and exit codes
// are those of the full CLI (index.ts).

const lang = /^zh/i.test(process.env['LANG'] ?? '') ? 'zh-CN' : 'en';

/** `early.csc`: the 错别字 tables' file and its read, started by the bin before this bundle loaded. */
export function main(args: string[], early?: { csc?: { path: string; read: Promise<Buffer> } }): Promise<number> {
  if (early?.csc) primeCscModelBytes(early.csc.path, early.csc.read);
  return proofVerb(args, lang).catch((e: unknown) => {
    if (e instanceof ProofUsageError) {
      console.error(`edition-desk: ${e.message}`);
      return 2;
    }
    const msg = e instanceof AppError ? `${e.localized[lang]} (${e.code}${e.detail ? `: ${e.detail}` : ''})` : e instanceof Error ? e.message : String(e);
    console.error(`edition-desk: ${msg.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  });
}
