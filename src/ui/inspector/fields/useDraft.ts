import { useEffect, useState } from 'react';
import type { Path } from '../configPath';
import { useForm } from '../formContext';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * A text draft over a document value: validated on every keystroke, committed on blur or Enter,
 * and dropped when the value changes underneath (undo, another selection).
 */
export function useDraft(path: Path, format: (value: unknown) => string, parse: (text: string) => Parsed) {
  const form = useForm();
  const pathKey = path.join('.');
  const current = format(pathKey === '' ? form.root : getAt(form.root, path));
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new underlying value or field resets the draft.
  useEffect(() => {
    setDraft(null);
    setError(null);
  }, [current, pathKey]);

  const validate = (text: string): Parsed => {
    const parsed = parse(text);
    if (!parsed.ok) return parsed;
    const checked = form.check(path, parsed.value);
    return checked.ok ? parsed : { ok: false, message: checked.message };
  };

  return {
    text: draft ?? current,
    error,
    onChange: (text: string) => {
      setDraft(text);
      const result = validate(text);
      setError(result.ok ? null : result.message);
    },
    commit: () => {
      if (draft === null) return;
      const parsed = parse(draft);
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
      const refused = form.commit(path, parsed.value);
      setError(refused);
      if (!refused) setDraft(null);
    },
    revert: () => {
      setDraft(null);
      setError(null);
    },
  };
}

function getAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}
