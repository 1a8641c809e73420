import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../core/model/schema';
import { fromDraft, toDraft } from './faultDraft';
import { defaultFault, faultKinds } from './faultModel';

const doc = documentSchema.parse({
  format: 'archplay',
  version: 2,
  nodes: [
    { id: 'web', kind: 'client', label: 'Web', position: { x: 0, y: 0 }, config: {} },
    { id: 'api', kind: 'service', label: 'API', position: { x: 0, y: 0 }, config: {} },
    { id: 'cfg', kind: 'configServer', label: 'Config', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [{ id: 'web-api', source: 'web', target: 'api', kind: 'sync', config: {} }],
  scenario: { durationSec: 60 },
});

describe('fault form draft', () => {
  it('gives back the fault it was made from, for every kind', () => {
    for (const { kind } of faultKinds) {
      const fault = defaultFault(kind, doc, 12, 'api');
      expect(fromDraft(kind, toDraft(fault))).toEqual(fault);
    }
  });

  it('shows an error rate in percent and reads it back as a share', () => {
    const draft = toDraft({ kind: 'errorRate', atSec: 1, nodeId: 'api', errorRate: 0.125 });
    expect(draft.errorRate).toBe('12.5');
    expect(fromDraft('errorRate', { ...draft, errorRate: '40' })).toMatchObject({ errorRate: 0.4 });
  });

  it('reads a blank duration as the rest of the run, and a blank number as not a number', () => {
    const fault = fromDraft('addLatency', { atSec: '', nodeId: 'api', latencyMs: '200', durationSec: ' ' });
    expect(fault).toMatchObject({ latencyMs: 200, durationSec: undefined });
    expect(fault.atSec).toBeNaN();
  });
});
