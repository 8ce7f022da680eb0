import { useMemo } from 'react';
import { docName } from '../../../shared/collab/doc-names';
import { mayWrite } from '../../../shared/collab/roles';
import { useCollab, sharedOf } from './collab-context';
import { colorFor } from './presence';
import { collabProviderFactory } from './provider';
import type { PresenceHub } from './presence-hub';

export interface StoryCollab {
  /** story/<remoteId>/<storyId>/<lang>: the CollaborationPlugin's document id. */
  id: string;
  providerFactory: ReturnType<typeof collabProviderFactory>;
  username: string;
  color: string;
  presence: PresenceHub | null;
  /** The user's role may change stories; otherwise the editor is read-only (the server would drop the edits). */
  writable: boolean;
}

/** For a story of a shared edition: how its editor joins the shared document; null when solo. */
export function useStoryCollab(storyId: string, lang: 'zh' | 'en'): StoryCollab | null {
  const { status, presence } = useCollab();
  const shared = sharedOf(status);
  const user = status?.server?.user ?? null;
  const writable = status?.server ? mayWrite(status.server.role, 'story') : false;
  const url = shared?.socket.url;
  const token = shared?.socket.token;
  const remoteId = shared?.remoteId;
  // One factory per socket: a new one would make Lexical reconnect the editor.
  const providerFactory = useMemo(() => (url && token ? collabProviderFactory({ url, token }) : null), [url, token]);
  return useMemo(() => (remoteId && providerFactory && user
    ? { id: docName({ kind: 'story', editionId: remoteId, storyId, lang }), providerFactory, username: user, color: colorFor(user), presence, writable }
    : null), [remoteId, providerFactory, user, storyId, lang, presence, writable]);
}
