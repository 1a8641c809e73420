import { type ShortcutGroup, shortcuts } from '../canvas/shortcuts';
import { Modal } from './Modal';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const shown = (key: string) => (key === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : key === 'Alt' && isMac ? '⌥' : key);
const groups: readonly ShortcutGroup[] = ['Run', 'Edit', 'Canvas', 'Files'];

/** The keyboard shortcut reference, opened with ?: the same table the keys run from. */
export function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts-dialog" width={680}>
      <div className="shortcut-grid">
        {groups.map((group) => (
          <section key={group}>
            <h3 className="shortcut-title">{group}</h3>
            {shortcuts
              .filter((s) => s.group === group)
              .map((s) => (
                <div key={s.keys.join('+')} className="shortcut-row" data-testid="shortcut-row">
                  <span>{s.label}</span>
                  <span className="shortcut-keys">
                    {s.keys.map((k) => (
                      <kbd key={k}>{shown(k)}</kbd>
                    ))}
                  </span>
                </div>
              ))}
          </section>
        ))}
      </div>
    </Modal>
  );
}
