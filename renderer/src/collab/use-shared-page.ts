import * as Y from 'yjs';
import { useEffect, useRef, useState } from 'react';
import { docName } from '../../../shared/collab/doc-names';
import { mayWrite, type Role } from '../../../shared/collab/roles';
import type { Page, } from '../../../shared/document/schema';
import type { SignOff } from '../../../shared/contract/collab-schemas';
import { sharedOf, useCollab } from './collab-context';
import { PageBinding } from './page-binding';
import { openProvider } from './provider';

export interface SharedPage {
  binding: PageBinding;
  /** The document has come from main (and so from the server or the disk copy). */
  synced: boolean;
  role: Role;
  signed: SignOff | null;
  /** This desk may not change the page now: its role, a sign-off, or no sync yet. */
  locked: boolean;
}

/**
 * A page of a shared edition bound to page/<remoteId>/<pageId> through main's socket;
 * `onRemote` gets the page every time the document changes from elsewhere. Null when solo.
 */
export function useSharedPage(pageId: string, onRemote: (p: Page) => void): SharedPage | null {
  const { status } = useCollab();
  const shared = sharedOf(status);
  const role = status?.server?.role ?? null;
  const key = shared && role ? `${shared.remoteId}|${shared.socket.url}|${shared.socket.token}|${pageId}` : '';
  const remote = useRef(onRemote);
  remote.current = onRemote;
  const [binding, setBinding] = useState<PageBinding | null>(null);
  const [synced, setSynced] = useState(false);
  useEffect(() => {
    if (!key || !shared) { setBinding(null); return; }
    const doc = new Y.Doc();
    const b = new PageBinding(doc, (p) => remote.current(p));
    const provider = openProvider(shared.socket, docName({ kind: 'page', editionId: shared.remoteId, pageId }), doc);
    const onSynced = () => {
      setSynced(true);
      const p = b.current();
      if (p) remote.current(p);
    };
    provider.on('synced', onSynced);
    setSynced(false);
    setBinding(b);
    return () => { provider.off('synced', onSynced); b.destroy(); provider.destroy(); doc.destroy(); };
    // `key` stands for the socket, the edition and the page.
  }, [key]);
  if (!binding || !role) return null;
  const signed = status?.signed[pageId] ?? null;
  const locked = !synced || !mayWrite(role, 'page') || (signed !== null && role !== 'chief');
  return { binding, synced, role, signed, locked };
}
