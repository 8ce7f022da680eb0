import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/contract';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { formatTime } from '../features/editions/TrashDialog';
import { useCollab } from './collab-context';

// The start screen's part of the newsroom network: the server's editions (打开 makes or
// reuses this desk's NAME.edition copy and opens it), 发布到服务器 on local editions for
// layout and chief, and 共享 on the local editions that are copies of server editions.

type Remote = Output<'collab:remote-editions'>[number];
const REMOTE_POLL_MS = 3000;

export function useRemoteEditions() {
  const { status, refresh } = useCollab();
  const online = !!status?.server && status.online;
  const [list, setList] = useState<Remote[]>([]);
  const reload = useCallback(() => {
    if (!online) return;
    call('collab:remote-editions', {}).then(setList, () => {});
  }, [online]);
  // The list changes on other desks (a publish): asked again while the start screen is shown.
  useEffect(() => {
    reload();
    if (!online) return;
    const timer = setInterval(reload, REMOTE_POLL_MS);
    return () => clearInterval(timer);
  }, [reload, online]);
  const role = status?.server?.role;
  return {
    online,
    list,
    /** Local edition refs that are this desk's copies of server editions. */
    shared: new Set(list.flatMap((r) => (r.localRef ? [r.localRef] : []))),
    canPublish: online && (role === 'layout' || role === 'chief'),
    publish: async (ref: string) => { await call('collab:publish', { edition: ref }); reload(); refresh(); },
    open: async (remoteId: string) => { const { ref } = await call('collab:open-remote', { remoteId }); reload(); refresh(); return ref; },
  };
}

export function RemoteEditions({ remote, onOpen, onError, onChanged }: {
  remote: ReturnType<typeof useRemoteEditions>; onOpen(ref: string): void; onError(e: unknown): void; onChanged(): Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (id: string) => {
    setBusy(id);
    try { const ref = await remote.open(id); await onChanged(); onOpen(ref); } catch (e) { onError(e); } finally { setBusy(null); }
  };
  return (
    <section className="remote-editions" aria-label={t('collabui.remote.title')}>
      <h2>{t('collabui.remote.title')}</h2>
      {!remote.online ? <p className="empty">{t('collabui.remote.offline')}</p>
        : remote.list.length === 0 ? <p className="empty">{t('collabui.remote.none')}</p> : (
          <table className="edition-table">
            <tbody>
              {remote.list.map((r) => (
                <tr key={r.id} data-remote-edition={r.id}>
                  <td className="edition-title">{r.title}{r.localRef && <span className="badge">{t('collabui.remote.local')}</span>}</td>
                  <td>{r.issueDate}</td>
                  <td>{t('collabui.remote.by', { name: r.publishedBy, time: formatTime(r.publishedAt, lang) })}</td>
                  <td className="row-actions">
                    <button type="button" className="primary" disabled={busy !== null} aria-label={t('collabui.remote.openNamed', { title: r.title })}
                      onClick={() => void open(r.id)}>{t('collabui.remote.open')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}
