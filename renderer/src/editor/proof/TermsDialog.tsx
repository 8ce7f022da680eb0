import { useEffect, useMemo, useState } from 'react';
import { splitForms, termProblems, type TermProblem } from '../../../../shared/proof/term-list';
import type { HouseTerm } from '../../../../shared/proof/types';
import type { T } from '../../i18n';
import { useI18n } from '../../i18n';
import { houseTerms, saveHouseTerms } from './house-terms';

// The house term list (issue 6: "user-editable, in settings"), in the photo desk's
// code-table pattern: one row per term, saved with settings:set. Forms are kept exactly
// as typed (“十五五” with its quotation marks); variants go one per line.

interface Row { preferred: string; variants: string; accepted: string }

const toRow = (t: HouseTerm): Row => ({ preferred: t.preferred, variants: t.variants.join('\n'), accepted: (t.accepted ?? []).join('\n') });
function toTerm(r: Row): HouseTerm {
  const accepted = splitForms(r.accepted);
  return { preferred: r.preferred.trim(), variants: splitForms(r.variants), ...(accepted.length ? { accepted } : {}) };
}

function problemText(t: T, p: TermProblem): string {
  switch (p.code) {
    case 'preferred-empty': return t('terms.error.preferredEmpty', { row: p.row });
    case 'variants-empty': return t('terms.error.variantsEmpty', { row: p.row });
    case 'too-long': return t('terms.error.tooLong', { row: p.row, text: p.text });
    case 'too-many': return t('terms.error.tooMany', { row: p.row });
    case 'same-as-preferred': return t('terms.error.sameAsPreferred', { row: p.row, text: p.text });
    case 'duplicate': return t('terms.error.duplicate', { row: p.row, text: p.text, other: p.other });
    case 'too-many-terms': return t('terms.error.tooManyTerms');
  }
}

export function TermsDialog({ onClose, onError }: { onClose(): void; onError?(e: unknown): void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    void houseTerms().then((list) => live && setRows(list.map(toRow)));
    return () => { live = false; };
  }, []);
  const terms = useMemo(() => (rows ?? []).map(toTerm), [rows]);
  const problems = useMemo(() => termProblems(terms), [terms]);

  const edit = (i: number, patch: Partial<Row>) => setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setSaving(true);
    try {
      await saveHouseTerms(terms);
      onClose();
    } catch (e) {
      onError?.(e);
      setSaving(false);
    }
  };

  return (
    <div className="dialog terms-dialog" role="dialog" aria-label={t('terms.title')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3>{t('terms.title')}</h3>
      <p className="hint">{t('terms.hint')}</p>
      {rows === null ? <p>{t('app.loading')}</p> : (
        <div className="terms-scroll">
          <table className="codes terms">
            <thead>
              <tr><th>{t('terms.preferred')}</th><th>{t('terms.variants')}</th><th>{t('terms.accepted')}</th><th /></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-term-row={i}>
                  <td><input name={`term-preferred-${i}`} aria-label={`${t('terms.preferred')} ${i + 1}`} value={r.preferred} onChange={(e) => edit(i, { preferred: e.target.value })} /></td>
                  <td><textarea name={`term-variants-${i}`} aria-label={`${t('terms.variants')} ${i + 1}`} rows={Math.max(1, r.variants.split('\n').length)} value={r.variants} onChange={(e) => edit(i, { variants: e.target.value })} /></td>
                  <td><textarea name={`term-accepted-${i}`} aria-label={`${t('terms.accepted')} ${i + 1}`} rows={Math.max(1, r.accepted.split('\n').length)} value={r.accepted} onChange={(e) => edit(i, { accepted: e.target.value })} /></td>
                  <td><button onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('terms.remove')} title={t('terms.remove')}>×</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="terms-problems" role="alert">
          {problems.slice(0, 5).map((p, i) => <li key={i}>{problemText(t, p)}</li>)}
        </ul>
      )}
      <div className="panel-actions">
        <button onClick={() => setRows([...(rows ?? []), { preferred: '', variants: '', accepted: '' }])} disabled={rows === null}>{t('terms.add')}</button>
        <span className="hint">{t('terms.count', { n: rows?.length ?? 0 })}</span>
        <button className="primary" disabled={rows === null || problems.length > 0 || saving} onClick={() => void save()}>{t('caption.save')}</button>
        <button onClick={onClose}>{t('app.dismiss')}</button>
      </div>
    </div>
  );
}
