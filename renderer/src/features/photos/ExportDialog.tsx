import { useState } from 'react';
import type { Settings } from '../../../../shared/settings/schema';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';

// Resized copies of the selected photos for layout or the web, captions kept inside.
export function ExportDialog({ ids, settings, onClose, onError }: { ids: string[]; settings: Settings; onClose(): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n();
  const [opts, setOpts] = useState(settings.photoExport);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await call('settings:set', { photoExport: opts });
      const r = await call('library:export', { ids, ...opts });
      setResult([t('export.done', { n: r.written.length, folder: r.folder }), ...r.failed.map((f) => `${f.id}: ${f.error.message[lang]}`)].join('\n'));
    } catch (e) { onError(e); } finally { setBusy(false); }
  };
  return (
    <div className="dialog" role="dialog" aria-label={t('export.title')}>
      <h3>{t('export.title')} · {t('photos.selected', { n: ids.length })}</h3>
      <label className="field"><span>{t('export.longEdge')}</span>
        <input type="number" name="longEdge" min={200} max={20000} value={opts.longEdge} onChange={(e) => setOpts({ ...opts, longEdge: Number(e.target.value) })} /></label>
      <label className="field"><span>{t('export.quality')}</span>
        <input type="number" name="quality" min={30} max={100} value={opts.quality} onChange={(e) => setOpts({ ...opts, quality: Number(e.target.value) })} /></label>
      <label className="field"><span>{t('export.watermark')}</span>
        <input name="watermark" value={opts.watermark} onChange={(e) => setOpts({ ...opts, watermark: e.target.value })} /></label>
      {result && <pre className="result">{result}</pre>}
      <div className="panel-actions">
        <button className="primary" onClick={() => void run()} disabled={busy}>{busy ? t('export.running') : t('export.run')}</button>
        <button onClick={onClose}>{t('app.dismiss')}</button>
      </div>
    </div>
  );
}
