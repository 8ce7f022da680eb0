import { resolve } from 'node:path';
import { appError } from '../../shared/contract/messages';
import { DEFAULT_HOUSE_TERMS } from '../../shared/proof/rules/terms';
import { parseTermsFile } from '../../shared/proof/term-list';
import type { HouseTerm } from '../../shared/proof/types';
import { proofPath } from '../services/proof/proof-files';
import { parseOptions } from './cli-args';
import { ProofUsageError } from './proof-usage';
import { readInput } from './read-input';
import { writeStdoutSync } from './stdout-sync';

// `edition-desk proof FILE [--terms TERMS] [--typos strict|normal|off]`. Loaded by the full CLI (index.ts) and, on its
// own, by the proof bundle (proof-main.ts) that bin/edition-desk.mjs runs from V8's code
// cache (issue 15): so it imports nothing beyond what proofreading needs.

/** A house terms file for `proof --terms` (format: shared/proof/term-list.ts). */
async function readTerms(file: string): Promise<HouseTerm[]> {
  const bytes = await readInput(resolve(file));
  try {
    return parseTermsFile(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw appError('INVALID_ARGUMENT', `${file}: ${e instanceof TypeError ? 'not UTF-8 text' : (e as Error).message}`);
  }
}

/** Prints one line per finding; 1 when one is at error level. */
export async function proofVerb(args: string[], lang: 'zh-CN' | 'en'): Promise<number> {
  const { pos, opts } = parseOptions(args, ['terms', 'typos'], (m) => new ProofUsageError(m));
  if (pos.length !== 1) throw new ProofUsageError('proof needs exactly one file or edition folder: edition-desk proof FILE [--terms TERMS] [--typos strict|normal|off]');
  const typos = opts.get('typos');
  if (typos !== undefined && typos !== 'strict' && typos !== 'normal' && typos !== 'off') throw new ProofUsageError('--typos is strict, normal or off');
  const termsFile = opts.get('terms');
  const terms = termsFile === undefined ? DEFAULT_HOUSE_TERMS : await readTerms(termsFile);
  // --typos overrides the edition's own 错别字 setting (house style); files default to normal.
  const placed = await proofPath(resolve(pos[0]!), { terms, ...(typos ? { typoLevel: typos } : {}) }, pos[0]!);
  const msgLang = lang === 'zh-CN' ? 'zh' : 'en';
  const out = placed.map((p) => `${p.file}:${p.line}:${p.col}  ${p.finding.severity}  ${p.finding.ruleId}  ${p.finding.message[msgLang]}`);
  if (out.length) writeStdoutSync(out.join('\n') + '\n');
  return placed.some((p) => p.finding.severity === 'error') ? 1 : 0;
}
