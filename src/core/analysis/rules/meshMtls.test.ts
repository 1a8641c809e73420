import { describe, expect, it } from 'vitest';
import { edge, findingIds, node } from '../analysis.testkit';
import { meshMtlsRule } from './meshMtls';

describe('meshMtlsRule', () => {
  const mesh = (mtls: string) => [node('cp', 'controlPlane'), node('p', 'proxy', { mtls })];
  it('flags PERMISSIVE and DISABLE sidecars in a mesh', () => {
    expect(findingIds(meshMtlsRule, mesh('DISABLE'), [edge('cp', 'p', {}, 'mesh')])).toEqual([
      'mesh-mtls-not-strict:p',
    ]);
    expect(findingIds(meshMtlsRule, mesh('PERMISSIVE'), [edge('cp', 'p', {}, 'mesh')])).toEqual([
      'mesh-mtls-not-strict:p',
    ]);
  });
  it('accepts STRICT', () => {
    expect(findingIds(meshMtlsRule, mesh('STRICT'), [edge('cp', 'p', {}, 'mesh')])).toEqual([]);
  });
});
