import { useState } from 'react';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';

// Copy in and out of the desk: Word or Markdown files become stories; a story goes out as
// Markdown, plain text or .docx for writers and the web desk.
export function ImportCopyButton({ edition, onImported, onError }: { edition: string; onImported(id: string): void; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const pick = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setBusy(true);
    try {
      let last = '';
      for (const f of files) {
        const r = await call('story:import', { edition, fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        last = r.storyId;
      }
      if (last) onImported(last);
    } catch (err) { onError(err); } finally { setBusy(false); }
  };
  return (
    <label className="button import-copy">{busy ? t('copy.importing') : t('copy.import')}
      <input type="file" name="import-copy" accept=".docx,.md,.markdown,.txt" multiple hidden onChange={(e) => void pick(e)} />
    </label>
  );
}

export function ExportCopyMenu({ edition, storyId, lang, onError }: { edition: string; storyId: string; lang: 'zh' | 'en'; onError(e: unknown): void }) {
  const { t } = useI18n();
  const save = async (format: 'md' | 'txt' | 'docx') => {
    try {
      const r = await call('story:export', { edition, storyId, format, lang });
      const url = URL.createObjectURL(new Blob([r.bytes as Uint8Array<ArrayBuffer>], { type: r.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) { onError(e); }
  };
  return (
    <span className="export-copy">
      {(['docx', 'md', 'txt'] as const).map((f) => (
        <button key={f} type="button" name={`export-${f}`} onClick={() => void save(f)}>{t(`copy.export.${f}`)}</button>
      ))}
    </span>
  );
}
