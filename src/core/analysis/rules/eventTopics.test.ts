import { describe, expect, it } from 'vitest';
import { edge, findingIds, node } from '../analysis.testkit';
import { missingTopicRule, unconsumedTopicRule } from './eventTopics';

const publisher = node('p', 'service', {
  endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 'orders' }] }],
});

describe('event topic rules', () => {
  it('flags a published topic with no subscriber', () => {
    const nodes = [publisher, node('bus', 'eventBus', { topics: [{ name: 'orders' }] })];
    expect(findingIds(unconsumedTopicRule, nodes, [edge('p', 'bus', {}, 'async')])).toEqual([
      'topic-without-subscriber:bus/orders',
    ]);
  });
  it('accepts a topic with a subscriber', () => {
    const sub = node('s', 'service', { subscriptions: [{ bus: 'bus', topic: 'orders', group: 'g' }] });
    expect(
      findingIds(
        unconsumedTopicRule,
        [publisher, sub, node('bus', 'eventBus')],
        [edge('p', 'bus', {}, 'async')],
      ),
    ).toEqual([]);
  });
  it('flags a subscription to a topic nobody declares or publishes', () => {
    const sub = node('s', 'service', { subscriptions: [{ bus: 'bus', topic: 'ghost', group: 'g' }] });
    expect(
      findingIds(missingTopicRule, [sub, node('bus', 'eventBus', { topics: [{ name: 'orders' }] })]),
    ).toEqual(['subscription-to-missing-topic:s/0']);
    expect(
      findingIds(missingTopicRule, [sub, node('bus', 'eventBus', { topics: [{ name: 'ghost' }] })]),
    ).toEqual([]);
  });
});
