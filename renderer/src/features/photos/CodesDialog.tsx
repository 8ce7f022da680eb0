import { useRef, useState } from 'react';
import { CODE_PATTERN, type CodeReplacement } from '../../../../shared/photo/code-replace';
import { decodeCodeFile, formatPmCodes, parsePmCodes } from '../../../../shared/photo/pm-codes';
import { useI18n } from '../../i18n';

// The user's code replacement table, kept in settings: one row per code, "=code=" then the
// Chinese and the English expansion on one line (a grid, so the = signs never wrap away
// from their code). Photo Mechanic's code file comes in and goes out as it is: code TAB
// first expansion TAB second, the first read as Chinese and the second as English.

export function CodesDialog({ codes, onSave, onClose }: { codes: CodeReplacement[]; onSave(c: CodeReplacement[]): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<CodeReplacement[]>(codes);
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const valid = rows.every((r) => CODE_PATTERN.test(r.code));
  const edit = (i: number, patch: Partial<CodeReplacement>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const importFile = async (file: File) => {
    const { codes: read, skipped } = parsePmCodes(decodeCodeFile(new Uint8Array(await file.arrayBuffer())));
    // A code already in the table takes the file's expansions; new codes go to the end.
    const byCode = new Map(read.map((r) => [r.code.toLowerCase(), r]));
    const merged = rows.map((r) => byCode.get(r.code.toLowerCase()) ?? r);
    const known = new Set(rows.map((r) => r.code.toLowerCase()));
    setRows([...merged, ...read.filter((r) => !known.has(r.code.toLowerCase()))]);
    setNote(t('pd.codes.imported', { n: read.length, skipped: skipped.length })
      + (skipped.length ? ` ${skipped.slice(0, 5).map((s) => t('pd.codes.line', { n: s.line })).join('、')}` : ''));
  };
  const exportFile = () => {
    const blob = new Blob([formatPmCodes(rows.filter((r) => CODE_PATTERN.test(r.code)))], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'code-replacements.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <div className="dialog codes-dialog" role="dialog" aria-label={t('codes.title')}>
      <h3>{t('codes.title')}</h3>
      <p className="hint">{t('pd.codes.hint')}</p>
      <div className="codes-grid" role="table" aria-label={t('codes.title')}>
        <div className="codes-head" role="row">
          <span role="columnheader">{t('pd.codes.code')}</span>
          <span role="columnheader">{t('pd.codes.zh')}</span>
          <span role="columnheader">{t('pd.codes.en')}</span>
          <span />
        </div>
        {rows.map((r, i) => (
          <div className="codes-row" role="row" key={i}>
            <span className="code-cell" role="cell">
              <span aria-hidden="true">=</span>
              <input name={`code-${i}`} aria-label={t('pd.codes.code')} value={r.code} aria-invalid={!CODE_PATTERN.test(r.code)}
                onChange={(e) => edit(i, { code: e.target.value })} />
              <span aria-hidden="true">=</span>
            </span>
            <span role="cell"><input name={`text-${i}`} lang="zh-CN" aria-label={t('pd.codes.zhOf', { code: r.code })} value={r.text} onChange={(e) => edit(i, { text: e.target.value })} /></span>
            <span role="cell"><input name={`en-${i}`} lang="en" aria-label={t('pd.codes.enOf', { code: r.code })} value={r.en ?? ''} onChange={(e) => edit(i, { en: e.target.value })} /></span>
            <span role="cell"><button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('pd.codes.removeOf', { code: r.code })}>×</button></span>
          </div>
        ))}
      </div>
      {note && <p className="hint" role="status">{note}</p>}
      <p className="hint">{t('pd.codes.pmHint')}</p>
      <div className="panel-actions">
        <button type="button" onClick={() => setRows([...rows, { code: '', text: '', en: '' }])}>{t('codes.add')}</button>
        <button type="button" onClick={() => fileInput.current?.click()}>{t('pd.codes.import')}</button>
        <input ref={fileInput} type="file" name="import-codes" accept=".txt,text/plain" hidden
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
        <button type="button" onClick={exportFile}>{t('pd.codes.export')}</button>
        <button type="button" className="primary" disabled={!valid} onClick={() => void onSave(rows.map((r) => (r.en?.trim() ? r : { code: r.code, text: r.text, en: '' }))).then(onClose)}>{t('caption.save')}</button>
        <button type="button" onClick={onClose}>{t('app.dismiss')}</button>
      </div>
    </div>
  );
}
