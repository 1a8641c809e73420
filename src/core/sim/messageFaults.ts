import type { Rng } from '../engine/rng';

/**
 * What a `linkFaults` or `busFaults` fault does to the messages of one link or bus while it is in
 * force: each message is lost, duplicated or held back (so later ones overtake it) with its
 * probability. Faults that overlap stack: the newest in force wins, ending one reveals the previous.
 */
export interface MessageFaultRates {
  lossRate: number;
  duplicateRate: number;
  reorderRate: number;
}

/** What happens to one message: delivered as sent, lost, duplicated, or held back. */
const MESSAGE_OK = 0;
export const MESSAGE_LOST = 1;
export const MESSAGE_DUPLICATED = 2;
export const MESSAGE_REORDERED = 3;

/** Message faults in force on one link or bus, with their own random stream and counters. */
export class MessageFaults {
  /** Whether any rate is above 0: the hot path reads only this. */
  active = false;
  private stack: MessageFaultRates[] = [];
  private rates: MessageFaultRates = { lossRate: 0, duplicateRate: 0, reorderRate: 0 };
  lost = 0;
  duplicated = 0;
  reordered = 0;

  constructor(private readonly rng: Rng) {}

  /** Puts `rates` in force until `end()` is called with the same object. */
  push(rates: MessageFaultRates): void {
    this.stack.push(rates);
    this.refresh();
  }

  end(rates: MessageFaultRates): void {
    const i = this.stack.indexOf(rates);
    if (i >= 0) this.stack.splice(i, 1);
    this.refresh();
  }

  /** Draws what happens to the next message (one draw per message, only while a fault is in force). */
  draw(): number {
    const r = this.rates;
    const u = this.rng.next();
    if (u < r.lossRate) {
      this.lost++;
      return MESSAGE_LOST;
    }
    if (u < r.lossRate + r.duplicateRate) {
      this.duplicated++;
      return MESSAGE_DUPLICATED;
    }
    if (u < r.lossRate + r.duplicateRate + r.reorderRate) {
      this.reordered++;
      return MESSAGE_REORDERED;
    }
    return MESSAGE_OK;
  }

  /** A uniform draw in [0, 1) from the faults' own stream (which half of an exchange is lost, a hold-back). */
  next(): number {
    return this.rng.next();
  }

  /** The counters, for the summary, or null when no message was ever touched. */
  summary(): { lost: number; duplicated: number; reordered: number } | null {
    if (this.lost + this.duplicated + this.reordered === 0) return null;
    return { lost: this.lost, duplicated: this.duplicated, reordered: this.reordered };
  }

  private refresh(): void {
    const top = this.stack.at(-1);
    this.rates = top ?? { lossRate: 0, duplicateRate: 0, reorderRate: 0 };
    this.active = top !== undefined && top.lossRate + top.duplicateRate + top.reorderRate > 0;
  }
}
