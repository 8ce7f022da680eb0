import type { KeyboardEvent } from 'react';
import type { PhotoMeta } from '../../../../shared/document/schema';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import type { CodeReplacement } from '../../../../shared/photo/code-replace';
import { useI18n } from '../../i18n';
import { CodeField } from './CodeField';
import { TechFacts } from './TechFacts';
import { useCaptionDraft, type SaveCaption } from './caption-draft';
import { MarksBar } from './MarksBar';
import type { PhotoMarks } from '../../../../shared/photo/marks';
import type { Vocabulary } from '../../../../shared/vocab/vocabulary';
import { KeywordField } from '../vocab/KeywordField';
import { SimilarPhotos } from '../vocab/SimilarPhotos';
import { RAW_NAME } from './raw-sidecars';

// The IPTC core fields a newsroom fills in, for the one focused photo (the desk mounts one
// panel per photo). What is typed is written into the file (XMP, and IPTC where the file has
// it) on leaving the field or the photo, on Ctrl+Enter and shortly after typing stops.
// Escape leaves the field and gives the keys back to the contact sheet.
interface Props {
  photo: LibraryPhoto;
  codes: CodeReplacement[];
  onSave: SaveCaption;
  /** Focus the contact sheet (after Escape). */
  onLeave(): void;
  onMark(marks: PhotoMarks): void;
  /** The workspace keyword vocabulary (issue 16) the keyword field completes from. */
  vocabulary: Vocabulary;
  includeParents: boolean;
  onIncludeParents(v: boolean): void;
  /** Focus another library photo (a near-duplicate picked in 相似照片). */
  onOpenPhoto(id: string): void;
}

export function CaptionPanel({ photo, codes, onSave, onLeave, onMark, vocabulary, includeParents, onIncludeParents, onOpenPhoto }: Props) {
  const { t } = useI18n();
  const { draft, setDraft, keywords, setKeywords, commit, state, error } = useCaptionDraft(photo, onSave);
  const set = (patch: Partial<PhotoMeta>) => setDraft((d) => ({ ...d, ...patch }));

  const onKeyDown = (e: KeyboardEvent) => {
    // A key inside an IME composition belongs to the IME (Escape cancels the pinyin there).
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void commit(); return; }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      void commit();
      (document.activeElement as HTMLElement | null)?.blur();
      onLeave();
    }
  };
  const status = {
    // A raw is never written into: its caption lives in NAME.xmp beside it (raw-sidecars.ts).
    saved: RAW_NAME.test(photo.file) ? t('raw.status.savedSidecar', { name: photo.fileName.replace(/\.[^.]*$/, '.xmp') }) : t('pd.status.saved'), dirty: t('pd.status.dirty'), saving: t('pd.status.saving'), error: t('pd.status.error', { why: error ?? '' }),
  }[state];

  return (
    <form className="caption-panel" data-photo-id={photo.id} data-save-state={state}
      onSubmit={(e) => { e.preventDefault(); void commit(); }}
      onKeyDown={onKeyDown}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void commit(); }}>
      <h3 className="panel-title" title={photo.sourcePath}>{photo.fileName}</h3>
      <MarksBar rating={photo.rating} label={photo.label} onMark={onMark} />
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
        <KeywordField value={keywords} onChange={setKeywords} codes={codes} vocabulary={vocabulary}
          includeParents={includeParents} onIncludeParents={onIncludeParents}
          onPath={(path) => setDraft((d) => ({ ...d, hierarchicalKeywords: [...new Set([...(d.hierarchicalKeywords ?? []), path])] }))} />
        <label className="field field-date"><span>{t('caption.dateCreated')}</span>
          <input name="dateCreated" value={draft.dateCreated} placeholder={t('pd.dateUnknown')}
            title={photo.tech.captureDate ? t('pd.dateFromCamera', { date: photo.tech.captureDate }) : t('pd.dateUnknown')}
            onChange={(e) => set({ dateCreated: e.target.value })} />
        </label>
      </div>
      <div className="panel-actions">
        <button type="submit" disabled={state === 'saved' || state === 'saving'} className="primary">{state === 'saving' ? t('caption.saving') : t('caption.save')}</button>
        <span className={`save-status save-${state}`} role="status" aria-live="polite">{status}</span>
      </div>
      {photo.warnings.length > 0 && <ul className="warnings">{photo.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      <TechFacts photo={photo} />
      <SimilarPhotos photoId={photo.id} onOpen={onOpenPhoto} />
    </form>
  );
}
