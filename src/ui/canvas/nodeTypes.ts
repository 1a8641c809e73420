import type { NodeTypes } from '@xyflow/react';
import { nodeKinds } from '../../core/model/schema';
import { ArchNodeCard } from './ArchNodeCard';

/** Every kind renders through the same memoized card, which specialises its content per kind. */
export const nodeTypes: NodeTypes = Object.fromEntries(nodeKinds.map((kind) => [kind, ArchNodeCard]));
