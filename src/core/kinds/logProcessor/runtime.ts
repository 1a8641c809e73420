import { LogProcessorRuntime, type LogProcessorSummary } from '../../components/runtimes/logProcessorRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A log processor's summary section: what it parsed, kept and forwarded, its metrics and alerts. */
export type LogProcessorSection = { logProcessor: LogProcessorSummary };

/** A log processor parses, enriches, filters, samples and counts entries, and fires alert rules. */
export const logProcessorRuntime: KindRuntime<'logProcessor', LogProcessorSection> = {
  create: (world, node) => new LogProcessorRuntime(world, node),
};
