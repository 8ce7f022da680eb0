import type { Api } from '../../../shared/contract/contract';
import type { Workspace } from '../workspace';
import type { CollabEngine } from './types';
import { soloStatus } from './solo-status';
import { appError } from '../../../shared/contract/messages';

// collab:status / connect / disconnect. Without an engine (tests, CLI) the desk is solo.
export function engineChannels(ws: Workspace, engine: CollabEngine | undefined): Pick<Api, 'collab:status' | 'collab:connect' | 'collab:disconnect' | 'collab:forget'> {
  return {
    'collab:status': async ({ edition }) => {
      const dir = edition ? await ws.resolveEdition(edition) : undefined;
      return engine ? engine.status(dir) : soloStatus();
    },
    'collab:connect': async (input) => {
      // The CLI and in-process hosts have no engine: say so in the user's words.
      if (!engine) throw appError('SERVER_UNREACHABLE', 'no collaboration engine in this host');
      return engine.connect(input);
    },
    'collab:disconnect': async () => (engine ? engine.disconnect() : soloStatus()),
    'collab:forget': async ({ url }) => (engine?.forget ? engine.forget(url) : soloStatus()),
  };
}
