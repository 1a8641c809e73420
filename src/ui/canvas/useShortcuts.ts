import { useEffect } from 'react';
import { sessionStore } from '../../state/sessionStore';
import { keyBelongsToTarget, keyPressOf } from './keyMatch';
import { shortcutFor } from './shortcuts';

/** Global editor shortcuts (shortcuts.ts). Keys typed into a field, or pressing a control, stay there. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || keyBelongsToTarget(e.target, e.key)) return;
      const shortcut = shortcutFor(keyPressOf(e), sessionStore.getState().dialog !== null);
      if (!shortcut?.run) return;
      e.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
