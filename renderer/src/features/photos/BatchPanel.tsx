import { useEffect, useMemo, useRef, useState } from 'react';
import type { Settings } from '../../../../shared/settings/schema';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import {
  applyTemplate, expandTemplateParts, TEMPLATE_FIELDS, TEMPLATE_MODES, TEMPLATE_VARIABLES, type CaptionTemplate, type TemplateField, type TemplateMode,
} from '../../../../shared/photo/template';
import { expandCodes } from '../../../../shared/photo/code-replace';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { planBatch, VARIABLE_FIELD } from './template-missing';
import { MarksBar } from './MarksBar';
import type { PhotoMarks } from '../../../../shared/photo/marks';

// Batch captioning, as Photo Mechanic's stationery pad: a saved template applied to every
// selected photo, field by field — only ticked fields change, each replaced, appended to or
// prepended to what the photo has. Variables ({city}, {date:yyyy年M月d日}, {caption} …) are
// filled per photo; a photo without a value is listed, and left alone unless the user says
// to apply with the value left empty. Nothing is ever filled with today's date.

interface Props {
  photos: LibraryPhoto[];
  settings: Settings;
  onApply(items: { id: string; meta: LibraryPhoto['meta'] }[]): Promise<void>;
  onSaveTemplates(list: CaptionTemplate[]): Promise<void>;
  onMark(marks: PhotoMarks): void;
  /** Focus the contact sheet (Escape in a template field). */
  onLeave(): void;
}

const FIELD_KEYS: Record<TemplateField, MessageKey> = {
  'caption.zh': 'caption.zh', 'caption.en': 'caption.en', headline: 'caption.headline', creator: 'caption.creator', credit: 'caption.credit',
  source: 'caption.source', copyright: 'caption.copyright', dateCreated: 'caption.dateCreated', 'location.city': 'caption.city',
  'location.sublocation': 'caption.sublocation', keywords: 'caption.keywords',
};
const MODE_KEYS: Record<TemplateMode, MessageKey> = { replace: 'pd.mode.replace', append: 'pd.mode.append', prepend: 'pd.mode.prepend' };

export function BatchPanel({ photos, settings, onApply, onSaveTemplates, onMark, onLeave }: Props) {
  const { t } = useI18n();
  const templates = settings.captionTemplates as CaptionTemplate[];
  const [tplId, setTplId] = useState(templates[0]?.id ?? '');
  const base = templates.find((x) => x.id === tplId);
  const [fields, setFields] = useState<CaptionTemplate['fields']>(base?.fields ?? {});
  const [modes, setModes] = useState<NonNullable<CaptionTemplate['modes']>>(base?.modes ?? {});
  const [ticked, setTicked] = useState<Set<TemplateField>>(new Set(Object.keys(base?.fields ?? {}) as TemplateField[]));
  const [busy, setBusy] = useState(false);
  const [fillEmpty, setFillEmpty] = useState(false);
  const [done, setDone] = useState<{ applied: number; skipped: number } | null>(null);
  const lastField = useRef<TemplateField>('caption.zh');
  useEffect(() => {
    setFields(base?.fields ?? {});
    setModes(base?.modes ?? {});
    setTicked(new Set(Object.keys(base?.fields ?? {}) as TemplateField[]));
  }, [base]);

  const tpl: CaptionTemplate = useMemo(() => ({ id: tplId || 'custom', name: base?.name ?? 'custom', fields, modes }), [tplId, base, fields, modes]);
  const plan = useMemo(() => planBatch(photos, tpl, [...ticked]), [photos, tpl, ticked]);
  const toApply = plan.items.filter((i) => fillEmpty || !i.missing);
  // The preview shows a photo that lacks a value when there is one, so the gap is seen.
  const first = plan.items.find((i) => i.missing)?.photo ?? photos[0];

  const apply = async () => {
    setBusy(true);
    try {
      await onApply(toApply.map((i) => ({ id: i.photo.id, meta: i.meta })));
      setDone({ applied: toApply.length, skipped: plan.items.length - toApply.length });
    } finally { setBusy(false); }
  };
  const saveTemplate = () => onSaveTemplates(templates.map((x) => (x.id === tplId ? { ...x, fields, modes } : x)));
  // window.prompt does not exist in Electron, so the new name is typed inline.
  const [newName, setNewName] = useState<string | null>(null);
  const saveAsNew = () => {
    const name = newName?.trim();
    if (!name) return;
    const id = `tpl-${Date.now().toString(36)}`;
    void onSaveTemplates([...templates, { id, name, fields, modes }]).then(() => { setTplId(id); setNewName(null); });
  };
  const tick = (f: TemplateField, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(f); else next.delete(f);
    setTicked(next);
  };
  const setText = (f: TemplateField, v: string) => {
    setFields({ ...fields, [f]: expandCodes(v, settings.codeReplacements, f === 'caption.en' ? 'en' : 'zh') });
    tick(f, true);
  };
  const insertVariable = (v: string) => {
    const f = lastField.current;
    setText(f, `${fields[f] ?? ''}{${v}}`);
  };

  const preview = (f: TemplateField) => {
    const text = fields[f];
    if (!first || !ticked.has(f) || text === undefined) return null;
    // Captions see the plain fields this template sets (its {city}), as applyTemplate does.
    const ctx = { tech: first.tech, fileName: first.fileName };
    const seen = applyTemplate(first.meta, tpl, [...ticked].filter((x) => !x.startsWith('caption')), ctx);
    const parts = expandTemplateParts(text, { ...ctx, meta: { ...seen, caption: first.meta.caption } });
    const mode = modes[f] ?? 'replace';
    const old = f === 'caption.zh' ? first.meta.caption.zh : first.meta.caption.en;
    const body = parts.map((p, i) => ('text' in p ? <span key={i}>{p.text}</span>
      : <mark key={i} className="tpl-missing" title={t('pd.missingOne', { what: t(VARIABLE_FIELD[p.missing] ?? 'pd.var.filename') })}>{`{${p.missing}}`}</mark>));
    return (
      <p lang={f === 'caption.en' ? 'en' : 'zh-CN'} data-field={f}>
        {mode === 'append' && old && <span className="dim">{old} </span>}
        {body}
        {mode === 'prepend' && old && <span className="dim"> {old}</span>}
      </p>
    );
  };

  return (
    <div className="batch-panel" role="region" aria-label={t('batch.title', { n: photos.length })}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
        e.preventDefault();
        (document.activeElement as HTMLElement | null)?.blur();
        onLeave();
      }}>
      <h3 className="panel-title">{t('batch.title', { n: photos.length })}</h3>
      <MarksBar rating={photos.every((p) => p.rating === photos[0]!.rating) ? photos[0]!.rating : null}
        label={photos.every((p) => p.label === photos[0]!.label) ? photos[0]!.label : null} onMark={onMark} />
      <label className="field"><span>{t('batch.template')}</span>
        <select value={tplId} onChange={(e) => setTplId(e.target.value)} name="template">
          {templates.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
      </label>
      {TEMPLATE_FIELDS.map((f) => (
        <div key={f} className="tpl-field">
          <label className="tick">
            <input type="checkbox" name={`tick-${f}`} checked={ticked.has(f)} onChange={(e) => tick(f, e.target.checked)} />
            <span>{t(FIELD_KEYS[f])}</span>
          </label>
          <input name={`tpl-${f}`} aria-label={t(FIELD_KEYS[f])} value={fields[f] ?? ''} lang={f === 'caption.en' ? 'en' : undefined}
            onFocus={() => { lastField.current = f; }} onChange={(e) => setText(f, e.target.value)} />
          <select name={`mode-${f}`} aria-label={t('pd.modeOf', { field: t(FIELD_KEYS[f]) })} value={modes[f] ?? 'replace'}
            disabled={f === 'dateCreated'} onChange={(e) => setModes({ ...modes, [f]: e.target.value as TemplateMode })}>
            {TEMPLATE_MODES.map((m) => <option key={m} value={m}>{t(MODE_KEYS[m])}</option>)}
          </select>
        </div>
      ))}
      <div className="tpl-vars" role="group" aria-label={t('pd.variables')}>
        <span className="hint">{t('pd.variables')}</span>
        {TEMPLATE_VARIABLES.map((v) => (
          <button key={v} type="button" className="chip" name={`var-${v}`} onMouseDown={(e) => e.preventDefault()} onClick={() => insertVariable(v)}>{`{${v}}`}</button>
        ))}
        <span className="hint">{t('pd.variablesHint')}</span>
      </div>
      {first && (ticked.has('caption.zh') || ticked.has('caption.en')) && (
        <div className="batch-preview" aria-label={t('batch.preview')}><span>{t('pd.previewOf', { name: first.fileName })}</span>
          {preview('caption.zh')}{preview('caption.en')}
        </div>
      )}
      {plan.missing.size > 0 && (
        <div className="tpl-missing-list" role="alert">
          {[...plan.missing].map(([v, names]) => (
            <p key={v} data-variable={v}>
              <strong>{t('pd.missingCount', { n: names.length, what: t(VARIABLE_FIELD[v] ?? 'pd.var.filename') })}</strong>
              <span className="names">{names.slice(0, 8).join('、')}{names.length > 8 ? ' …' : ''}</span>
            </p>
          ))}
          <label className="tick">
            <input type="checkbox" name="fill-empty" checked={fillEmpty} onChange={(e) => setFillEmpty(e.target.checked)} />
            <span>{t('pd.fillEmpty')}</span>
          </label>
        </div>
      )}
      <div className="panel-actions">
        <button className="primary" onClick={() => void apply()} disabled={busy || ticked.size === 0 || toApply.length === 0} name="apply-template">
          {busy ? t('caption.saving') : t('batch.apply', { n: toApply.length })}
        </button>
        <button onClick={() => void saveTemplate()} disabled={!base}>{t('batch.saveTemplate')}</button>
        {newName === null
          ? <button onClick={() => setNewName(`${base?.name ?? ''} 2`)}>{t('batch.saveAs')}</button>
          : (<>
            <input name="new-template-name" aria-label={t('batch.newName')} value={newName} onChange={(e) => setNewName(e.target.value)} />
            <button onClick={saveAsNew} disabled={!newName.trim()}>{t('caption.save')}</button>
          </>)}
      </div>
      {done && <p className="hint" role="status">{t('pd.applied', { n: done.applied, skipped: done.skipped })}</p>}
    </div>
  );
}
