import { useEffect, useState } from 'react';
import { maySignOff } from '../../../shared/collab/roles';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { useCollab } from './collab-context';
import type { SharedPage } from './use-shared-page';

// 签发 on a page of a shared edition: the chief signs it off for a proof round (default the
// round after the page's last) or reopens it; everyone sees 已签发 · 第N轮 · by · time, and
// for everyone but the chief a signed page is read-only (the server refuses writes anyway).
export function SignOffBar({ editionRef, pageId, shared, onError }: { editionRef: string; pageId: string; shared: SharedPage; onError(e: unknown): void }) {
  const { t, lang } = useI18n();
  const { refresh } = useCollab();
  const chief = maySignOff(shared.role);
  const [round, setRound] = useState(1);
  const [busy, setBusy] = useState(false);
  const signed = shared.signed;
  // The next round follows the page's last in the log (a reopened page goes to round N+1).
  useEffect(() => {
    if (!chief || signed) return;
    call('collab:audit', { edition: editionRef }).then(
      (log) => setRound(Math.min(99, 1 + Math.max(0, ...log.filter((a) => a.pageId === pageId && a.action === 'signoff').map((a) => a.round)))),
      () => {},
    );
  }, [chief, signed, editionRef, pageId]);
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try { await f(); refresh(); } catch (e) { onError(e); } finally { setBusy(false); }
  };
  if (!chief && !signed) return null;
  return (
    <div className={`signoff-bar${signed ? ' signed' : ''}`} data-signed={signed ? signed.round : ''}>
      {signed && <span className="signoff-state" role="status">{t('collabui.signoff.signed', { round: signed.round, by: signed.by, time: new Date(signed.at).toLocaleString(lang) })}</span>}
      {signed && !chief && <span className="signoff-readonly">{t('collabui.signoff.readonly')}</span>}
      {chief && !signed && (
        <>
          <label>{t('collabui.signoff.round')}
            <input type="number" min={1} max={99} value={round} aria-label={t('collabui.signoff.roundLabel')}
              onChange={(e) => setRound(Math.max(1, Math.min(99, Number(e.target.value) || 1)))} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => call('collab:signoff', { edition: editionRef, pageId, round }))}>{t('collabui.signoff')}</button>
        </>
      )}
      {chief && signed && <button type="button" disabled={busy} onClick={() => void act(() => call('collab:reopen', { edition: editionRef, pageId }))}>{t('collabui.signoff.reopen')}</button>}
    </div>
  );
}
