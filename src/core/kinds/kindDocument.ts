import type { z } from 'zod';
import type { EdgeKind } from '../model/edgeKinds';
import type { NodeKind } from './nodeKinds';

/**
 * A kind's part of the document format (src/core/kinds/<kind>/document.ts): its config schema and its
 * connection rules. It sits under the document schema, so it imports only src/core/model/fields.ts,
 * steps.ts and edgeKinds.ts, and never a type derived from the document (that would be a cycle).
 */
export interface KindDocument {
  /** How people call the kind, in messages and labels ("API gateway"). */
  readonly name: string;
  /** The kind's `config` (format version 1): every default is the real system's. */
  readonly config: z.ZodObject;
  /** The kinds this kind may link to, and the edge kind each link implies. */
  readonly links: Readonly<Partial<Record<NodeKind, EdgeKind>>>;
  /** Why a link to any other kind is refused: what this kind does send, if anything. */
  readonly sendsOnly: string;
}
