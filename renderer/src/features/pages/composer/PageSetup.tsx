import type { Edition, Page, PageSize } from '../../../../../shared/document/schema';
import { PAGE_PRESETS } from '../../../../../shared/document/schema';
import { useI18n } from '../../../i18n';
import { NumberField, Row } from './fields';

// With nothing selected, the inspector shows the page: the edition's page size (one size
// for all its pages, as a printer's run has) and this page's grid.
export function PageSetup({ edition, page, onGrid, onSize }: { edition: Edition; page: Page; onGrid(g: Page['grid']): void; onSize(s: PageSize): void }) {
  const { t } = useI18n();
  const s = edition.pageSize;
  const g = page.grid;
  const m = g.margins;
  return (
    <div className="inspector page-setup">
      <h3>{t('compose.page')}</h3>
      <Row label={t('compose.preset')}>
        <select name="preset" value={s.preset} onChange={(e) => {
          const v = e.target.value as PageSize['preset'];
          onSize(v === 'custom' ? { ...s, preset: 'custom' } : PAGE_PRESETS[v]);
        }}>
          {(['broadsheet', 'tabloid', 'a3', 'a4', 'custom'] as const).map((p) => <option key={p} value={p}>{t(`compose.preset.${p}`)}</option>)}
        </select>
      </Row>
      <div className="insp-grid">
        <Row label={t('compose.width')}><NumberField name="widthMm" value={s.widthMm} min={50} max={2000} onCommit={(v) => onSize({ ...s, preset: 'custom', widthMm: v })} /></Row>
        <Row label={t('compose.height')}><NumberField name="heightMm" value={s.heightMm} min={50} max={2000} onCommit={(v) => onSize({ ...s, preset: 'custom', heightMm: v })} /></Row>
        <Row label={t('compose.columns')}><NumberField name="columns" value={g.columns} min={1} max={24} onCommit={(v) => onGrid({ ...g, columns: v })} /></Row>
        <Row label={t('compose.gutter')}><NumberField name="gutterMm" value={g.gutterMm} min={0} max={50} step={0.5} onCommit={(v) => onGrid({ ...g, gutterMm: v })} /></Row>
      </div>
      <Row label={t('compose.margins')}>
        <span className="insp-margins">
          {(['top', 'right', 'bottom', 'left'] as const).map((k) => (
            <NumberField key={k} name={`margin-${k}`} value={m[k]} min={0} max={200} step={0.5} onCommit={(v) => onGrid({ ...g, margins: { ...m, [k]: v } })} />
          ))}
        </span>
      </Row>
      <Row label={t('compose.baseline')}><NumberField name="baselineMm" value={g.baselineMm ?? 0} min={0} max={20} step={0.25} onCommit={(v) => onGrid({ ...g, baselineMm: v >= 1 ? v : undefined })} /></Row>
      <p className="hint">{t('compose.keys')}</p>
    </div>
  );
}
