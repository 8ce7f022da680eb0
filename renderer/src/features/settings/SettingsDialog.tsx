import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/settings/schema';
import { call } from '../../api/client';
import { Modal } from '../../app/dialogs';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { libraryUpdated } from '../photos/library-events';

// The desk's settings (设置). For now the one that has no other home: the charset of old
// IPTC text written with no 1:90 that is not UTF-8 (issue 14). Photo Mechanic asks the same
// question in its preferences ("IPTC text encoding"); exiftool has -charset iptc=….
// A change is stored and applied at once: main decodes with it from then on, and library
// photos whose captions depend on it are read again (library:reread-legacy).

type Charset = Settings['iptcLegacyCharset'];
const CHARSETS: readonly Charset[] = ['auto', 'gb18030', 'big5', 'shift_jis', 'windows-1252', 'macintosh', 'iso-8859-1'];

export function SettingsDialog({ onClose, onError }: { onClose(): void; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [charset, setCharset] = useState<Charset | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  useEffect(() => {
    call('settings:get', {}).then((s) => setCharset(s.iptcLegacyCharset), onError);
  }, [onError]);

  const choose = async (next: Charset) => {
    setCharset(next);
    setBusy(true);
    setResult(null);
    try {
      await call('settings:set', { iptcLegacyCharset: next });
      const { checked, photos } = await call('library:reread-legacy', {});
      libraryUpdated(photos);
      setResult(t('settings.charset.reread', { checked, changed: photos.length }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label={t('settings.title')} onClose={onClose} className="settings-dialog">
      <label className="field">
        <span>{t('settings.charset.label')}</span>
        <select value={charset ?? ''} disabled={charset === null || busy} onChange={(e) => void choose(e.target.value as Charset)}>
          {CHARSETS.map((c) => <option key={c} value={c}>{t(`settings.charset.${c}` as MessageKey)}</option>)}
        </select>
      </label>
      <p className="hint">{t('settings.charset.hint')}</p>
      <p className="hint" role="status" aria-live="polite">{busy ? t('settings.charset.busy') : result ?? ''}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>{t('settings.close')}</button>
      </div>
    </Modal>
  );
}
