import type { Api } from '../../../shared/contract/contract';
import type { Workspace } from '../workspace';
import type { CollabEngine } from './types';
import { createMirror, type Mirror, type MirrorQueues } from './mirror';

// Publishing a local edition to the server, opening a server edition as a local
// folder, and keeping shared editions' folders and documents in step (mirror.ts).
export function mirrorChannels(ws: Workspace, engine: CollabEngine | undefined, q: MirrorQueues): { channels: Pick<Api, 'collab:remote-editions' | 'collab:publish' | 'collab:open-remote'>; mirror: Mirror } {
  const mirror = createMirror(ws, engine, q);
  return { channels: mirror.channels, mirror };
}
