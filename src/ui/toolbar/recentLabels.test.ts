import { describe, expect, it } from 'vitest';
import { describeReason, describeWhen } from './recentLabels';

describe('Recent labels', () => {
  const now = new Date('2026-05-06T12:00:00.000Z');

  it('says how long ago a copy was set aside, in minutes, then hours, then by date', () => {
    expect(describeWhen('2026-05-06T11:59:30.000Z', now)).toBe('just now');
    expect(describeWhen('2026-05-06T11:35:00.000Z', now)).toBe('25 min ago');
    expect(describeWhen('2026-05-06T07:00:00.000Z', now)).toBe('5 h ago');
    expect(describeWhen('2026-05-01T07:00:00.000Z', now)).toBe('on 2026-05-01');
  });

  it('does not invent a time for a damaged timestamp', () => {
    expect(describeWhen('yesterday-ish', now)).toBe('at an unknown time');
  });

  it('names what replaced the copy', () => {
    expect(describeReason('shareLink')).toBe('replaced by a share link');
    expect(describeReason('restore')).toBe('replaced by a Recent copy');
  });
});
