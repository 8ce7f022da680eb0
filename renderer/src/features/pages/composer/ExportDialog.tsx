import { useEffect, useState } from 'react';
import type { ExportResult, PreflightFindingData } from '../../../../../shared/contract/export-schemas';
import type { Edition, Page } from '../../../../../shared/document/schema';
import { call, exportFileUrl, hostKind } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { trackJob } from '../../../polish/jobs';
import type { PressFormat } from '../../../../../shared/contract/press-schemas';
import { PressSection } from '../../../export/PressSection';

// Export: the preflight first (InDesign's is a panel; here it is the top of the dialog),
// then the chosen formats written into the edition's exports/ folder.

interface Props { editionRef: string; edition: Edition; page: Page; lang: 'zh' | 'en'; onClose(): void; onError(e: unknown): void }

export function ExportDialog({ editionRef, page, lang, onClose, onError }: Props) {
  const { t, lang: ui } = useI18n();
  const [scope, setScope] = useState<'page' | 'all'>('page');
  const [pdf, setPdf] = useState(true);
  const [bleed, setBleed] = useState(0);
  const [marks, setMarks] = useState(false);
  const [png, setPng] = useState(false);
  const [dpi, setDpi] = useState(150);
  const [format, setFormat] = useState<'png' | 'jpeg'>('png');
  const [html, setHtml] = useState(false);
  const [pkg, setPkg] = useState(false);
  const [press, setPress] = useState<PressFormat | null>(null);
  const [findings, setFindings] = useState<PreflightFindingData[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const pages = scope === 'page' ? [page.id] : undefined;

  useEffect(() => {
    setFindings(null);
    call('export:preflight', { edition: editionRef, lang, ...(pages ? { pages } : {}) }).then(setFindings, onError);
  }, [editionRef, lang, scope]);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const formats = {
        ...(pdf ? { pdf: { bleedMm: bleed, marks } } : {}),
        ...(png ? { png: { dpi, format, quality: 88 } } : {}),
        ...(html ? { html: true as const } : {}),
        ...(pkg ? { package: true as const } : {}),
        ...(press ? { press } : {}),
      };
      setResult(await trackJob('export', () => call('export:run', { edition: editionRef, lang, formats, ...(pages ? { pages } : {}) })));
    } catch (e) { onError(e); } finally { setBusy(false); }
  };
  const msgLang = ui === 'en' ? 'en' : 'zh-CN';
  const errors = (findings ?? []).filter((f) => f.severity === 'error');

  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div className="dialog export-dialog" role="dialog" aria-label={t('pageExport.title')} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <h2>{t('pageExport.title')}</h2>
        <section className="preflight" data-preflight={findings ? findings.length : 'running'}>
          <h3>{t('pageExport.preflight')}</h3>
          {!findings ? <p>{t('pageExport.preflight.running')}</p> : findings.length === 0 ? <p>{t('pageExport.preflight.none')}</p> : (
            <>
              <p className="pf-summary" data-errors={errors.length}>{t('export.preflight.summary', { errors: errors.length, warnings: findings.length - errors.length })}</p>
              {/* Errors first: what must be fixed before print, then what a designer may accept. */}
              <ul>{[...errors, ...findings.filter((f) => f.severity !== 'error')].map((f, i) => (
                <li key={i} className={`pf-${f.severity}`} data-finding={f.id} data-severity={f.severity}>
                  <span className="pf-tag">{t(f.severity === 'error' ? 'export.preflight.error' : 'export.preflight.warning')}</span> {f.message[msgLang]}
                </li>
              ))}</ul>
            </>
          )}
        </section>
        <fieldset>
          <legend>{t('pageExport.scope')}</legend>
          <label><input type="radio" name="scope" checked={scope === 'page'} onChange={() => setScope('page')} />{t('pageExport.scope.page')}</label>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />{t('pageExport.scope.all')}</label>
        </fieldset>
        <fieldset>
          <label><input type="checkbox" name="pdf" checked={pdf} onChange={(e) => setPdf(e.target.checked)} />{t('pageExport.pdf')}</label>
          <label>{t('pageExport.bleed')} <input type="number" name="bleed" min={0} max={20} value={bleed} onChange={(e) => setBleed(Number(e.target.value) || 0)} /></label>
          <label><input type="checkbox" name="marks" checked={marks} onChange={(e) => setMarks(e.target.checked)} />{t('pageExport.marks')}</label>
        </fieldset>
        <fieldset>
          <label><input type="checkbox" name="png" checked={png} onChange={(e) => setPng(e.target.checked)} />{t('pageExport.png')}</label>
          <label>{t('pageExport.dpi')} <input type="number" name="dpi" min={36} max={300} value={dpi} onChange={(e) => setDpi(Number(e.target.value) || 150)} /></label>
          <label>{t('pageExport.format')} <select name="format" value={format} onChange={(e) => setFormat(e.target.value as 'png' | 'jpeg')}><option value="png">PNG</option><option value="jpeg">JPEG</option></select></label>
        </fieldset>
        <fieldset>
          <label><input type="checkbox" name="html" checked={html} onChange={(e) => setHtml(e.target.checked)} />{t('pageExport.html')}</label>
          <label><input type="checkbox" name="package" checked={pkg} onChange={(e) => setPkg(e.target.checked)} />{t('pageExport.package')}</label>
        </fieldset>
        <PressSection editionRef={editionRef} pageId={page.id} lang={lang} onChange={setPress} onError={onError} />
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={busy || !(pdf || png || html || pkg || press)} onClick={() => void run()} data-action="run-export">
            {busy ? t('pageExport.running') : t('pageExport.run')}
          </button>
          <button type="button" onClick={onClose}>{t('pageExport.close')}</button>
        </div>
        {result && (
          <div className="export-result" data-export-folder={result.folder}>
            <p>{t('pageExport.done', { folder: result.folder })}</p>
            <ul>
              {result.files.map((f) => (
                <li key={f.path} data-export-kind={f.kind}>
                  {hostKind() === 'browser'
                    ? <a href={exportFileUrl(f.path)} download>{f.path.split('/').pop()}</a>
                    : <button type="button" className="link" onClick={() => call('export:reveal', { path: f.path }).catch(onError)}>{f.path.split('/').pop()} · {t('pageExport.reveal')}</button>}
                  {' '}<small>{(f.bytes / 1024).toFixed(0)} KB</small>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
