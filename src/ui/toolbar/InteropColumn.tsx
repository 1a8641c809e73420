import { useInterop } from '../../state/interop/interopStore';
import type { ImportFormat } from '../../worker/protocol';
import { exportAs } from '../files/interopActions';
import { EXPORT_CHOICES, IMPORT_CHOICES } from '../files/interopFormats';
import { MenuItem } from './MenuItem';

interface Props {
  onPick: () => void;
  /** Opens the file picker for an import format. */
  onImport: (format: ImportFormat) => void;
}

/** The File menu's second column: export as and import from the formats the core converts. */
export function InteropColumn({ onPick, onImport }: Props) {
  const busy = useInterop((s) => s.job !== null);
  return (
    <div className="menu-column">
      <div className="menu-heading">Export as</div>
      {EXPORT_CHOICES.map((c) => (
        <MenuItem
          key={c.format}
          item={{
            id: `export-${c.format}`,
            label: c.label,
            icon: 'download',
            hint: c.hint,
            disabled: busy,
            run: () => void exportAs(c),
          }}
          onPick={onPick}
        />
      ))}
      <div className="menu-sep" />
      <div className="menu-heading">Import from</div>
      {IMPORT_CHOICES.map((c) => (
        <MenuItem
          key={c.format}
          item={{
            id: `import-${c.format}`,
            label: c.label,
            icon: 'upload',
            disabled: busy,
            run: () => onImport(c.format),
          }}
          onPick={onPick}
        />
      ))}
    </div>
  );
}
