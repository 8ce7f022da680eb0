// Contact-sheet selection as Photo Mechanic behaves: click selects one, Ctrl/Cmd-click
// toggles, Shift-click or Shift-arrow extends from the anchor over the visible order.

export interface Selection {
  ids: Set<string>;
  focus: number;
  anchor: number;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), focus: -1, anchor: -1 };

export function selectRange(order: string[], from: number, to: number): Set<string> {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return new Set(order.slice(Math.max(0, a), b + 1));
}

export function clickSelect(sel: Selection, order: string[], index: number, mods: { shift: boolean; toggle: boolean }): Selection {
  const id = order[index];
  if (id === undefined) return sel;
  if (mods.shift && sel.anchor >= 0) return { ids: selectRange(order, sel.anchor, index), focus: index, anchor: sel.anchor };
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id); else ids.add(id);
    return { ids, focus: index, anchor: index };
  }
  return { ids: new Set([id]), focus: index, anchor: index };
}

export function moveFocus(sel: Selection, order: string[], delta: number, extend: boolean): Selection {
  if (order.length === 0) return sel;
  const focus = Math.max(0, Math.min(order.length - 1, (sel.focus < 0 ? 0 : sel.focus) + (sel.focus < 0 ? 0 : delta)));
  if (extend) {
    const anchor = sel.anchor < 0 ? focus : sel.anchor;
    return { ids: selectRange(order, anchor, focus), focus, anchor };
  }
  return { ids: new Set([order[focus]!]), focus, anchor: focus };
}
