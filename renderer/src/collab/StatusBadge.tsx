import { useEffect, useState } from 'react';
import { ROLE_NAMES } from '../../../shared/collab/roles';
import type { Edition } from '../../../shared/document/schema';
import { call } from '../api/client';
import { useI18n, type T } from '../i18n';
import { useCollab } from './collab-context';
import { usePeers } from './presence-hub';
import type { Where } from './presence';
import { ServerDialog } from './ServerDialog';
import { AuditDialog } from './AuditDialog';
import './collab.css';

// Always in the top bar: 单机 / 在线 · name（role） / 离线 · N 项改动待同步. A click opens
// who is where on the open edition, the server settings and the sign-off log.

export function StatusBadge({ editionRef, edition }: { editionRef: string | null; edition: Edition | null }) {
  const { t, lang } = useI18n();
  const { status, refresh, presence } = useCollab();
  const peers = usePeers(presence);
  const [open, setOpen] = useState<'popover' | 'server' | 'audit' | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const server = status?.server ?? null;
  const state = !server ? 'solo' : status?.online ? 'online' : 'offline';
  // Offline because the server shows another certificate: the badge says so itself, since
  // retrying will not help and the user must check with the administrator.
  const certMismatch = state === 'offline' && status?.problem?.code === 'CERT_MISMATCH';
  const text = state === 'solo' ? t('collabui.badge.solo')
    : state === 'online' ? t('collabui.badge.online', { name: server!.user, role: ROLE_NAMES[server!.role][lang] })
    : certMismatch ? t('net.badge.certMismatch')
    : t('collabui.badge.offline', { n: status?.pending ?? 0 });

  // Story titles for "who is where", read when the list is shown.
  useEffect(() => {
    if (open !== 'popover' || !editionRef) return;
    call('story:list', { edition: editionRef }).then((l) => setTitles(Object.fromEntries(l.map((s) => [s.id, s.title]))), () => {});
  }, [open, editionRef]);

  return (
    <div className="collab-status">
      <button type="button" className={`collab-badge ${state}${certMismatch ? ' refused' : ''}`} data-collab-state={state} data-pending={status?.pending ?? 0}
        data-collab-problem={status?.problem?.code ?? undefined} title={status?.problem?.message[lang]}
        aria-label={t('collabui.badge.label', { state: text })} aria-expanded={open === 'popover'}
        onClick={() => setOpen(open === 'popover' ? null : 'popover')}>
        <span className="dot" aria-hidden="true" />{text}
      </button>
      <button type="button" className="server-button" onClick={() => setOpen('server')}>{t('collabui.server')}</button>
      {open === 'popover' && (
        <div className="collab-popover" role="dialog" aria-label={t('collabui.where.title')} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(null); }}>
          {status?.problem && <p className="collab-problem">{status.problem.message[lang]}</p>}
          <h4>{t('collabui.where.title')}</h4>
          {!status?.remoteId ? <p className="muted">{t('collabui.where.notShared')}</p>
            : peers.length === 0 ? <p className="muted">{t('collabui.where.none')}</p> : (
              <ul className="who-where">
                {peers.map((p) => (
                  <li key={p.clientId} data-peer={p.user.name}>
                    <span className="peer-dot" style={{ background: p.user.color }} aria-hidden="true" />
                    <strong>{p.user.name}</strong>（{ROLE_NAMES[p.user.role][lang]}）· {placeOf(p.where, edition, titles, t)}
                  </li>
                ))}
              </ul>
            )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen('server')}>{t('collabui.server')}</button>
            {status?.remoteId && editionRef && <button type="button" onClick={() => setOpen('audit')}>{t('collabui.audit')}</button>}
          </div>
        </div>
      )}
      {open === 'server' && <ServerDialog status={status} onClose={() => setOpen(null)} onChanged={refresh} />}
      {open === 'audit' && editionRef && <AuditDialog editionRef={editionRef} edition={edition} onClose={() => setOpen(null)} />}
    </div>
  );
}

function placeOf(w: Where, edition: Edition | null, titles: Record<string, string>, t: T): string {
  if (!w) return t('collabui.where.edition');
  if ('storyId' in w) return t('collabui.where.story', { title: titles[w.storyId] ?? w.storyId });
  const n = edition ? edition.pages.indexOf(w.pageId) + 1 : 0;
  return n > 0 ? t('collabui.where.page', { n }) : t('collabui.where.pageUnknown');
}
