import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/dialogs';
import { ApiError } from '../../api/client';
import { jobProgress, newJobId } from '../../polish/jobs';
import { ImportResults, type ImportOutcome } from '../../polish/ImportResults';

// Copy in and out of the desk: Word or Markdown files become stories; a story goes out as
// Markdown, plain text or .docx for writers and the web desk.
export function ImportCopyButton({ edition, onImported, onListChanged, onError }: { edition: string; onImported(id: string): void; onListChanged?(): void; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  // Each file's own outcome (issue 17): one line per failure, the stories that went in.
  const [results, setResults] = useState<ImportOutcome | null>(null);
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
    if (files.length === 0) return;
    setBusy(true);
    const out: ImportOutcome = { added: [], failed: [] };
    const show = () => setResults({ added: [...out.added], failed: [...out.failed] });
    const job = newJobId('import');
    let last = '';
    // One file at a time, each on its own: a failure is listed and the next file goes on;
    // a story that went in is in the list at once, not after the whole batch.
    for (const [i, f] of files.entries()) {
      jobProgress(job, 'import', i, files.length);
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        let r = await call('story:import', { edition, fileName: f.name, bytes });
        if ('twin' in r) {
          if (!(await ask(f.name, r.twin.title))) continue;
          r = await call('story:import', { edition, fileName: f.name, bytes, allowTwin: true });
        }
        if ('storyId' in r) {
          last = r.storyId;
          out.added.push({ file: f.name, title: r.title });
          onListChanged?.();
        }
      } catch (err) {
        if (!(err instanceof ApiError)) onError(err);
        else out.failed.push({ file: f.name, message: err.data.message });
      }
      show();
    }
    jobProgress(job, 'import', files.length, files.length, true);
    setBusy(false);
    if (last) onImported(last);
  };
  return (
    <>
      <label className="button import-copy">{busy ? t('copy.importing') : t('copy.import')}
        <input type="file" name="import-copy" accept=".docx,.md,.markdown,.txt" multiple hidden onChange={(e) => void pick(e)} />
      </label>
      {results && (results.failed.length > 0 || results.added.length > 1) && <ImportResults results={results} onClose={() => setResults(null)} />}
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
