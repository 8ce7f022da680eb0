import { useState } from 'react';
import type { StorySummary } from '../../../../../shared/contract/contract';
import { BLOCK_KINDS, type Block, type Edition, type Page } from '../../../../../shared/document/schema';
import type { PageReport } from '../../../../../shared/layout/report';
import { useI18n } from '../../../i18n';
import { copyfitLabel } from './CopyfitBadge';
import { ExportDialog } from './ExportDialog';
import { ProofDialog } from '../../../export/ProofDialog';

interface Props {
  editionRef: string;
  edition: Edition;
  page: Page;
  lang: 'zh' | 'en';
  zoom: number | 'fit';
  shownZoom: number;
  report: PageReport | null;
  saveState: 'saved' | 'dirty' | 'saving';
  stories: StorySummary[];
  onLang(l: 'zh' | 'en'): void;
  onZoom(z: number | 'fit'): void;
  onAdd(kind: Block['kind']): void;
  onUndo(): void;
  onRedo(): void;
  onError(e: unknown): void;
}

const ADDABLE = BLOCK_KINDS.filter((k) => k !== 'footer');

export function ComposerToolbar(p: Props) {
  const { t } = useI18n();
  const [exporting, setExporting] = useState(false);
  const [proofing, setProofing] = useState(false);
  const titles = new Map(p.stories.map((s) => [s.id, s.title]));
  const fits = (p.report?.frames ?? []).filter((f) => f.last);
  return (
    <div className="composer-toolbar">
      <div className="seg" role="group" aria-label={t('compose.lang')}>
        <button type="button" className={p.lang === 'zh' ? 'active' : ''} onClick={() => p.onLang('zh')} data-lang="zh">{t('compose.langZh')}</button>
        <button type="button" className={p.lang === 'en' ? 'active' : ''} onClick={() => p.onLang('en')} data-lang="en">{t('compose.langEn')}</button>
      </div>
      <label className="tb-zoom">
        {t('compose.zoom')}
        <select name="zoom" value={p.zoom === 'fit' ? 'fit' : String(p.zoom)} onChange={(e) => p.onZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}>
          <option value="fit">{t('compose.fit')} ({Math.round(p.shownZoom * 100)}%)</option>
          {[0.25, 0.5, 0.75, 1, 1.5, 2].map((z) => <option key={z} value={String(z)}>{z * 100}%</option>)}
        </select>
      </label>
      <select name="add-block" value="" onChange={(e) => { if (e.target.value) p.onAdd(e.target.value as Block['kind']); }}>
        <option value="">{t('compose.addPick')}</option>
        {ADDABLE.map((k) => <option key={k} value={k}>{t(`block.${k}` as never)}</option>)}
      </select>
      <button type="button" onClick={p.onUndo} title="Ctrl+Z">{t('compose.undo')}</button>
      <button type="button" onClick={p.onRedo} title="Ctrl+Shift+Z">{t('compose.redo')}</button>
      <span className="tb-fits" aria-live="polite">
        {fits.map((f) => {
          // The title gives way with an ellipsis (polish.css), the status is always whole (issue 17).
          const title = titles.get(f.storyId) ?? f.storyId;
          const status = copyfitLabel(t, f);
          const sep = t('compose.fit.summary', { title: '', status: '' });
          return (
            <span key={f.blockId} className={`copyfit copyfit-${f.status}`} data-summary-story={f.storyId} title={t('compose.fit.summary', { title, status })}>
              <span className="fit-title">{title}</span><span className="fit-status">{sep}{status}</span>
            </span>
          );
        })}
      </span>
      <span className={`save-status ${p.saveState}`} data-page-save={p.saveState}>{t(`compose.${p.saveState}`)}</span>
      <button type="button" onClick={() => setProofing(true)} data-action="proofs">{t('compose.proofs')}</button>
      <button type="button" className="primary" onClick={() => setExporting(true)} data-action="export">{t('compose.export')}</button>
      {exporting && <ExportDialog editionRef={p.editionRef} edition={p.edition} page={p.page} lang={p.lang} onClose={() => setExporting(false)} onError={p.onError} />}
      {proofing && <ProofDialog editionRef={p.editionRef} page={p.page} lang={p.lang} onClose={() => setProofing(false)} onError={p.onError} />}
    </div>
  );
}
