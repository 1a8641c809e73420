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

/** One decimal, for seconds and milliseconds in facts. */
export const round = (v: number) => Math.round(v * 10) / 10;
