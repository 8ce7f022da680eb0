import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import type { Workspace } from '../workspace';
import type { CollabEngine } from './types';

// [signoff] 签发 / 重新打开 and the audit log: the server decides and keeps them; main passes them on.
export function signoffChannels(_ws: Workspace, engine: CollabEngine | undefined): Pick<Api, 'collab:signoff' | 'collab:reopen' | 'collab:audit'> {
  const need = (): CollabEngine => {
    if (!engine || !engine.session()) throw appError('NOT_SHARED');
    return engine;
  };
  return {
    'collab:signoff': async () => { need(); throw appError('NOT_SHARED', 'not built yet'); },
    'collab:reopen': async () => { need(); throw appError('NOT_SHARED', 'not built yet'); },
    'collab:audit': async () => { need(); return []; },
  };
}
