/** A key press as the shortcuts read it. */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyN"), for Alt chords whose `key` a layout changes (Option+N on a Mac). */
  code: string;
  /** Ctrl, or ⌘ on a Mac. */
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

export function keyPressOf(e: KeyboardEvent): KeyPress {
  return { key: e.key, code: e.code, mod: e.metaKey || e.ctrlKey, shift: e.shiftKey, alt: e.altKey };
}

const names: Record<string, string> = { Space: ' ', Esc: 'Escape', Delete: 'Delete', Enter: 'Enter' };

/**
 * Whether a press is the chord a shortcut lists, such as ['Mod', 'Shift', 'Z'] or ['?']: the
 * same modifiers (Shift is free for a key that is itself shifted, like ?) and the same key.
 */
export function matchesKeys(keys: readonly string[], press: KeyPress): boolean {
  const mod = keys.includes('Mod');
  const shift = keys.includes('Shift');
  const alt = keys.includes('Alt');
  const main = keys[keys.length - 1] ?? '';
  if (press.mod !== mod || press.alt !== alt) return false;
  const letter = /^[A-Z]$/.test(main);
  if (letter && alt) return press.code === `Key${main}` && press.shift === shift;
  if (letter) return press.key.toLowerCase() === main.toLowerCase() && press.shift === shift;
  // Other keys ignore Shift unless they list it: a symbol such as ? is typed with Shift.
  return press.key === (names[main] ?? main) && (!shift || press.shift);
}

/** The press a listed chord stands for (the inverse of matchesKeys, for tests and docs). */
export function pressOf(keys: readonly string[]): KeyPress {
  const main = keys[keys.length - 1] ?? '';
  const shift = keys.includes('Shift');
  const letter = /^[A-Z]$/.test(main);
  return {
    key: letter ? (shift ? main : main.toLowerCase()) : (names[main] ?? main),
    code: letter ? `Key${main}` : '',
    mod: keys.includes('Mod'),
    shift,
    alt: keys.includes('Alt'),
  };
}

/** Whether the key belongs to the focused element (typing, or a control that Space or Enter presses). */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (key !== ' ' && key !== 'Enter') return false;
  return (
    target.closest(
      'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="switch"], [role="checkbox"]',
    ) !== null
  );
}
