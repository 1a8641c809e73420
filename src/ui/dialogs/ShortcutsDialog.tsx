import { Modal } from './Modal';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

const groups: { title: string; rows: [string[], string][] }[] = [
  {
    title: 'Edit',
    rows: [
      [[mod, 'Z'], 'Undo'],
      [[mod, 'Shift', 'Z'], 'Redo'],
      [[mod, 'C'], 'Copy selection'],
      [[mod, 'V'], 'Paste'],
      [[mod, 'D'], 'Duplicate selection'],
      [[mod, 'A'], 'Select everything'],
      [['Delete'], 'Delete selection'],
      [['Double-click'], 'Rename a component'],
    ],
  },
  {
    title: 'Canvas',
    rows: [
      [['Drag'], 'Box select on empty canvas'],
      [['Shift', 'Click'], 'Add to selection'],
      [['Space', 'Drag'], 'Pan (or right / middle drag, or scroll)'],
      [[mod, 'Scroll'], 'Zoom'],
      [['F'], 'Fit the diagram'],
      [['L'], 'Auto-layout left to right'],
      [['Esc'], 'Clear selection'],
    ],
  },
  {
    title: 'Files',
    rows: [
      [[mod, 'S'], 'Export JSON'],
      [[mod, 'O'], 'Import JSON'],
      [['?'], 'This help'],
    ],
  },
];

/** The keyboard shortcut reference, opened with ?. */
export function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts-dialog" width={640}>
      <div className="shortcut-grid">
        {groups.map((g) => (
          <section key={g.title}>
            <h3 className="shortcut-title">{g.title}</h3>
            {g.rows.map(([keys, what]) => (
              <div key={what} className="shortcut-row">
                <span>{what}</span>
                <span className="shortcut-keys">
                  {keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
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
