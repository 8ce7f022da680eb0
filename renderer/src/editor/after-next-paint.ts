// Work that follows a keystroke but need not hold up its frame (issue 15): the live count's
// re-render, the composer's copyfit. A task posted from requestAnimationFrame runs once that
// frame's style, layout and paint are done, so the typed character is drawn first and the
// follow-up lands one frame later.

/** Runs `fn` once after the next frame is drawn; returns a function that cancels it. */
export function afterNextPaint(fn: () => void): () => void {
  let cancelled = false;
  const id = requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { c.port1.close(); if (!cancelled) fn(); };
    c.port2.postMessage(0);
  });
  return () => { cancelled = true; cancelAnimationFrame(id); };
}
