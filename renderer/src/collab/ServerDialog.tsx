import { useState } from 'react';
import { ROLE_NAMES } from '../../../shared/collab/roles';
import type { CollabStatus } from '../../../shared/contract/collab-schemas';
import { ApiError, call } from '../api/client';
import { ConfirmDialog, Modal } from '../app/dialogs';
import { useI18n } from '../i18n';
import { groupFingerprint } from './fingerprint';

// 编辑部服务器: address, user, password → collab:connect. A first connection answers with
// the server's certificate fingerprint; the user compares it with the one the administrator
// read from the server console, and only 信任并连接 sends it back as `trust` (pinned by main).
// 忘记此服务器 drops the pin and the session (after a confirmation), so a server that really
// got a new certificate can be trusted anew; local copies stay on this desk.

type Step = { kind: 'form' } | { kind: 'trust'; fingerprint: string; url: string } | { kind: 'forget'; url: string };

export function ServerDialog({ status, onClose, onChanged }: { status: CollabStatus | null; onClose(): void; onChanged(): void }) {
  const { t, lang } = useI18n();
  const [url, setUrl] = useState(status?.server?.url ?? 'https://');
  const [name, setName] = useState(status?.server?.user ?? '');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [problemCode, setProblemCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const server = status?.server ?? null;

  const connect = async (trust?: string) => {
    setBusy(true);
    setProblem(null);
    setProblemCode(null);
    setNotice(null);
    try {
      const r = await call('collab:connect', { url: url.trim().replace(/\/$/, ''), name: name.trim(), password, ...(trust ? { trust } : {}) });
      if (r.state === 'trust') setStep({ kind: 'trust', fingerprint: r.fingerprint, url: r.url });
      else { setPassword(''); onChanged(); onClose(); }
    } catch (e) {
      setStep({ kind: 'form' });
      setProblem(e instanceof ApiError ? e.data.message[lang] : String(e));
      setProblemCode(e instanceof ApiError ? e.data.code : null);
    } finally { setBusy(false); }
  };
  const forget = async (target: string) => {
    setBusy(true);
    setStep({ kind: 'form' });
    try {
      await call('collab:forget', { url: target });
      setProblem(null);
      setProblemCode(null);
      setNotice(t('net.forget.done', { url: target }));
      onChanged();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.data.message[lang] : String(e));
    } finally { setBusy(false); }
  };
  const disconnect = async () => {
    setBusy(true);
    try { await call('collab:disconnect', {}); onChanged(); } catch (e) {
      setProblem(e instanceof ApiError ? e.data.message[lang] : String(e));
    } finally { setBusy(false); }
  };

  if (step.kind === 'forget') {
    return <ConfirmDialog label={t('net.forget.title')} message={t('net.forget.message', { url: step.url })} okLabel={t('net.forget.ok')}
      onOk={() => void forget(step.url)} onClose={() => setStep({ kind: 'form' })} />;
  }

  if (step.kind === 'trust') {
    return (
      <Modal label={t('collabui.trust.title')} onClose={onClose} className="server-dialog">
        <p className="trust-intro">{t('collabui.trust.intro', { url: step.url })}</p>
        <figure className="fingerprint" aria-label={t('collabui.trust.fingerprint')}>
          <figcaption>{t('collabui.trust.fingerprint')}</figcaption>
          <ol className="fingerprint-groups" data-fingerprint={step.fingerprint}>
            {groupFingerprint(step.fingerprint).map((g, i) => <li key={i}><code>{g}</code></li>)}
          </ol>
        </figure>
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void connect(step.fingerprint)}>{t('collabui.trust.ok')}</button>
          <button type="button" onClick={() => setStep({ kind: 'form' })}>{t('collabui.trust.back')}</button>
        </div>
      </Modal>
    );
  }

  const ok = /^https:\/\/\S+$/.test(url.trim()) && name.trim() !== '' && password !== '';
  // The server set up here, or the address a connection was just refused for (another certificate).
  const forgettable = server?.url ?? (problemCode === 'CERT_MISMATCH' && /^https:\/\/\S+$/.test(url.trim()) ? url.trim().replace(/\/$/, '') : null);
  // Why the server set up here cannot be reached, unless the form already says it.
  const statusProblem = !problem && server && !status?.online ? status?.problem?.message[lang] ?? null : null;
  return (
    <Modal label={t('collabui.server.title')} onClose={onClose} className="server-dialog">
      {server && (
        <p className="server-current" data-server-state={status?.online ? 'online' : 'offline'}>
          {t(status?.online ? 'collabui.server.connectedAs' : 'net.server.setUpAs', { url: server.url, name: server.user, role: ROLE_NAMES[server.role][lang] })}
        </p>
      )}
      {statusProblem && <p className="server-status-problem collab-problem" data-problem={status?.problem?.code}>{statusProblem}</p>}
      {notice && <p className="server-notice" role="status">{notice}</p>}
      <form onSubmit={(e) => { e.preventDefault(); if (ok && !busy) void connect(); }}>
        <label className="field"><span>{t('collabui.server.address')}</span>
          <input name="server-url" autoFocus value={url} placeholder={t('collabui.server.addressHint')} onChange={(e) => setUrl(e.target.value)} /></label>
        <label className="field"><span>{t('collabui.server.user')}</span>
          <input name="server-user" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label className="field"><span>{t('collabui.server.password')}</span>
          <input name="server-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {problem && <p className="server-problem" role="alert">{problem}</p>}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!ok || busy}>{busy ? t('collabui.server.connecting') : t('collabui.server.connect')}</button>
          {server && <button type="button" disabled={busy} onClick={() => void disconnect()}>{t('collabui.server.disconnect')}</button>}
          {forgettable && <button type="button" disabled={busy} onClick={() => setStep({ kind: 'forget', url: forgettable })}>{t('net.forget')}</button>}
          <button type="button" onClick={onClose}>{t('collabui.server.close')}</button>
        </div>
      </form>
    </Modal>
  );
}
