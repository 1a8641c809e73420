import { describe, expect, it } from 'vitest';
import { NotificationService } from './notifications';

describe('NotificationService', () => {
  it('sends one notification per message id, counting redeliveries as duplicates', () => {
    const n = new NotificationService();
    expect([n.handle('m1', 'o1'), n.handle('m1', 'o1'), n.handle('m2', 'o2')]).toEqual([
      'sent',
      'duplicate',
      'sent',
    ]);
    expect([n.countFor('o1'), n.sent, n.duplicates]).toEqual([1, 2, 1]);
  });

  it('remembers only the newest ids within its dedupe window', () => {
    const n = new NotificationService(2);
    for (const id of ['a', 'b', 'c']) n.handle(id, id);
    expect(n.handle('c', 'c')).toBe('duplicate');
    expect(n.handle('a', 'a')).toBe('sent');
  });
});
