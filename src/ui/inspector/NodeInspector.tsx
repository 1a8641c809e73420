import { useCallback } from 'react';
import type { z } from 'zod';
import type { ArchDocument, ArchNode } from '../../core/model/schema';
import { nodeConfigSchemas } from '../../core/model/schema';
import { documentStore } from '../../state/documentStore';
import { Icon } from '../icons/Icon';
import { uiKinds } from '../kinds';
import { FormSections } from './FormSections';
import { LiveFailures } from './LiveFailures';
import { RenameField } from './RenameField';
import { useFormApi } from './useFormApi';

interface Props {
  node: ArchNode;
}

/** The inspector of one node: its name, its failures while a run is loaded, and the config form of its kind. */
export function NodeInspector({ node }: Props) {
  const { id, kind } = node;
  const apply = useCallback(
    (doc: ArchDocument, config: unknown) => ({
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === id ? ({ ...n, config } as ArchNode) : n)),
    }),
    [id],
  );
  const write = useCallback(
    (config: unknown) => documentStore.getState().setNodeConfig(id, config as ArchNode['config']),
    [id],
  );
  const form = useFormApi({
    root: node.config,
    schema: nodeConfigSchemas[kind] as unknown as z.ZodType,
    apply,
    write,
    testPrefix: 'config',
  });
  return (
    <div className="inspector-body" data-testid="inspector-node">
      <header className="inspector-header" data-kind={kind}>
        <span className="inspector-kind-icon">
          <Icon glyph={uiKinds[kind].icon} size={18} />
        </span>
        <div className="inspector-header-text">
          <RenameField key={id} id={id} label={node.label} />
          <div className="inspector-meta">
            <span>{uiKinds[kind].name}</span>
            <span className="inspector-id" title="Node id (used in references)">
              {id}
            </span>
          </div>
        </div>
      </header>
      <LiveFailures scope="node" id={id} />
      <FormSections key={id} form={form} sections={uiKinds[kind].form} />
    </div>
  );
}
