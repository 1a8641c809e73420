import { useState } from 'react';
import { Icon } from '../../icons/Icon';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import type { Field, MakeContext } from '../formSpec';
import { NestedFields } from '../NestedFields';
import { FieldError } from './FieldError';

interface Props {
  path: Path;
  label: string;
  item: string;
  make: (ctx: MakeContext) => unknown;
  fields: Field[];
  title?: ((item: unknown, index: number) => string) | undefined;
}

/** An ordered list of records (endpoints, routes, steps): add, remove, reorder, expand one to edit. */
export function ListField({ path, label, item, make, fields, title }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const items = (getIn(form.root, path) as unknown[] | undefined) ?? [];
  const [open, setOpen] = useState<number | null>(items.length === 1 ? 0 : null);
  const [error, setError] = useState<string | null>(null);
  const write = (next: unknown[], openIndex: number | null) => {
    const refused = form.commit(path, next);
    setError(refused);
    if (!refused) setOpen(openIndex);
  };
  const move = (from: number, to: number) => {
    const next = items.slice();
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    write(next, to);
  };
  return (
    <div className="list" data-testid={`list-${id}`}>
      <div className="list-head">
        <span className="list-title">
          {label} <span className="list-count">{items.length}</span>
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--xs"
          onClick={() => write([...items, make(form)], items.length)}
        >
          <Icon name="plus" size={12} /> Add {item}
        </button>
      </div>
      <FieldError error={error} />
      {items.length === 0 ? <div className="list-empty">No {item}s yet.</div> : null}
      {items.map((value, index) => {
        const expanded = open === index;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity besides their place.
          <div key={index} className={expanded ? 'list-item list-item--open' : 'list-item'}>
            <div className="list-item-head">
              <button
                type="button"
                className="list-item-toggle"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : index)}
              >
                <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={12} />
                <span className="list-item-title">
                  {title ? title(value, index) : `${item} ${index + 1}`}
                </span>
              </button>
              <button
                type="button"
                className="btn-icon btn-icon--xs"
                title="Move up"
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                <Icon name="arrowUp" size={12} />
              </button>
              <button
                type="button"
                className="btn-icon btn-icon--xs"
                title="Move down"
                disabled={index === items.length - 1}
                onClick={() => move(index, index + 1)}
              >
                <Icon name="arrowDown" size={12} />
              </button>
              <button
                type="button"
                className="btn-icon btn-icon--xs btn-icon--danger"
                title={`Remove ${item}`}
                onClick={() =>
                  write(
                    items.filter((_, i) => i !== index),
                    null,
                  )
                }
              >
                <Icon name="trash" size={12} />
              </button>
            </div>
            {expanded ? (
              <div className="list-item-body">
                <NestedFields fields={fields} path={[...path, index]} />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
