import type { ArchNode, NodeKind } from '../../core/model/schema';
import type { NodeSummary as SummaryEntry } from '../../worker/protocol';
import type { Glyph } from '../icons/glyph';
import type { Section } from '../inspector/formSpec';
import type { StateCard } from './stateCard';

/** The palette groups, in palette order. */
export const paletteGroups = ['Traffic', 'Compute', 'Coordination', 'Events', 'Logging'] as const;
type PaletteGroup = (typeof paletteGroups)[number];

/** Each kind's config, as the document schema types it. */
type KindConfigs = { [N in ArchNode as N['kind']]: N['config'] };

/** The config of a node of kind K. Indexing a map (not extracting from the union) lets a generic K reach it. */
export type KindConfig<K extends NodeKind> = KindConfigs[K];

/** What a node card shows at a glance, derived from the node's config alone. */
export interface NodeSummary {
  /** Replica count shown as ×N, for kinds that scale out. */
  instances: number | null;
  /** Key settings, most telling first; the card shows the first few. */
  facts: string[];
}

/** What the live row of a node card shows for this kind. */
export interface LiveBadges {
  /** Has replicas whose health is worth a badge (healthy / instances). */
  replicated: boolean;
  /** Answers requests, so p99 and the error rate mean something (and colour the card far out). */
  answering: boolean;
  /** The backlog badge: its label, its tooltip, and whether it shows at zero (when the backlog is the point). */
  backlog: { label: string; title: string; alwaysShown: boolean };
  /** Whether its backlog is drawn in the "Queue depth & lag" chart. */
  chartsBacklog: boolean;
}

/**
 * The cards of one node's entry of the run summary in the state panel (its counts and its kind's
 * section, typed by the core), with `labelOf` naming nodes by id.
 */
type StateSection<K extends NodeKind> = (
  entry: SummaryEntry<K>,
  id: string,
  labelOf: (id: string) => string,
) => StateCard[];

/**
 * Everything the UI knows of one component kind, in one place: palette entry, icon, colours, card
 * summary, inspector form, live badges and state-panel section. The registry (./index.ts) is typed
 * `{ [K in NodeKind]: UiKind<K> }`, so a kind without one of these pieces does not compile.
 */
export interface UiKind<K extends NodeKind> {
  /** The palette name, also under the card's title and in the inspector header. */
  name: string;
  /** One line for the palette: what the component does in a system. */
  blurb: string;
  group: PaletteGroup;
  /** Drawn on the palette, the card and the inspector header. */
  icon: Glyph;
  /** The accent of cards, palette items, minimap and template thumbnails, per theme. */
  color: { light: string; dark: string };
  /** The card's replica count and key settings. */
  summary: (config: KindConfig<K>) => NodeSummary;
  /** The inspector's sections for the node's config, in the order a person thinks about them. */
  form: readonly Section[];
  live: LiveBadges;
  /** How a call from this kind reads in the walkthrough ("Web shop sends a request to …"). */
  callVerb: string;
  /** Its cards in the state panel, or null when the summary has no section for it. */
  state: StateSection<K> | null;
}

/** Kind glyphs are denser than the editor's, so they are drawn with a slightly thinner line. */
export const kindGlyph = (...shapes: Glyph['shapes']): Glyph => ({ shapes, strokeWidth: 1.6 });

/** "1 route", "2 routes". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
