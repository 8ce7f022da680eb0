import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useEffect, useState } from 'react';
import { libraryUrl, mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n';
import { $isFigureNode, type Caption } from './FigureNode';
import { usePhotoLibrary } from './photo-library-context';
import { useEditionCopy, useFigureEdition } from './figure-edition';

// The figure as the editor shows it. Editing the caption here writes it into the photo
// (library and file) unless "this story only" is ticked, which marks the override.
interface Props { nodeKey: string; photoId: string; caption: Caption; credit: string; override: boolean }

export function FigureView({ nodeKey, photoId, caption, credit, override }: Props) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const lib = usePhotoLibrary();
  const photo = lib.photos.get(photoId);
  // Not in this desk's library (placed on another desk): the edition's copy of it.
  const edition = useFigureEdition();
  const copy = useEditionCopy(photoId, !photo);
  const src = photo ? libraryUrl(photoId, 'preview') : copy && edition ? mediaUrl(edition, copy.id, 'preview') : null;
  const [draft, setDraft] = useState(caption);
  useEffect(() => setDraft(caption), [caption]);

  const commit = (next: Caption, nextOverride: boolean) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFigureNode(node)) node.setCaption(next, nextOverride);
    });
    if (!nextOverride && photo) void lib.updateCaption(photoId, next);
  };
  const changed = (next: Caption) => next.zh !== caption.zh || next.en !== caption.en;

  return (
    <figure className={`figure-view${override ? ' override' : ''}`} data-photo-id={photoId} data-photo-source={photo ? 'library' : copy ? 'edition' : 'missing'} contentEditable={false}>
      {src ? <img src={src} alt={caption.zh} /> : <div className="missing">{t('figure.missing')}</div>}
      <figcaption>
        <input name="figure-caption-zh" lang="zh-CN" value={draft.zh} placeholder={t('caption.zh')}
          onChange={(e) => setDraft({ ...draft, zh: e.target.value })} onBlur={() => changed(draft) && commit(draft, override)} />
        <input name="figure-caption-en" lang="en" value={draft.en} placeholder={t('caption.en')}
          onChange={(e) => setDraft({ ...draft, en: e.target.value })} onBlur={() => changed(draft) && commit(draft, override)} />
        <span className="figure-credit">{credit}</span>
        <label className="figure-override" title={t('figure.overrideHint')}>
          <input type="checkbox" name="figure-override" checked={override} onChange={(e) => commit(e.target.checked ? draft : (photo ? photo.meta.caption : draft), e.target.checked)} />
          {override ? t('figure.overridden') : t('figure.storyOnly')}
        </label>
      </figcaption>
    </figure>
  );
}
