import { useEffect, useState } from 'react';
import type { PhotoMeta } from '../../../../shared/document/schema';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import type { CodeReplacement } from '../../../../shared/photo/code-replace';
import { useI18n } from '../../i18n';
import { CodeField } from './CodeField';
import { TechFacts } from './TechFacts';

// The IPTC core fields a newsroom fills in, for the one focused photo. Saving writes them
// into the file (XMP, and IPTC where the file has it) through main.
interface Props {
  photo: LibraryPhoto;
  codes: CodeReplacement[];
  onSave(meta: PhotoMeta): Promise<void>;
}

export function CaptionPanel({ photo, codes, onSave }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PhotoMeta>(photo.meta);
  const [keywords, setKeywords] = useState(photo.meta.keywords.join(', '));
  const [saving, setSaving] = useState(false);
  useEffect(() => { setDraft(photo.meta); setKeywords(photo.meta.keywords.join(', ')); }, [photo.id, photo.meta]);

  const set = (patch: Partial<PhotoMeta>) => setDraft((d) => ({ ...d, ...patch }));
  const full = (): PhotoMeta => ({ ...draft, keywords: keywords.split(/[,，、;；]/).map((k) => k.trim()).filter(Boolean) });
  const dirty = JSON.stringify(full()) !== JSON.stringify(photo.meta);
  const save = async () => { setSaving(true); try { await onSave(full()); } finally { setSaving(false); } };

  return (
    <form className="caption-panel" onSubmit={(e) => { e.preventDefault(); void save(); }}
      onKeyDown={(e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void save(); } }}>
      <h3 className="panel-title" title={photo.sourcePath}>{photo.fileName}</h3>
      <CodeField name="caption-zh" label={t('caption.zh')} value={draft.caption.zh} onChange={(v) => set({ caption: { ...draft.caption, zh: v } })} codes={codes} multiline lang="zh-CN" />
      <CodeField name="caption-en" label={t('caption.en')} value={draft.caption.en} onChange={(v) => set({ caption: { ...draft.caption, en: v } })} codes={codes} multiline lang="en" />
      <CodeField name="headline" label={t('caption.headline')} value={draft.headline} onChange={(v) => set({ headline: v })} codes={codes} />
      <div className="field-row">
        <CodeField name="creator" label={t('caption.creator')} value={draft.creator} onChange={(v) => set({ creator: v })} codes={codes} />
        <CodeField name="credit" label={t('caption.credit')} value={draft.credit} onChange={(v) => set({ credit: v })} codes={codes} />
      </div>
      <div className="field-row">
        <CodeField name="source" label={t('caption.source')} value={draft.source} onChange={(v) => set({ source: v })} codes={codes} />
        <CodeField name="copyright" label={t('caption.copyright')} value={draft.copyright} onChange={(v) => set({ copyright: v })} codes={codes} />
      </div>
      <div className="field-row">
        <CodeField name="city" label={t('caption.city')} value={draft.location.city} onChange={(v) => set({ location: { ...draft.location, city: v } })} codes={codes} />
        <CodeField name="sublocation" label={t('caption.sublocation')} value={draft.location.sublocation} onChange={(v) => set({ location: { ...draft.location, sublocation: v } })} codes={codes} />
      </div>
      <div className="field-row">
        <CodeField name="keywords" label={t('caption.keywords')} value={keywords} onChange={setKeywords} codes={codes} />
        <label className="field field-date"><span>{t('caption.dateCreated')}</span>
          <input name="dateCreated" value={draft.dateCreated} placeholder="2026-02-26" onChange={(e) => set({ dateCreated: e.target.value })} />
        </label>
      </div>
      <div className="panel-actions">
        <button type="submit" disabled={!dirty || saving} className="primary">{saving ? t('caption.saving') : t('caption.save')}</button>
        <span className="hint">{dirty ? t('caption.unsaved') : t('caption.inFile')}</span>
      </div>
      {photo.warnings.length > 0 && <ul className="warnings">{photo.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      <TechFacts photo={photo} />
    </form>
  );
}
