/**
 * A circuit breaker's states, in Resilience4j's names, in the order of their numbers in frames: the
 * one list the breaker, the run summary, the event log and the live frames all use.
 */
const BREAKER_STATES = ['CLOSED', 'HALF_OPEN', 'OPEN'] as const;

/** One state of a circuit breaker. */
export type BreakerState = (typeof BREAKER_STATES)[number];

/** The `breakerState` frame number of an edge without a breaker. */
export const BREAKER_NONE = -1;

/** A state's number in frames: its index in {@link BREAKER_STATES}, so a higher number is a worse state. */
export function breakerNumber(state: BreakerState): number {
  return BREAKER_STATES.indexOf(state);
}

/** The state a frame number stands for; null for {@link BREAKER_NONE} or any number that is no state. */
export function breakerStateOf(frameNumber: number): BreakerState | null {
  return BREAKER_STATES[frameNumber] ?? null;
}

/** How people read each state (lower case; capitalise at the start of a sentence or a label). */
export const BREAKER_LABELS: Readonly<Record<BreakerState, string>> = {
  CLOSED: 'closed',
  HALF_OPEN: 'half-open',
  OPEN: 'open',
};
