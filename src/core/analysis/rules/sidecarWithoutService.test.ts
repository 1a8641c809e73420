import { describe, expect, it } from 'vitest';
import { contextOf, edge, findingIds, node } from '../analysis.testkit';
import { sidecarWithoutServiceRule } from './sidecarWithoutService';

describe('sidecarWithoutServiceRule', () => {
  it('flags a sidecar attached to nothing: a failure without a linked service', () => {
    const [f] = sidecarWithoutServiceRule(contextOf([node('p', 'proxy')]));
    expect(f).toMatchObject({ severity: 'critical', problem: true, fixes: [] });
  });
  it('is suspicious with a linked service, and offers to attach the sidecar to it', () => {
    const [f] = sidecarWithoutServiceRule(
      contextOf([node('p', 'proxy'), node('s', 'service')], [edge('p', 's')]),
    );
    expect(f?.severity).toBe('warning');
    expect(f?.fixes[0]?.label).toBe('Attach to s');
  });
  it('accepts a sidecar with a service or with routes', () => {
    const attached = node('p', 'proxy', { attachedTo: 's' });
    const routed = node('q', 'proxy', { routes: [{ destinations: [{ target: 's' }] }] });
    expect(findingIds(sidecarWithoutServiceRule, [attached, routed, node('s', 'service')])).toEqual([]);
  });
});
