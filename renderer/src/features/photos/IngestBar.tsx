import { useI18n } from '../../i18n';
import { ratePerSecond, type IngestProgress } from './ingest-queue';

export function IngestBar({ progress: p, onCancel, onClose }: { progress: IngestProgress; onCancel(): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const running = p.finishedAt === null && !p.cancelled;
  return (
    <div className="ingest-bar" role="status" data-ingest-state={running ? 'running' : 'done'}>
      <progress max={p.total} value={p.done} />
      <span className="ingest-count">{t('ingest.count', { done: p.done, total: p.total, rate: ratePerSecond(p).toFixed(1) })}</span>
      <span>{t('ingest.summary', { added: p.added, dup: p.duplicates, failed: p.failed.length })}</span>
      {running ? <button onClick={onCancel}>{t('ingest.cancel')}</button> : <button onClick={onClose}>{t('app.dismiss')}</button>}
      {p.failed.length > 0 && (
        <details className="ingest-failures" open>
          <summary>{t('ingest.failures', { n: p.failed.length })}</summary>
          <ul>{p.failed.map((f, i) => <li key={i}><strong>{f.name}</strong>：{f.message[lang]}</li>)}</ul>
        </details>
      )}
    </div>
  );
}
