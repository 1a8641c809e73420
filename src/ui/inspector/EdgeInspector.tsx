import { useCallback } from 'react';
import type { z } from 'zod';
import { edgeKindLabel } from '../../core/model/connections';
import type { ArchDocument, ArchEdge, EdgeConfig } from '../../core/model/schema';
import { edgeConfigSchema } from '../../core/model/schema';
import { documentStore, selectNodes, useDocumentStore } from '../../state/documentStore';
import { Icon } from '../icons/Icon';
import { FormSections } from './FormSections';
import { edgeForm } from './forms/edge';
import { LinkCarries } from './LinkCarries';
import { LiveFailures } from './LiveFailures';
import { useFormApi } from './useFormApi';

interface Props {
  edge: ArchEdge;
}

/** The inspector of one edge: its kind, its failed calls while a run is loaded, and the caller-side policies of the link. */
export function EdgeInspector({ edge }: Props) {
  const nodes = useDocumentStore(selectNodes);
  const { id } = edge;
  const apply = useCallback(
    (doc: ArchDocument, config: unknown) => ({
      ...doc,
      edges: doc.edges.map((e) => (e.id === id ? { ...e, config: config as EdgeConfig } : e)),
    }),
    [id],
  );
  const write = useCallback(
    (config: unknown) => documentStore.getState().setEdgeConfig(id, config as EdgeConfig),
    [id],
  );
  const form = useFormApi({
    root: edge.config,
    schema: edgeConfigSchema as unknown as z.ZodType,
    apply,
    write,
    testPrefix: 'edge',
  });
  const name = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return (
    <div className="inspector-body" data-testid="inspector-edge">
      <header className="inspector-header">
        <span className={`inspector-edge-swatch arch-edge--${edge.kind}`}>
          <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
            <line x1="1" y1="5" x2="27" y2="5" />
          </svg>
        </span>
        <div className="inspector-header-text">
          <div className="inspector-title">
            {name(edge.source)} <Icon name="chevronRight" size={12} /> {name(edge.target)}
          </div>
          <div className="inspector-meta">
            <span>{edgeKindLabel(edge.kind)}</span>
            <span className="inspector-id">{id}</span>
          </div>
        </div>
      </header>
      <LinkCarries edge={edge} />
      <LiveFailures scope="edge" id={id} />
      <FormSections key={id} form={form} sections={edgeForm} />
    </div>
  );
}
