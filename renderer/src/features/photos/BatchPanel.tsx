import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../../../shared/settings/schema';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { applyTemplate, TEMPLATE_FIELDS, type CaptionTemplate, type TemplateField } from '../../../../shared/photo/template';
import { expandCodes } from '../../../../shared/photo/code-replace';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';

// Batch captioning: a saved template applied to every selected photo, field by field —
// only ticked fields change. Variables ({city}, {date:yyyy年M月d日}, {creator}) are filled
// per photo, so one template gives each photo its own date and byline.

interface Props {
  photos: LibraryPhoto[];
  settings: Settings;
  onApply(items: { id: string; meta: LibraryPhoto['meta'] }[]): Promise<void>;
  onSaveTemplates(list: CaptionTemplate[]): Promise<void>;
}

const FIELD_KEYS: Record<TemplateField, MessageKey> = {
  'caption.zh': 'caption.zh', 'caption.en': 'caption.en', headline: 'caption.headline', creator: 'caption.creator', credit: 'caption.credit',
  source: 'caption.source', copyright: 'caption.copyright', dateCreated: 'caption.dateCreated', 'location.city': 'caption.city',
  'location.sublocation': 'caption.sublocation', keywords: 'caption.keywords',
};

export function BatchPanel({ photos, settings, onApply, onSaveTemplates }: Props) {
  const { t } = useI18n();
  const templates = settings.captionTemplates as CaptionTemplate[];
  const [tplId, setTplId] = useState(templates[0]?.id ?? '');
  const base = templates.find((x) => x.id === tplId);
  const [fields, setFields] = useState<CaptionTemplate['fields']>(base?.fields ?? {});
  const [ticked, setTicked] = useState<Set<TemplateField>>(new Set(Object.keys(base?.fields ?? {}) as TemplateField[]));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setFields(base?.fields ?? {});
    setTicked(new Set(Object.keys(base?.fields ?? {}) as TemplateField[]));
  }, [base]);

  const today = new Date().toISOString().slice(0, 10);
  const tpl: CaptionTemplate = { id: tplId || 'custom', name: base?.name ?? 'custom', fields };
  const preview = useMemo(() => {
    const p = photos[0];
    return p ? applyTemplate(p.meta, tpl, [...ticked], { tech: p.tech, fileName: p.fileName, today }) : null;
  }, [photos, tpl, ticked, today]);

  const apply = async () => {
    setBusy(true);
    try {
      await onApply(photos.map((p) => ({ id: p.id, meta: applyTemplate(p.meta, tpl, [...ticked], { tech: p.tech, fileName: p.fileName, today }) })));
    } finally { setBusy(false); }
  };
  const saveTemplate = () => onSaveTemplates(templates.map((x) => (x.id === tplId ? { ...x, fields } : x)));
  // window.prompt does not exist in Electron, so the new name is typed inline.
  const [newName, setNewName] = useState<string | null>(null);
  const saveAsNew = () => {
    const name = newName?.trim();
    if (!name) return;
    const id = `tpl-${Date.now().toString(36)}`;
    void onSaveTemplates([...templates, { id, name, fields }]).then(() => { setTplId(id); setNewName(null); });
  };

  return (
    <div className="batch-panel">
      <h3 className="panel-title">{t('batch.title', { n: photos.length })}</h3>
      <label className="field"><span>{t('batch.template')}</span>
        <select value={tplId} onChange={(e) => setTplId(e.target.value)} name="template">
          {templates.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
      </label>
      {TEMPLATE_FIELDS.map((f) => (
        <div key={f} className="tpl-field">
          <label className="tick">
            <input type="checkbox" name={`tick-${f}`} checked={ticked.has(f)} onChange={(e) => {
              const next = new Set(ticked);
              if (e.target.checked) next.add(f); else next.delete(f);
              setTicked(next);
            }} />
            <span>{t(FIELD_KEYS[f])}</span>
          </label>
          <input name={`tpl-${f}`} value={fields[f] ?? ''} onChange={(e) => {
            setFields({ ...fields, [f]: expandCodes(e.target.value, settings.codeReplacements) });
            setTicked(new Set(ticked).add(f));
          }} />
        </div>
      ))}
      <p className="hint">{t('batch.variables')}</p>
      {preview && (
        <div className="batch-preview"><span>{t('batch.preview')}</span>
          <p lang="zh-CN">{preview.caption.zh}</p><p lang="en">{preview.caption.en}</p>
        </div>
      )}
      <div className="panel-actions">
        <button className="primary" onClick={() => void apply()} disabled={busy || ticked.size === 0} name="apply-template">
          {busy ? t('caption.saving') : t('batch.apply', { n: photos.length })}
        </button>
        <button onClick={() => void saveTemplate()} disabled={!base}>{t('batch.saveTemplate')}</button>
        {newName === null
          ? <button onClick={() => setNewName(`${base?.name ?? ''} 2`)}>{t('batch.saveAs')}</button>
          : (<>
            <input name="new-template-name" aria-label={t('batch.newName')} value={newName} onChange={(e) => setNewName(e.target.value)} />
            <button onClick={saveAsNew} disabled={!newName.trim()}>{t('caption.save')}</button>
          </>)}
      </div>
    </div>
  );
}
