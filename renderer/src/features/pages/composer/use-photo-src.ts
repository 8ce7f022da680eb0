import { useCallback, useRef } from 'react';
import { photoSizeFor, type ShownSize } from '../../../../../shared/layout/photo-size';

/**
 * Photo blocks' image URLs at this zoom: the thumbnail while it has the pixels a frame needs
 * (shared/layout/photo-size.ts), the preview once a zoom needs more. A photo that has been
 * drawn from its preview keeps it: zooming back out never swaps a sharp image for a soft
 * one, and zooming in shows the thumbnail until the preview has loaded (an img keeps its
 * current picture while a new src loads).
 */
export function usePhotoSrc(sized: ((id: string, size: ShownSize) => string) | undefined, zoom: number): ((id: string, longestMm: number) => string) | undefined {
  const sharp = useRef(new Set<string>());
  const src = useCallback((id: string, longestMm: number) => {
    if (sharp.current.has(id) || photoSizeFor(longestMm, zoom, window.devicePixelRatio || 1) === 'preview') {
      sharp.current.add(id);
      return sized!(id, 'preview');
    }
    return sized!(id, 'thumb');
  }, [sized, zoom]);
  return sized ? src : undefined;
}
