import { useEffect, useState } from 'react';
import type { Page } from '../../../shared/document/schema';
import { roundLabel, type ProofRoundSummary } from '../../../shared/proof-rounds/rounds';
import { call, exportFileUrl, hostKind } from '../api/client';
import { useI18n } from '../i18n';
import { ProofCompare } from './ProofCompare';
import { proofTime } from './proof-time';
import './proofs.css';

// 签样 (issue 13): export a proof round of this page or of all pages, with a slug line and
// an optional 样; list the rounds kept in the edition's proofs/ folder, each reopenable;
// compare two rounds of this page (ProofCompare). Who exported is remembered on this desk.

interface Props { editionRef: string; page: Page; lang: 'zh' | 'en'; onClose(): void; onError(e: unknown): void }

const BY_KEY = 'edition-desk.proofs.by';

export function ProofDialog({ editionRef, page, lang, onClose, onError }: Props) {
  const { t, lang: ui } = useI18n();
  const [rounds, setRounds] = useState<ProofRoundSummary[] | null>(null);
  const [scope, setScope] = useState<'page' | 'all'>('page');
  const [round, setRound] = useState<number | null>(null);
  const [watermark, setWatermark] = useState(true);
  const [by, setBy] = useState(() => localStorage.getItem(BY_KEY) ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ProofRoundSummary | null>(null);
  const labelLang = ui === 'en' ? 'en' : 'zh';

  const reload = () => call('proofs:list', { edition: editionRef }).then((r) => {
    setRounds(r);
    setRound((r[0]?.round ?? 0) + 1);
  }, onError);
  useEffect(() => { void reload(); }, [editionRef]);

  const run = async () => {
    setBusy(true);
    setDone(null);
    try {
      localStorage.setItem(BY_KEY, by.trim());
      const r = await call('proofs:export', {
        edition: editionRef, lang, watermark, ...(round ? { round } : {}), ...(by.trim() ? { by: by.trim() } : {}), ...(scope === 'page' ? { pages: [page.id] } : {}),
      });
      setDone(r);
      await reload();
    } catch (e) { onError(e); } finally { setBusy(false); }
  };
  const next = (rounds?.[0]?.round ?? 0) + 1;
  const choices = Array.from({ length: Math.min(99, Math.max(3, next)) }, (_, i) => i + 1);

  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div className="dialog export-dialog proof-dialog" role="dialog" aria-label={t('proofs.title')} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <h2>{t('proofs.title')}</h2>
        <section aria-label={t('proofs.export')}>
          <h3>{t('proofs.export')}</h3>
          <fieldset>
            <legend>{t('proofs.scope')}</legend>
            <label><input type="radio" name="proof-scope" checked={scope === 'page'} onChange={() => setScope('page')} />{t('pageExport.scope.page')}</label>
            <label><input type="radio" name="proof-scope" checked={scope === 'all'} onChange={() => setScope('all')} />{t('pageExport.scope.all')}</label>
          </fieldset>
          <fieldset>
            <label>{t('proofs.round')} <select name="proof-round" value={String(round ?? next)} onChange={(e) => setRound(Number(e.target.value))}>
              {choices.map((n) => <option key={n} value={String(n)}>{roundLabel(n, labelLang)}</option>)}
            </select></label>
            <label><input type="checkbox" name="proof-watermark" checked={watermark} onChange={(e) => setWatermark(e.target.checked)} />{t('proofs.watermark')}</label>
            <label>{t('proofs.by')} <input type="text" name="proof-by" maxLength={60} value={by} onChange={(e) => setBy(e.target.value)} /></label>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-action="run-proof">{busy ? t('proofs.running') : t('proofs.run')}</button>
            <button type="button" onClick={onClose}>{t('proofs.close')}</button>
          </div>
          {done && <p className="proof-done" role="status" data-proof-folder={done.folder}>{t('proofs.done', { label: done.label[labelLang], folder: done.folder })}</p>}
        </section>
        <section aria-label={t('proofs.rounds')}>
          <h3>{t('proofs.rounds')}</h3>
          {rounds && rounds.length === 0 && <p>{t('proofs.none')}</p>}
          <ul className="proof-rounds">
            {(rounds ?? []).map((r) => (
              <li key={r.folder} data-proof-round={r.round} data-folder={r.folder}>
                <span>{t('proofs.row', { label: r.label[labelLang], time: proofTime(r.exportedAt), by: r.by })}</span>
                {r.pages.map((p) => (
                  <span key={p.pageId} className="proof-file">
                    {hostKind() === 'browser'
                      ? <a href={exportFileUrl(p.path)} target="_blank" rel="noreferrer" aria-label={`${t('proofs.open')} ${r.label[labelLang]} ${t('proofs.page', { n: p.number })}`}>{t('proofs.page', { n: p.number })}</a>
                      : <button type="button" className="link" onClick={() => call('export:reveal', { path: p.path }).catch(onError)}>{t('proofs.page', { n: p.number })} · {t('pageExport.reveal')}</button>}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
        {rounds && rounds.length >= 2 && <ProofCompare editionRef={editionRef} page={page} rounds={rounds} onError={onError} />}
      </div>
    </div>
  );
}
