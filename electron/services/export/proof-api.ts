import type { Api } from '../../../shared/contract/contract';
import type { Workspace } from '../workspace';
import type { ExportServices } from './export-job';
import { diffProofRounds } from './proof-diff';
import { runProofExport } from './proof-export';
import { listProofRounds } from './proof-store';

// The proof-round channels (issue 13 item 2): export a round, list the rounds kept, compare two.
export function proofRoundChannels(ws: Workspace, exporting: ExportServices, who: () => string | undefined): Pick<Api, 'proofs:export' | 'proofs:list' | 'proofs:diff'> {
  return {
    'proofs:export': async (input) => runProofExport(exporting, { ...input, by: input.by ?? who() }),
    'proofs:list': async ({ edition }) => listProofRounds(ws, await ws.resolveEdition(edition)),
    'proofs:diff': async (input) => diffProofRounds(ws, input),
  };
}
