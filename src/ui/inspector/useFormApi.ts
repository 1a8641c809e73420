import { useMemo } from 'react';
import type { z } from 'zod';
import type { ArchDocument } from '../../core/model/schema';
import { formatIssue, validateDocument } from '../../core/model/validate';
import { documentStore, selectNodes, useDocumentStore } from '../../state/documentStore';
import { checkEdit, type Path } from './configPath';
import type { FormApi, NodeOption } from './formContext';

interface Options {
  root: unknown;
  schema: z.ZodType;
  /** The document with the edited value in place; validated as a whole before anything is written. */
  apply: (doc: ArchDocument, value: unknown) => ArchDocument;
  write: (value: unknown) => void;
  testPrefix: string;
}

/**
 * The gate every inspector edit goes through: the field's schema first (for a precise reason),
 * then the whole document (ids, references, scenario rules), so nothing invalid is ever stored.
 */
export function useFormApi({ root, schema, apply, write, testPrefix }: Options): FormApi {
  const nodes = useDocumentStore(selectNodes);
  return useMemo(() => {
    const options: NodeOption[] = nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind }));
    const check = (path: Path, value: unknown) => {
      const local = checkEdit(schema, root, path, value);
      if (!local.ok) return local;
      const doc = apply(documentStore.getState().document, local.value);
      const whole = validateDocument(doc);
      if (whole.ok) return local;
      const first = whole.errors[0]!;
      return { ok: false as const, message: formatIssue(first) };
    };
    return {
      root,
      nodes: options,
      testPrefix,
      firstId: (kinds) => options.find((n) => kinds.includes(n.kind))?.id ?? '',
      check,
      commit: (path, value) => {
        const result = check(path, value);
        if (!result.ok) return result.message;
        write(result.value);
        return null;
      },
    };
  }, [nodes, root, schema, apply, write, testPrefix]);
}
