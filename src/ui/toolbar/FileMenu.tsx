import { useEffect, useRef, useState } from 'react';
import { exportImage } from '../files/exportImage';
import { exportJson, importFile, openNewDiagram } from '../files/fileActions';
import type { IconName } from '../icons/glyphs';
import { Icon } from '../icons/Icon';
import { RecentItems } from './RecentItems';

interface Item {
  id: string;
  label: string;
  icon: IconName;
  hint?: string;
  run: () => void;
}

/** Import and export (JSON in and out, PNG and SVG pictures out), and the Recent diagrams. */
export function FileMenu() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

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

  const items: Item[] = [
    { id: 'new', label: 'New diagram', icon: 'newFile', hint: 'Alt N', run: openNewDiagram },
    {
      id: 'import',
      label: 'Import JSON…',
      icon: 'upload',
      hint: 'Ctrl O',
      run: () => inputRef.current?.click(),
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
        <div className="menu" role="menu">
          {items.map((item, i) => (
            <div key={item.id}>
              {i === 1 || i === 3 ? <div className="menu-sep" /> : null}
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                data-testid={`menu-${item.id}`}
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                <Icon name={item.icon} size={14} />
                <span className="menu-label">{item.label}</span>
                {item.hint ? <kbd className="menu-hint">{item.hint}</kbd> : null}
              </button>
            </div>
          ))}
          <div className="menu-sep" />
          <RecentItems onPick={() => setOpen(false)} />
        </div>
      ) : null}
      <input
        ref={inputRef}
        id="import-file-input"
        data-testid="import-input"
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
