import { mayWrite } from '../../../shared/collab/roles';
import { RemoteEdition } from '../../../shared/collab/protocol';
import { appError } from '../../../shared/contract/messages';
import { readFileInside } from '../safe-path';
import { snapshotEdition } from './edition-snapshot';
import { uploadPhoto } from './photo-transfer';
import { pushChanges } from './push-local';
import { readSharedMarker, writeSharedMarker } from './shared-marker';
import type { CollabEngine } from './types';

// collab:publish: a local edition becomes a server edition. The server registers it under
// the edition's own id (POST /api/editions), every photo goes up once (HEAD, then PUT), then
// every document is written from the folder, and shared.json marks the folder as this
// desk's copy. Refused before anything is sent when the role could not write every part
// the edition has (the server would drop those documents silently).

export interface PublishOutcome { remoteId: string; uploaded: number; alreadyThere: number }

export async function publishEdition(engine: CollabEngine, dir: string): Promise<PublishOutcome> {
  const session = engine.session();
  if (!session) throw appError('NOT_SHARED');
  const marker = await readSharedMarker(dir);
  if (marker) {
    if (marker.server !== session.url) throw appError('NOT_SHARED', `${dir} is shared on ${marker.server}`);
    return { remoteId: marker.remoteId, uploaded: 0, alreadyThere: 0 };
  }
  // Strict: a page or story file that does not parse is named to the user, not left out of the server's copy.
  const snap = await snapshotEdition(dir, { strict: true });
  const { edition } = snap;
  const kinds = ['edition', 'page', ...(snap.stories.size > 0 ? ['stories', 'story'] as const : []), ...(edition.photos.length > 0 ? ['photos'] as const : [])] as const;
  const refused = kinds.filter((k) => !mayWrite(session.role, k));
  if (refused.length > 0) throw appError('ROLE_REFUSED', `${session.role} may not write ${refused.join(', ')}`);

  // Every photo's bytes read (and so checked to be there) before the server hears of the edition.
  const files = new Map<string, Uint8Array>();
  for (const p of edition.photos) {
    if (!files.has(p.asset.sha256)) files.set(p.asset.sha256, await readFileInside(dir, ...p.asset.file.split('/')));
  }

  const reply = await engine.request('POST', '/api/editions', { id: edition.id, title: edition.title, issueDate: edition.issueDate });
  if (reply.status === 403) throw appError('ROLE_REFUSED', 'POST /api/editions');
  if (reply.status !== 200 && reply.status !== 201) throw appError('IO_ERROR', `POST /api/editions: ${reply.status}`);
  const remote = RemoteEdition.safeParse(reply.json);
  const remoteId = remote.success ? remote.data.id : edition.id;
  // 200, not 201: the server had it. This desk's own publish that stopped half way goes on;
  // someone else's edition with this id (a folder copied between desks) is not merged into.
  if (reply.status === 200 && remote.success && remote.data.publishedBy !== session.user) {
    throw appError('ALREADY_EXISTS', `edition ${remoteId} is on the server already, published by ${remote.data.publishedBy}: open it from the server instead`);
  }

  let uploaded = 0;
  for (const [hash, bytes] of files) if (await uploadPhoto(engine, hash, bytes)) uploaded++;

  await pushChanges((name) => engine.openDoc(name), remoteId, null, snap);
  await writeSharedMarker(dir, { server: session.url, remoteId, since: new Date().toISOString() });
  return { remoteId, uploaded, alreadyThere: files.size - uploaded };
}
