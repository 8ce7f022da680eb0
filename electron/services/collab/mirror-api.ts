import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import type { Workspace } from '../workspace';
import type { CollabEngine } from './types';

// [mirror] Publishing a local edition to the server and opening a server edition as a local folder.
export function mirrorChannels(_ws: Workspace, engine: CollabEngine | undefined): Pick<Api, 'collab:remote-editions' | 'collab:publish' | 'collab:open-remote'> {
  const need = (): CollabEngine => {
    if (!engine || !engine.session()) throw appError('NOT_SHARED');
    return engine;
  };
  return {
    'collab:remote-editions': async () => { need(); return []; },
    'collab:publish': async () => { need(); throw appError('NOT_SHARED', 'not built yet'); },
    'collab:open-remote': async () => { need(); throw appError('NOT_SHARED', 'not built yet'); },
  };
}
