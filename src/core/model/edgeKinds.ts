/** The kinds of edge; a link's kind follows from the kinds of its ends (src/core/kinds/<kind>/document.ts). */
export const edgeKinds = [
  'sync',
  'async',
  'eventStore',
  'projection',
  'query',
  'log',
  'registry',
  'config',
  'mesh',
] as const;
export type EdgeKind = (typeof edgeKinds)[number];
