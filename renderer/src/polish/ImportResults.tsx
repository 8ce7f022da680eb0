import { useI18n } from '../i18n';

// What one copy import did, file by file (issue 17): every file that failed with its own
// message (empty, unreadable, too large…), and the stories that went in.

export interface ImportOutcome {
  added: { file: string; title: string }[];
  failed: { file: string; message: { 'zh-CN': string; en: string } }[];
}

export function ImportResults({ results, onClose }: { results: ImportOutcome; onClose(): void }) {
  const { t, lang } = useI18n();
  return (
    <div className="import-results" role="status" data-import-results="">
      {results.failed.length > 0 && (
        <div className="failed" role="alert">
          <strong>{t('import.failed', { n: results.failed.length })}</strong>
          <ul>{results.failed.map((f) => <li key={f.file} data-import-failed={f.file}>{f.file}{lang === 'en' ? ': ' : '：'}{f.message[lang]}</li>)}</ul>
        </div>
      )}
      {results.added.length > 0 && (
        <div className="added">
          <strong>{t('import.added', { n: results.added.length })}</strong>
          <ul>{results.added.map((a) => <li key={a.file} data-import-added={a.file}>{lang === 'en' ? `${a.title} (${a.file})` : `${a.title}（${a.file}）`}</li>)}</ul>
        </div>
      )}
      <button type="button" onClick={onClose} aria-label={t('import.dismiss')}>×</button>
    </div>
  );
}
