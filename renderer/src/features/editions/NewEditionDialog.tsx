import { useState } from 'react';
import type { EditionSummary } from '../../../../shared/contract/contract';
import { MAX_NEW_PAGES, type SizePreset, type TemplateChoice } from '../../../../shared/contract/edition-schemas';
import { PAGE_PRESETS } from '../../../../shared/document/schema';
import { TEMPLATES } from '../../../../shared/layout/templates';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Modal } from '../../app/dialogs';

// 新建特刊: title, issue date, page size and one template per page, or "based on" an
// existing edition (its pages and styles, no stories, no photos).

const SIZES: SizePreset[] = ['broadsheet', 'tabloid', 'a3', 'a4'];
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const defaultTemplate = (i: number): TemplateChoice => (i === 0 ? 'front' : 'feature');

export function NewEditionDialog({ editions, onCreated, onClose, onError }: {
  editions: EditionSummary[]; onCreated(ref: string): void; onClose(): void; onError(e: unknown): void;
}) {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [source, setSource] = useState('');
  const [size, setSize] = useState<SizePreset>('broadsheet');
  const [templates, setTemplates] = useState<TemplateChoice[]>(['front', 'feature']);
  const [busy, setBusy] = useState(false);

  const setCount = (n: number) => {
    const count = Math.max(1, Math.min(MAX_NEW_PAGES, Math.floor(n) || 1));
    setTemplates((ts) => Array.from({ length: count }, (_, i) => ts[i] ?? defaultTemplate(i)));
  };
  const ok = title.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !busy;
  const create = async () => {
    setBusy(true);
    try {
      const { ref } = source
        ? await call('edition:create-from', { source, title: title.trim(), issueDate: date })
        : await call('edition:create', { title: title.trim(), issueDate: date, size, pages: templates });
      onCreated(ref);
    } catch (e) { onError(e); setBusy(false); }
  };
  const sizeLabel = (s: SizePreset) => `${t(`editions.size.${s}`)} ${PAGE_PRESETS[s].widthMm}×${PAGE_PRESETS[s].heightMm}`;

  return (
    <Modal label={t('editions.new')} onClose={onClose} className="new-edition">
      <form onSubmit={(e) => { e.preventDefault(); if (ok) void create(); }}>
        <label className="field"><span>{t('editions.field.title')}</span>
          <input name="edition-title" autoFocus value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} /></label>
        <label className="field"><span>{t('editions.field.date')}</span>
          <input name="edition-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="field"><span>{t('editions.field.basedOn')}</span>
          <select name="edition-source" value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">{t('editions.basedOn.templates')}</option>
            {editions.filter((e) => !e.error).map((e) => <option key={e.ref} value={e.ref}>{t('editions.basedOn.edition', { title: e.title })}</option>)}
          </select></label>
        {source ? <p className="hint">{t('editions.basedOn.hint')}</p> : (
          <>
            <label className="field"><span>{t('editions.field.size')}</span>
              <select name="edition-size" value={size} onChange={(e) => setSize(e.target.value as SizePreset)}>
                {SIZES.map((s) => <option key={s} value={s}>{sizeLabel(s)}</option>)}
              </select></label>
            <label className="field"><span>{t('editions.field.pages')}</span>
              <input name="edition-pages" type="number" min={1} max={MAX_NEW_PAGES} value={templates.length} onChange={(e) => setCount(Number(e.target.value))} /></label>
            <ol className="page-templates">
              {templates.map((tid, i) => (
                <li key={i}>
                  <label className="field"><span>{t('editions.pageTemplate', { n: i + 1 })}</span>
                    <select value={tid} onChange={(e) => setTemplates((ts) => ts.map((x, j) => (j === i ? e.target.value as TemplateChoice : x)))}>
                      {TEMPLATES.map((tp) => <option key={tp.id} value={tp.id}>{lang === 'en' ? tp.name.en : tp.name.zh}</option>)}
                    </select></label>
                </li>
              ))}
            </ol>
          </>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!ok}>{busy ? t('editions.creating') : t('editions.create')}</button>
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
