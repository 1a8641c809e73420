import { useRef } from 'react';
import { useRecentEntries } from '../../state/recentStore';
import type { TemplateEntry } from '../dialogs/templates';
import { type DesignSource, readDesignFile, sourceKey } from './designSources';

const OPEN_FILE = 'open-file';

interface Props {
  id: string;
  label: string;
  value: DesignSource;
  templates: readonly TemplateEntry[];
  onChange: (source: DesignSource) => void;
  onError: (message: string) => void;
}

/** Picks a design to compare: the current diagram, a template, a Recent copy, or a diagram file. */
export function DesignPicker({ id, label, value, templates, onChange, onError }: Props) {
  const recent = useRecentEntries();
  const input = useRef<HTMLInputElement>(null);
  const pick = (key: string) => {
    if (key === OPEN_FILE) return input.current?.click();
    if (key === 'current') return onChange({ kind: 'current' });
    const [kind, ...rest] = key.split(':');
    const ref = rest.join(':');
    if (kind === 'template') {
      const t = templates.find((e) => e.file === ref);
      if (t) onChange({ kind: 'template', file: t.file, name: t.name });
    } else if (kind === 'recent') {
      const r = recent.find((e) => e.id === ref);
      if (r) onChange({ kind: 'recent', id: r.id, name: r.name });
    }
  };
  return (
    <label className="exp-field" htmlFor={id}>
      <span className="exp-label">{label}</span>
      <select
        id={id}
        data-testid={id}
        className="select"
        value={sourceKey(value)}
        onChange={(e) => pick(e.target.value)}
      >
        <option value="current">Current diagram</option>
        {value.kind === 'file' ? <option value={sourceKey(value)}>File: {value.name}</option> : null}
        {templates.length > 0 ? (
          <optgroup label="Templates">
            {templates.map((t) => (
              <option key={t.file} value={`template:${t.file}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {recent.length > 0 ? (
          <optgroup label="Recent">
            {recent.map((r) => (
              <option key={r.id} value={`recent:${r.id}`}>
                {r.name || 'Untitled'}
              </option>
            ))}
          </optgroup>
        ) : null}
        <option value={OPEN_FILE}>Open a diagram file…</option>
      </select>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={`${id}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void readDesignFile(file).then((read) => ('error' in read ? onError(read.error) : onChange(read)));
        }}
      />
    </label>
  );
}
