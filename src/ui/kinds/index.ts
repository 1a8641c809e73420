import type { NodeKind } from '../../core/model/schema';
import { client } from './client';
import { configServer } from './configServer';
import { controlPlane } from './controlPlane';
import { eventBus } from './eventBus';
import { eventProcessor } from './eventProcessor';
import { eventStore } from './eventStore';
import { gateway } from './gateway';
import { logProcessor } from './logProcessor';
import { logRouter } from './logRouter';
import { logStore } from './logStore';
import { proxy } from './proxy';
import { readModel } from './readModel';
import { registry } from './registry';
import { service } from './service';
import type { KindConfig, NodeSummary, UiKind } from './uiKind';

/**
 * Every component kind's UI module, keyed by kind: a kind missing here, or missing a piece in its
 * module, does not compile. Palette order is this order within each group.
 */
export const uiKinds: { [K in NodeKind]: UiKind<K> } = {
  client,
  gateway,
  service,
  proxy,
  controlPlane,
  registry,
  configServer,
  eventBus,
  eventProcessor,
  eventStore,
  readModel,
  logRouter,
  logProcessor,
  logStore,
};

/** What a node card shows at a glance, from its kind's module. */
export function nodeSummary<K extends NodeKind>(node: { kind: K; config: KindConfig<K> }): NodeSummary {
  const kind: UiKind<K> = uiKinds[node.kind];
  return kind.summary(node.config);
}
