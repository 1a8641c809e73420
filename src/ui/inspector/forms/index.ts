import { computeForms } from './compute';
import { coordinationForms } from './coordination';
import { eventForms } from './events';
import { loggingForms } from './logging';
import { meshForms } from './mesh';
import type { KindForms } from './shared';
import { trafficForms } from './traffic';

export { edgeForm } from './edge';
export { scenarioForm } from './scenario';

/** The inspector sections of each node kind's config, in the order a person thinks about them. */
export const kindForms: KindForms = {
  ...trafficForms,
  ...computeForms,
  ...meshForms,
  ...coordinationForms,
  ...eventForms,
  ...loggingForms,
};
