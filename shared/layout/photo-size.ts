// Which rendition of a photo a page on screen draws (the composer's display quality, as
// InDesign draws placed images as proxies until a view needs the pixels). At the fit zoom a
// photo frame is ~130–250 px on screen: the 400 px thumbnail covers it, where the 1600 px
// preview cost ~10× the bytes and a full-size decode (70–180 ms each here, ~0.8 s of image
// decoding for the sample's eight photos as the desk opened, most of them blank for seconds).
// Print and export take the original, never this.

/** The renditions a page on screen draws (media sizes without the original). */
export type ShownSize = 'thumb' | 'preview';

/** The thumbnail's long side (electron/services/library/previews.ts PREVIEW_SIZES.thumb). */
export const THUMB_PX = 400;
const PX_PER_MM = 96 / 25.4;
/**
 * A frame is filled edge to edge (object-fit: cover), so the photo's long side may need to
 * exceed the frame's: by its aspect ratio, up to 16:9 for the photos desks place.
 */
const COVER = 16 / 9;

/**
 * 'thumb' when the thumbnail has the pixels a frame of this size needs at this zoom and
 * pixel ratio, else 'preview'. `longestMm` is the frame's longer side times its crop zoom.
 */
export function photoSizeFor(longestMm: number, zoom: number, pixelRatio: number): ShownSize {
  return longestMm * PX_PER_MM * zoom * pixelRatio * COVER <= THUMB_PX ? 'thumb' : 'preview';
}
