import { describe, expect, it } from 'vitest';
import { contextOf, edge, findingIds, node } from '../analysis.testkit';
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
  it('flags a subscription to a topic nobody publishes, declared or not', () => {
    const sub = node('s', 'service', { subscriptions: [{ bus: 'bus', topic: 'ghost', group: 'g' }] });
    for (const topics of [[{ name: 'orders' }], [{ name: 'ghost' }]]) {
      expect(findingIds(missingTopicRule, [sub, node('bus', 'eventBus', { topics })])).toEqual([
        'subscription-without-publisher:s/0',
      ]);
    }
    expect(
      findingIds(
        missingTopicRule,
        [publisher, sub, node('bus', 'eventBus')],
        [edge('p', 'bus', {}, 'async')],
      ),
    ).toEqual(['subscription-without-publisher:s/0']);
  });
  it('accepts a subscription to a published topic, the order saga order_created included', () => {
    const sub = (topic: string) =>
      node('s', 'service', { subscriptions: [{ bus: 'bus', topic, group: 'g' }] });
    const bus = node('bus', 'eventBus');
    expect(
      findingIds(missingTopicRule, [publisher, sub('orders'), bus], [edge('p', 'bus', {}, 'async')]),
    ).toEqual([]);
    const orders = node('o', 'service', { domain: 'order' });
    expect(
      findingIds(missingTopicRule, [orders, sub('order_created'), bus], [edge('o', 'bus', {}, 'async')]),
    ).toEqual([]);
  });
  it('accepts a subscription to what an append publishes, or an event processor outputs', () => {
    const sub = node('s', 'service', { subscriptions: [{ bus: 'bus', topic: 'accounts', group: 'g' }] });
    const appender = node('a', 'service', {
      endpoints: [
        {
          path: '/',
          steps: [
            {
              kind: 'append',
              target: 'st',
              eventType: 'Opened',
              publish: { target: 'bus', topic: 'accounts' },
            },
          ],
        },
      ],
    });
    const nodes = [appender, sub, node('st', 'eventStore'), node('bus', 'eventBus')];
    const edges = [edge('a', 'st', {}, 'eventStore'), edge('st', 'bus', {}, 'async')];
    expect(findingIds(missingTopicRule, nodes, edges)).toEqual([]);
    const processor = node('p', 'eventProcessor', { output: { bus: 'bus', topic: 'accounts' } });
    expect(
      findingIds(
        missingTopicRule,
        [processor, sub, node('bus', 'eventBus')],
        [edge('p', 'bus', {}, 'async')],
      ),
    ).toEqual([]);
  });
  it('offers to subscribe to the topic the bus carries', () => {
    const sub = node('s', 'service', { subscriptions: [{ bus: 'bus', topic: 'ghost', group: 'g' }] });
    const ctx = contextOf([publisher, sub, node('bus', 'eventBus')], [edge('p', 'bus', {}, 'async')]);
    const [f] = missingTopicRule(ctx);
    expect(f?.fixes.map((x) => x.label)).toEqual(['Subscribe to "orders"']);
  });
});
