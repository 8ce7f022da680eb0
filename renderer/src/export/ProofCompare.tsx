import { useEffect, useState } from 'react';
import type { Page } from '../../../shared/document/schema';
import type { ProofDiffResult, ProofRoundSummary } from '../../../shared/proof-rounds/rounds';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { proofTime } from './proof-time';

// Two proof rounds of the open page side by side in time: the passages inserted, deleted
// or changed (as a proofreader marks them), and the later proof with the changed regions
// outlined in red, from main's pdftoppm + pixel compare.

interface Props { editionRef: string; page: Page; rounds: ProofRoundSummary[]; onError(e: unknown): void }

export function ProofCompare({ editionRef, page, rounds, onError }: Props) {
  const { t, lang: ui } = useI18n();
  const withPage = rounds.filter((r) => r.pages.some((p) => p.pageId === page.id));
  const [from, setFrom] = useState(withPage[1]?.folder ?? '');
  const [to, setTo] = useState(withPage[0]?.folder ?? '');
  const [busy, setBusy] = useState(false);
  const [diff, setDiff] = useState<ProofDiffResult | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const labelLang = ui === 'en' ? 'en' : 'zh';

  useEffect(() => {
    setFrom(withPage[1]?.folder ?? '');
    setTo(withPage[0]?.folder ?? '');
  }, [rounds.map((r) => r.folder).join()]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);

  const run = async () => {
    setBusy(true);
    try {
      const d = await call('proofs:diff', { edition: editionRef, from, to, pageId: page.id });
      setDiff(d);
      setUrl(URL.createObjectURL(new Blob([d.png as Uint8Array<ArrayBuffer>], { type: 'image/png' })));
    } catch (e) { onError(e); } finally { setBusy(false); }
  };
  const option = (r: ProofRoundSummary) => <option key={r.folder} value={r.folder}>{r.label[labelLang]} · {proofTime(r.exportedAt)}</option>;

  return (
    <section aria-label={t('proofs.compare')}>
      <h3>{t('proofs.compare')}</h3>
      {withPage.length < 2 ? <p>{t('proofs.diff.notInRound')}</p> : (
        <>
          <fieldset>
            <label>{t('proofs.from')} <select name="proof-from" value={from} onChange={(e) => setFrom(e.target.value)}>{withPage.map(option)}</select></label>
            <label>{t('proofs.to')} <select name="proof-to" value={to} onChange={(e) => setTo(e.target.value)}>{withPage.map(option)}</select></label>
            <button type="button" disabled={busy || !from || !to || from === to} onClick={() => void run()} data-action="proof-diff">{busy ? t('proofs.diffing') : t('proofs.diff')}</button>
          </fieldset>
          {diff && (
            <div className="proof-diff" data-changes={diff.changes.length} data-regions={diff.regions.length}>
              <p>{diff.changes.length === 0 ? t('proofs.diff.none') : t('proofs.diff.count', { n: diff.changes.length, regions: diff.regions.length })}</p>
              <ol className="proof-changes">
                {diff.changes.map((c, i) => (
                  <li key={i} data-kind={c.kind}>
                    <span className="ctx">…{c.before}</span>
                    {c.deleted && <del title={t('proofs.diff.delete')}>{c.deleted}</del>}
                    {c.kind === 'replace' && <span className="arrow" aria-label={t('proofs.diff.replace')}>→</span>}
                    {c.inserted && <ins title={t('proofs.diff.insert')}>{c.inserted}</ins>}
                    <span className="ctx">{c.after}…</span>
                  </li>
                ))}
              </ol>
              {url && <img className="proof-diff-image" src={url} alt={t('proofs.diff.image')} />}
            </div>
          )}
        </>
      )}
    </section>
  );
}
