import { type ComponentType, createContext, useContext } from 'react';
import type { Path } from './configPath';
import type { Field } from './formSpec';

export interface FieldListProps {
  fields: readonly Field[];
  path: Path;
  /** Number fields without their own row, for one-line editors such as distributions. */
  compact?: boolean | undefined;
}

/**
 * The renderer of a list of field specs, handed down by the form (FormSections). Fields that hold
 * fields (lists, optionals, unions) render their children through it, so they need not import the
 * renderer that imports them: the recursion lives in the data, not in an import cycle.
 */
export const FieldListContext = createContext<ComponentType<FieldListProps> | null>(null);

/** The fields inside a list item, an optional setting or a union variant. */
export function NestedFields(props: FieldListProps) {
  const FieldList = useContext(FieldListContext);
  if (!FieldList) throw new Error('inspector fields rendered outside a form');
  return <FieldList {...props} />;
}
