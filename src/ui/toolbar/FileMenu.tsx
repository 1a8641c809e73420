import '../files/interop.css';
import { useEffect, useRef, useState } from 'react';
import { exportImage } from '../files/exportImage';
import { exportJson, openNewDiagram } from '../files/fileActions';
import { pickInteropFile, pickJsonFile } from '../files/filePickers';
import { Icon } from '../icons/Icon';
import { InteropColumn } from './InteropColumn';
import { type MenuEntry, MenuItem } from './MenuItem';
import { RecentItems } from './RecentItems';

/**
 * Diagrams in and out: JSON, PNG and SVG, the Recent diagrams, and (second column) export to and
 * import from Kubernetes, Compose, Mermaid, Structurizr and OTLP through the core's converters.
 */
export function FileMenu() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !rootRef.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const close = () => setOpen(false);
  const files: MenuEntry[] = [
    { id: 'new', label: 'New diagram', icon: 'newFile', hint: 'Alt N', run: openNewDiagram },
    {
      id: 'import',
      label: 'Import JSON…',
      icon: 'upload',
      hint: 'Ctrl O',
      run: pickJsonFile,
    },
    { id: 'export-json', label: 'Export JSON', icon: 'download', hint: 'Ctrl S', run: exportJson },
    { id: 'export-png', label: 'Export PNG', icon: 'image', run: () => void exportImage('png') },
    { id: 'export-svg', label: 'Export SVG', icon: 'image', run: () => void exportImage('svg') },
  ];

  return (
    <div className="menu-root" ref={rootRef}>
      <button
        type="button"
        className={open ? 'btn btn--ghost is-active' : 'btn btn--ghost'}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="file-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="file" size={15} /> File <Icon name="chevronDown" size={12} className="icon--muted" />
      </button>
      {open ? (
        <div className="menu menu--columns" role="menu">
          <div className="menu-column">
            {files.map((item, i) => (
              <div key={item.id}>
                {i === 1 || i === 3 ? <div className="menu-sep" /> : null}
                <MenuItem item={item} onPick={close} />
              </div>
            ))}
            <div className="menu-sep" />
            <RecentItems onPick={close} />
          </div>
          <InteropColumn onPick={close} onImport={pickInteropFile} />
        </div>
      ) : null}
    </div>
  );
}
