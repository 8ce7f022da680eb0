// Scrolls a block of a story into view and keeps it there while the blocks around it take
// their real heights. The editor's text blocks are laid out only near the screen
// (blocks-at-size.css, issue 15): a jump far down lands by the assumed heights of the blocks
// it passes, and the blocks then drawn near the target grow or shrink, moving it off its
// place. So the scroll is repeated each frame until the target stays put for two frames
// (a few frames in practice; at most MAX_FRAMES, and never after the user scrolls or types).

const MAX_FRAMES = 30;
/** What the user does that ends the settling: their scroll or typing wins. */
const USER_INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

export function scrollIntoViewSettled(el: Element, block: ScrollLogicalPosition = 'center'): void {
  el.scrollIntoView({ block });
  let last = el.getBoundingClientRect().top;
  let still = 0;
  let frames = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const type of USER_INPUT) window.removeEventListener(type, stop, true);
  };
  for (const type of USER_INPUT) window.addEventListener(type, stop, true);
  const check = () => {
    if (stopped || !el.isConnected) { stop(); return; }
    const top = el.getBoundingClientRect().top;
    if (Math.abs(top - last) < 0.5) still += 1;
    else { still = 0; el.scrollIntoView({ block }); }
    last = el.getBoundingClientRect().top;
    if (still >= 2 || ++frames >= MAX_FRAMES) { stop(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
