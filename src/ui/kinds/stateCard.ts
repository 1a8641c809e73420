/** A labelled number or text in a state card. */
export interface Fact {
  label: string;
  value: string | number;
  tone?: 'ok' | 'warn' | 'bad';
}

/** One card of the state panel: a title, its subject, facts and optional chips. */
export interface StateCard {
  id: string;
  group: string;
  title: string;
  facts: Fact[];
  chips?: Fact[];
}

type Obj = Record<string, unknown>;

/** The run summary is plain JSON whose sections depend on the design: read it defensively. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const round = (v: number) => Math.round(v * 10) / 10;
