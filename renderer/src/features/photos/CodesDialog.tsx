import { useState } from 'react';
import type { CodeReplacement } from '../../../../shared/photo/code-replace';
import { useI18n } from '../../i18n';

// The user's code replacement table (=qy= → 沁源县), kept in settings.
export function CodesDialog({ codes, onSave, onClose }: { codes: CodeReplacement[]; onSave(c: CodeReplacement[]): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState(codes);
  const valid = rows.every((r) => /^[A-Za-z0-9_]{1,24}$/.test(r.code));
  return (
    <div className="dialog" role="dialog" aria-label={t('codes.title')}>
      <h3>{t('codes.title')}</h3>
      <p className="hint">{t('codes.hint')}</p>
      <table className="codes">
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>=<input name={`code-${i}`} value={r.code} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))} />=</td>
              <td><input name={`text-${i}`} value={r.text} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} /></td>
              <td><button onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('codes.remove')}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="panel-actions">
        <button onClick={() => setRows([...rows, { code: '', text: '' }])}>{t('codes.add')}</button>
        <button className="primary" disabled={!valid} onClick={() => void onSave(rows).then(onClose)}>{t('caption.save')}</button>
        <button onClick={onClose}>{t('app.dismiss')}</button>
      </div>
    </div>
  );
}
