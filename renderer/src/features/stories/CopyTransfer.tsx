import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/dialogs';

// Copy in and out of the desk: Word or Markdown files become stories; a story goes out as
// Markdown, plain text or .docx for writers and the web desk.
export function ImportCopyButton({ edition, onImported, onError }: { edition: string; onImported(id: string): void; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  // A file whose text a story already has: asked about before a twin goes in (issue 10).
  const [twin, setTwin] = useState<{ file: string; title: string } | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const ask = (file: string, title: string) => new Promise<boolean>((done) => {
    answer.current = done;
    setTwin({ file, title });
  });
  const reply = (yes: boolean) => { setTwin(null); answer.current?.(yes); answer.current = null; };
  const pick = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setBusy(true);
    try {
      let last = '';
      for (const f of files) {
        const bytes = new Uint8Array(await f.arrayBuffer());
        let r = await call('story:import', { edition, fileName: f.name, bytes });
        if ('twin' in r) {
          if (!(await ask(f.name, r.twin.title))) continue;
          r = await call('story:import', { edition, fileName: f.name, bytes, allowTwin: true });
        }
        if ('storyId' in r) last = r.storyId;
      }
      if (last) onImported(last);
    } catch (err) { onError(err); } finally { setBusy(false); }
  };
  return (
    <>
      <label className="button import-copy">{busy ? t('copy.importing') : t('copy.import')}
        <input type="file" name="import-copy" accept=".docx,.md,.markdown,.txt" multiple hidden onChange={(e) => void pick(e)} />
      </label>
      {twin && (
        <ConfirmDialog label={t('copy.twin.title')} message={t('copy.twin.ask', { title: twin.title, file: twin.file })} okLabel={t('copy.twin.import')}
          onOk={() => reply(true)} onClose={() => reply(false)} />
      )}
    </>
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
