import { describe, expect, it } from 'vitest';
import type { Fault } from '../../core/model/schema';
import { activeMarks } from './faultMarks';

describe('fault marks on the canvas', () => {
  const faults: Fault[] = [
    { kind: 'grayFailure', atSec: 10, nodeId: 'api', instance: 0, share: 0.2, factor: 10, durationSec: 5 },
    { kind: 'linkFaults', atSec: 12, edgeId: 'api-db', lossRate: 0.1, duplicateRate: 0, reorderRate: 0 },
    { kind: 'clockSkew', atSec: 11, nodeId: 'api', skewMs: 500, durationSec: 2 },
  ];

  it('marks a node or an edge from its fault start until its end, several faults in one label', () => {
    expect(activeMarks(faults, 9_999)).toEqual(new Map());
    expect(activeMarks(faults, 11_500)).toEqual(
      new Map([['node:api', 'Gray failure (slow share) · Skew a clock']]),
    );
    expect(activeMarks(faults, 14_000)).toEqual(
      new Map([
        ['node:api', 'Gray failure (slow share)'],
        ['edge:api-db', 'Lose, duplicate or reorder on a link'],
      ]),
    );
    // Without a duration a fault marks until the end of the run.
    expect(activeMarks(faults, 600_000)).toEqual(
      new Map([['edge:api-db', 'Lose, duplicate or reorder on a link']]),
    );
  });
});
