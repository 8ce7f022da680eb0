// Runs inside the print route's page (page.evaluate, executeJavaScript): self-contained,
// no imports, no closures, so its source text can be sent as it is.

/**
 * Chromium's PDF output takes a slow path for an <img> drawn with `object-fit: cover`: it
 * decodes the whole photo to paint the cropped part (about 280 ms for each 6-megapixel
 * photo here, 2.3 s of the sample's 2.4 s PDF), although it embeds the original JPEG
 * either way. The same picture drawn uncropped and clipped costs a few milliseconds. So,
 * before printing, every absolutely positioned cover image is given its cover geometry
 * explicitly (size, offset from its object-position, the same transform origin) and
 * clipped to its old box: the page looks the same, pixel for pixel, and prints ten times
 * faster. (Runs in the page; layout and the report are unaffected, the images being
 * out of flow.)
 */
export function uncoverImages(): number {
  let n = 0;
  for (const img of Array.from(document.images)) {
    const cs = getComputedStyle(img);
    if (cs.objectFit !== 'cover' || cs.position !== 'absolute' || !img.naturalWidth || !img.naturalHeight) continue;
    const W = parseFloat(cs.width);
    const H = parseFloat(cs.height);
    const pos = cs.objectPosition.split(' ');
    const origin = cs.transformOrigin.split(' ').map(parseFloat);
    if (!(W > 0 && H > 0) || pos.length !== 2 || !pos.every((v) => v.endsWith('%')) || origin.length < 2) continue;
    const [fx, fy] = pos.map((v) => parseFloat(v) / 100) as [number, number];
    const ar = img.naturalWidth / img.naturalHeight;
    const w = Math.max(W, H * ar);
    const h = Math.max(H, W / ar);
    const dx = (W - w) * fx;
    const dy = (H - h) * fy;
    const left = parseFloat(cs.left);
    const top = parseFloat(cs.top);
    // A containing block that clips and holds the whole old box already gives the same
    // clip (snapped as before); otherwise the image clips itself to its old box.
    const parent = img.offsetParent instanceof HTMLElement ? img.offsetParent : null;
    const pcs = parent ? getComputedStyle(parent) : null;
    const parentClips = !!pcs && /hidden|clip/.test(pcs.overflow) && left >= 0 && top >= 0 &&
      left + W <= parent!.clientWidth + 1 && top + H <= parent!.clientHeight + 1 && cs.transform === 'none';
    Object.assign(img.style, {
      inset: 'auto', left: `${left + dx}px`, top: `${top + dy}px`, width: `${w}px`, height: `${h}px`, objectFit: 'fill',
      transformOrigin: `${origin[0]! - dx}px ${origin[1]! - dy}px`,
      ...(parentClips ? {} : { clipPath: `inset(${-dy}px ${w - W + dx}px ${h - H + dy}px ${-dx}px)` }),
    });
    n++;
  }
  return n;
}
