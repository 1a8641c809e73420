import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { edgeKindLabel } from '../../core/model/connections';
import { type ArchDocument, edgeKinds, type Scenario, scenarioSchema } from '../../core/model/schema';
import { documentStore, selectDocument, useDocumentStore } from '../../state/documentStore';
import { FormSections } from './FormSections';
import { scenarioSections } from './forms/scenario';
import { sloSection, withoutEmptySlos } from './forms/slos';
import { useFormApi } from './useFormApi';

const applyScenario = (doc: ArchDocument, scenario: unknown) => ({
  ...doc,
  scenario: withoutEmptySlos(scenario as Scenario),
});
const writeScenario = (scenario: unknown) =>
  documentStore.getState().setScenario(withoutEmptySlos(scenario as Scenario));

/** Shown when nothing is selected: the diagram's description, run settings, SLOs and the edge legend. */
export function DocumentInspector() {
  const doc = useDocumentStore(selectDocument);
  const form = useFormApi({
    root: doc.scenario,
    schema: scenarioSchema as unknown as z.ZodType,
    apply: applyScenario,
    write: writeScenario,
    testPrefix: 'scenario',
  });
  const sections = useMemo(() => [...scenarioSections(doc.nodes), sloSection(doc)], [doc]);
  const onDescription = useCallback(
    (value: string) => documentStore.getState().setMeta({ description: value.slice(0, 4000) }),
    [],
  );
  return (
    <div className="inspector-body" data-testid="inspector-document">
      <header className="inspector-header">
        <div className="inspector-header-text">
          <div className="inspector-title">{doc.name || 'Untitled'}</div>
          <div className="inspector-meta">
            <span>
              {doc.nodes.length} components · {doc.edges.length} links
            </span>
          </div>
        </div>
      </header>
      <section className="inspector-section">
        <h3 className="inspector-section-title">Description</h3>
        <textarea
          key={doc.description}
          className="input input--area"
          rows={3}
          defaultValue={doc.description}
          placeholder="What does this architecture do?"
          onBlur={(e) => onDescription(e.target.value)}
        />
      </section>
      <FormSections form={form} sections={sections} />
      <section className="inspector-section">
        <h3 className="inspector-section-title">Links</h3>
        <ul className="legend">
          {edgeKinds.map((kind) => (
            <li key={kind} className={`legend-row arch-edge--${kind}`}>
              <svg width="36" height="10" viewBox="0 0 36 10" aria-hidden="true">
                <line x1="1" y1="5" x2="35" y2="5" />
              </svg>
              <span>{edgeKindLabel(kind)}</span>
            </li>
          ))}
        </ul>
      </section>
      <p className="inspector-tip">Select a component or a link to edit it. Press ? for shortcuts.</p>
    </div>
  );
}
