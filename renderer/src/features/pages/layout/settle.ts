import { fontsLinked } from '../../../fonts';

// Lays out until the type has settled. The bundled fonts come in unicode-range slices
// that load when a character first needs them, and images decode late; each load can
// move line breaks, so the layout runs again until no font or image is still loading.

async function imagesDecoded(): Promise<void> {
  await Promise.all(Array.from(document.images).map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))));
}

export async function settleLayout<T>(layout: () => T, maxRounds = 6): Promise<T> {
  await fontsLinked;
  let result = layout();
  for (let round = 0; round < maxRounds; round++) {
    let loaded = false;
    const mark = () => { loaded = true; };
    document.fonts.addEventListener('loadingdone', mark);
    await document.fonts.ready;
    await imagesDecoded();
    // One more frame: a slice whose load started during layout reports here.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await document.fonts.ready;
    document.fonts.removeEventListener('loadingdone', mark);
    if (!loaded && round > 0) return result;
    result = layout();
    if (!loaded) return result;
  }
  return result;
}
