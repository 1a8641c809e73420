import { ConfigServerRuntime, type ConfigServerSummary } from '../../components/runtimes/configServerRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A config server's summary section (under `config`): versions per client, changes, deliveries. */
export type ConfigServerSection = { config: ConfigServerSummary };

/** A config server delivers key changes to its clients by push or poll. */
export const configServerRuntime: KindRuntime<'configServer', ConfigServerSection> = {
  create: (world, node) => new ConfigServerRuntime(world, node),
};
