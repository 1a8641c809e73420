import { createContext, useContext } from 'react';
import type { NodeKind } from '../../core/model/schema';
import type { Check, Path } from './configPath';
import type { MakeContext } from './formSpec';

export interface NodeOption {
  id: string;
  label: string;
  kind: NodeKind;
}

/** What every field of one inspector form shares: the value edited and the gate edits pass. */
export interface FormApi extends MakeContext {
  root: unknown;
  /** Validates without committing, for live feedback while typing. */
  check: (path: Path, value: unknown) => Check;
  /** Validates and, when valid, writes to the document; returns the refusal reason or null. */
  commit: (path: Path, value: unknown) => string | null;
  nodes: readonly NodeOption[];
  /** Prefix of data-testid attributes, so fields of different forms stay distinct. */
  testPrefix: string;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const form = useContext(FormContext);
  if (!form) throw new Error('inspector field rendered outside a form');
  return form;
}

export const childPath = (path: Path, key: string | null): Path => (key ? [...path, key] : path);
export const testId = (form: FormApi, path: Path): string => `${form.testPrefix}-${path.join('.')}`;
