// Focuses an element that React (or Lexical) is about to render: tried on each frame for
// up to half a second, since an editor mounts a frame or two after the state that opens it.
export function focusWhenThere(find: () => HTMLElement | null, frames = 30): void {
  const el = find();
  if (el) { el.focus(); return; }
  if (frames > 0) requestAnimationFrame(() => focusWhenThere(find, frames - 1));
}
