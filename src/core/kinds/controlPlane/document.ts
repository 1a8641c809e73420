import { z } from 'zod';
import { nonNegative } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const controlPlaneConfigSchema = z.object({ propagationDelayMs: nonNegative.default(1000) }).strict();

/** A mesh control plane: pushes routes and policies to its sidecars after a propagation delay. */
export const controlPlaneDocument = {
  name: 'mesh control plane',
  config: controlPlaneConfigSchema,
  links: { proxy: 'mesh' },
  sendsOnly: 'a mesh control plane only configures sidecar proxies',
} satisfies KindDocument;
