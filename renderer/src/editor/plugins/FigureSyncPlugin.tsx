import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { $isFigureNode } from '../nodes/FigureNode';
import { usePhotoLibrary } from '../nodes/photo-library-context';

// The other direction of the caption link: a caption changed on the photo desk (or in
// another story) reaches every figure of that photo that has not been overridden here.
export function FigureSyncPlugin() {
  const [editor] = useLexicalComposerContext();
  const { photos } = usePhotoLibrary();
  useEffect(() => {
    if (photos.size === 0) return;
    editor.update(() => {
      for (const node of $getRoot().getChildren()) {
        if (!$isFigureNode(node) || node.isCaptionOverride()) continue;
        const p = photos.get(node.getPhotoId());
        if (!p) continue;
        const cur = node.getCaption();
        if (cur.zh !== p.meta.caption.zh || cur.en !== p.meta.caption.en) node.setCaption(p.meta.caption, false);
      }
    });
  }, [editor, photos]);
  return null;
}
