import { useEffect, useState } from 'react';
import { Icon } from '../../icons/Icon';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import type { MakeContext, MapValue } from '../formSpec';
import { FieldError } from './FieldError';
import { TextInputField } from './TextInputField';
import { UnionField } from './UnionField';

interface Props {
  path: Path;
  label: string;
  /** What one entry is called ("header"). */
  item: string;
  /** Name given to a new entry, numbered when taken. */
  newKey: string;
  make: (ctx: MakeContext) => unknown;
  /** How one entry's value is edited, at the entry's own path. */
  value: MapValue;
  help?: string | undefined;
}

type Entries = Record<string, unknown>;

/** The object with `from` renamed to `to`, its entries kept in order. */
function renamed(entries: Entries, from: string, to: string): Entries {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k === from ? to : k, v]));
}

function freshKey(entries: Entries, base: string): string {
  if (!(base in entries)) return base;
  let n = 2;
  while (`${base}-${n}` in entries) n++;
  return `${base}-${n}`;
}

/** The name of one entry: edited as a draft, renamed on blur or Enter when it is new and not blank. */
function KeyInput({
  name,
  taken,
  onRename,
  inputTestId,
}: {
  name: string;
  taken: (key: string) => boolean;
  onRename: (to: string) => string | null;
  inputTestId: string;
}) {
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(name);
    setError(null);
  }, [name]);
  const problem = (text: string) =>
    text.trim() === '' ? 'needs a name' : text !== name && taken(text) ? `${text} is already set` : null;
  const commit = () => {
    const reason = problem(draft);
    if (reason) return setError(reason);
    if (draft !== name) setError(onRename(draft));
  };
  return (
    <div className="map-key">
      <input
        className={error ? 'input input--sm is-invalid' : 'input input--sm'}
        value={draft}
        aria-label="Name"
        aria-invalid={error !== null}
        data-testid={inputTestId}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(problem(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(name);
            setError(null);
          }
        }}
      />
      <FieldError error={error} />
    </div>
  );
}

/** A set of named entries (request headers, header matches): add, rename, edit and remove each. */
export function MapField({ path, label, item, newKey, make, value, help }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const entries = (getIn(form.root, path) as Entries | undefined) ?? {};
  const names = Object.keys(entries);
  const [error, setError] = useState<string | null>(null);
  const write = (next: Entries) => {
    const refused = form.commit(path, next);
    setError(refused);
    return refused;
  };
  return (
    <div className="list" data-testid={`map-${id}`}>
      <div className="list-head">
        <span className="list-title" title={help}>
          {label} <span className="list-count">{names.length}</span>
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--xs"
          onClick={() => write({ ...entries, [freshKey(entries, newKey)]: make(form) })}
        >
          <Icon name="plus" size={12} /> Add {item}
        </button>
      </div>
      <FieldError error={error} />
      {names.length === 0 ? <div className="list-empty">No {item}s.</div> : null}
      {names.map((name, index) => (
        // The position is the identity: renaming an entry keeps its row (and the focus) in place.
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place, by position.
        <div key={index} className="map-entry">
          <KeyInput
            name={name}
            taken={(key) => key in entries}
            onRename={(to) => write(renamed(entries, name, to))}
            inputTestId={`${id}-key-${index}`}
          />
          <div className="map-value">
            {value.t === 'text' ? (
              <TextInputField
                kind="text"
                path={[...path, name]}
                label="Value"
                placeholder={value.placeholder}
                compact
              />
            ) : (
              <UnionField path={[...path, name]} label="Match" variants={value.variants} inline bare />
            )}
          </div>
          <button
            type="button"
            className="btn-icon btn-icon--xs btn-icon--danger"
            title={`Remove ${item} ${name}`}
            onClick={() => write(Object.fromEntries(Object.entries(entries).filter(([k]) => k !== name)))}
          >
            <Icon name="trash" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
