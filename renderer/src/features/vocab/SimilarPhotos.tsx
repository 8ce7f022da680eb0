import { useState } from 'react';
import type { SimilarResult } from '../../../../shared/contract/vocab-schemas';
import { ApiError, call, libraryUrl } from '../../api/client';
import { useI18n } from '../../i18n';

// "相似照片" for the focused photo (issue 16): the library's copies of the same frame (a
// re-export, a resized or recompressed copy), found by perceptual hash, nearest first.
// Asked for on a click: the first call may backfill the hashes of an older library.

export function SimilarPhotos({ photoId, onOpen }: { photoId: string; onOpen(id: string): void }) {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<SimilarResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const find = () => {
    setBusy(true);
    setError(null);
    call('photos:similar', { id: photoId }).then(setResult, (e: unknown) => setError(e instanceof ApiError ? e.data.message[lang] : String(e))).finally(() => setBusy(false));
  };
  return (
    <section className="similar-photos" aria-label={t('vocab.similar')}>
      <button type="button" onClick={find} disabled={busy}>{busy ? t('vocab.similarBusy') : t('vocab.similarFind')}</button>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (result.items.length === 0
        ? <p className="hint" role="status">{t('vocab.similarNone')}</p>
        : (
          <ul className="similar-list" aria-label={t('vocab.similar')}>
            {result.items.map(({ photo, distance }) => (
              <li key={photo.id}>
                <button type="button" onClick={() => onOpen(photo.id)} title={t('vocab.similarDistance', { d: distance, max: result.threshold })}>
                  <img src={libraryUrl(photo.id, 'thumb')} alt="" />
                  <span>{photo.fileName}</span>
                  <span className="similar-distance">{t('vocab.similarDistance', { d: distance, max: result.threshold })}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
