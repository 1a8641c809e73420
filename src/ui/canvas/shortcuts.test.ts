import { describe, expect, it } from 'vitest';
import { matchesKeys, pressOf } from './keyMatch';
import { shortcutFor, shortcuts } from './shortcuts';

const runnable = shortcuts.filter((s) => s.run);

describe('shortcuts', () => {
  it('runs every listed key chord from the table the overlay shows', () => {
    for (const s of runnable) expect(shortcutFor(pressOf(s.keys), false), s.keys.join('+')).toBe(s);
  });

  it('lists Space as run or pause, and New diagram with a chord the browser leaves to the page', () => {
    expect(shortcutFor(pressOf(['Space']), false)?.label).toMatch(/run/i);
    expect(shortcutFor({ key: 'ñ', code: 'KeyN', mod: false, shift: false, alt: true }, false)?.label).toBe(
      'New diagram',
    );
  });

  it('gives no two runnable shortcuts the same chord', () => {
    const chords = runnable.map((s) => s.keys.join('+'));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('keeps only undo and redo working while a dialog is open', () => {
    expect(shortcutFor(pressOf(['Space']), true)).toBeNull();
    expect(shortcutFor(pressOf(['Mod', 'Z']), true)?.label).toBe('Undo');
  });

  it('tells plain keys from chords: L arranges, Ctrl L does nothing, Shift L does nothing', () => {
    expect(shortcutFor(pressOf(['L']), false)?.label).toMatch(/Arrange/);
    expect(shortcutFor(pressOf(['Mod', 'L']), false)).toBeNull();
    expect(matchesKeys(['L'], pressOf(['Shift', 'L']))).toBe(false);
    expect(matchesKeys(['?'], { key: '?', code: 'Slash', mod: false, shift: true, alt: false })).toBe(true);
  });
});
