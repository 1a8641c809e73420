import { describe, expect, it } from 'vitest';
import { type BreakerSettings, CircuitBreaker } from './circuitBreaker';

const defaults: BreakerSettings = {
  slidingWindowType: 'count',
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThresholdMs: 60_000,
  waitDurationInOpenStateMs: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
};

/** The anchor configuration: time window, minimum 5 calls, 50 % threshold. */
const anchor = (permitted = 4): CircuitBreaker =>
  new CircuitBreaker({
    ...defaults,
    slidingWindowType: 'time',
    slidingWindowSize: 10,
    minimumNumberOfCalls: 5,
    failureRateThreshold: 50,
    waitDurationInOpenStateMs: 1000,
    permittedNumberOfCallsInHalfOpenState: permitted,
  });

/** Runs one call through the breaker at `atMs`; returns whether it was admitted. */
function call(breaker: CircuitBreaker, atMs: number, ok: boolean, durationMs = 1): boolean {
  if (!breaker.tryAcquire(atMs)) return false;
  breaker.onResult(atMs, durationMs, ok);
  return true;
}

/** Opens an anchor breaker at t = 100 with five errors. */
function openAt100(breaker: CircuitBreaker): void {
  for (let i = 0; i < 5; i++) call(breaker, 100, false);
  expect(breaker.state).toBe('OPEN');
}

describe('CircuitBreaker (Resilience4j semantics)', () => {
  it('stays closed below the minimum number of calls, then opens at failure rate >= threshold (err err err ok ok)', () => {
    const b = anchor();
    const outcomes = [false, false, false, true, true];
    const states = outcomes.map((ok, i) => {
      call(b, 10 * i, ok);
      return b.state;
    });
    expect(states).toEqual(['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'OPEN']);
  });

  it('stays closed at 40 % failures and opens when one more error makes it exactly 50 %', () => {
    const b = anchor();
    for (const ok of [true, true, true, false, false]) call(b, 0, ok);
    expect(b.state).toBe('CLOSED');
    call(b, 0, false);
    expect(b.state).toBe('OPEN');
  });

  it('half-open with 4 permits closes on err, ok, ok, ok (25 % < 50 %)', () => {
    const b = anchor(4);
    openAt100(b);
    const states = [false, true, true, true].map((ok) => {
      expect(call(b, 2000, ok)).toBe(true);
      return b.state;
    });
    expect(states).toEqual(['HALF_OPEN', 'HALF_OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('half-open with 4 permits re-opens on err, err, ok, err (75 % >= 50 %)', () => {
    const b = anchor(4);
    openAt100(b);
    const states = [false, false, true, false].map((ok) => {
      call(b, 2000, ok);
      return b.state;
    });
    expect(states).toEqual(['HALF_OPEN', 'HALF_OPEN', 'HALF_OPEN', 'OPEN']);
  });

  it('rejects a fifth call in half-open while the 4 permitted ones are in flight', () => {
    const b = anchor(4);
    openAt100(b);
    const admitted = [1, 2, 3, 4, 5].map(() => b.tryAcquire(2000));
    expect(admitted).toEqual([true, true, true, true, false]);
    expect(b.state).toBe('HALF_OPEN');
    expect(b.rejected).toBe(1);
  });

  it('judges half-open once min(minimumNumberOfCalls, permitted) calls completed, as Resilience4j does', () => {
    const b = new CircuitBreaker({
      ...defaults,
      minimumNumberOfCalls: 2,
      slidingWindowSize: 2,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
    call(b, 0, false);
    call(b, 0, false);
    expect(b.state).toBe('OPEN');
    call(b, 70_000, false);
    expect(b.state).toBe('HALF_OPEN');
    call(b, 70_000, false);
    expect(b.state).toBe('OPEN');
  });

  it('rejects calls during the open wait and moves to half-open only strictly after it', () => {
    const b = anchor();
    openAt100(b);
    expect(b.tryAcquire(600)).toBe(false);
    expect(b.tryAcquire(1100)).toBe(false);
    expect(b.state).toBe('OPEN');
    expect(b.tryAcquire(1100.5)).toBe(true);
    expect(b.state).toBe('HALF_OPEN');
    expect(b.rejected).toBe(2);
  });

  it('uses min(minimumNumberOfCalls, windowSize) for a count window', () => {
    const b = new CircuitBreaker({ ...defaults, slidingWindowSize: 4, minimumNumberOfCalls: 100 });
    for (const ok of [true, true, false]) call(b, 0, ok);
    expect(b.state).toBe('CLOSED');
    call(b, 0, false);
    expect(b.state).toBe('OPEN');
  });

  it('lets old outcomes leave a count window as new ones arrive', () => {
    const b = new CircuitBreaker({ ...defaults, slidingWindowSize: 4, minimumNumberOfCalls: 4 });
    // Two old errors, then successes push them out: the window never reaches 50 %.
    for (const ok of [false, true, true, true, true, true, false]) call(b, 0, ok);
    expect(b.state).toBe('CLOSED');
    expect(b.snapshot(0)).toMatchObject({ bufferedCalls: 4, failedCalls: 1, failureRatePercent: 25 });
    call(b, 0, false);
    expect(b.state).toBe('OPEN');
  });

  it('lets outcomes older than the time window leave it', () => {
    const b = anchor();
    for (let i = 0; i < 4; i++) call(b, 0, false);
    // Ten seconds later the four errors are outside the 10 s window: four successes fall short of 5 calls.
    for (let i = 0; i < 4; i++) call(b, 10_000, true);
    expect(b.state).toBe('CLOSED');
    expect(b.snapshot(10_000).bufferedCalls).toBe(4);
    // Within the window they still count: at 9.999 s they would have opened it.
    const c = anchor();
    for (let i = 0; i < 4; i++) call(c, 0, false);
    call(c, 9_999, true);
    expect(c.state).toBe('OPEN');
  });

  it('opens on a slow-call rate >= threshold, slow meaning strictly longer than the duration threshold', () => {
    const settings = {
      ...defaults,
      slidingWindowSize: 4,
      minimumNumberOfCalls: 4,
      slowCallRateThreshold: 50,
      slowCallDurationThresholdMs: 500,
    };
    const atThreshold = new CircuitBreaker(settings);
    for (let i = 0; i < 4; i++) call(atThreshold, 0, true, 500);
    expect(atThreshold.state).toBe('CLOSED');
    const slow = new CircuitBreaker(settings);
    for (const d of [10, 501, 10, 501]) call(slow, 0, true, d);
    expect(slow.state).toBe('OPEN');
    expect(slow.transitions()).toHaveLength(1);
  });

  it('starts closed with a fresh window after half-open succeeds', () => {
    const b = anchor(4);
    openAt100(b);
    for (const ok of [true, true, true, true]) call(b, 2000, ok);
    expect(b.state).toBe('CLOSED');
    // Four errors alone are below the minimum of 5: the pre-open errors were forgotten.
    for (let i = 0; i < 4; i++) call(b, 2000, false);
    expect(b.state).toBe('CLOSED');
    expect(b.snapshot(2000).failureRatePercent).toBe(-1);
  });

  it('ignores outcomes that arrive while open for state decisions', () => {
    const b = anchor();
    openAt100(b);
    for (let i = 0; i < 10; i++) b.onResult(200, 1, true);
    expect(b.state).toBe('OPEN');
    expect(b.tryAcquire(500)).toBe(false);
  });

  it('timestamps every transition and reports them to the listener', () => {
    const seen: string[] = [];
    const b = new CircuitBreaker(
      {
        ...defaults,
        slidingWindowType: 'time',
        slidingWindowSize: 10,
        minimumNumberOfCalls: 5,
        waitDurationInOpenStateMs: 1000,
        permittedNumberOfCallsInHalfOpenState: 4,
      },
      { onTransition: (t) => seen.push(`${t.atMs}:${t.from}->${t.to}`) },
    );
    for (let i = 0; i < 5; i++) call(b, 100 + i, false);
    for (const ok of [false, false, true, false]) call(b, 1200, ok);
    for (const ok of [true, true, true, true]) call(b, 2300, ok);
    const expected = [
      '104:CLOSED->OPEN',
      '1200:OPEN->HALF_OPEN',
      '1200:HALF_OPEN->OPEN',
      '2300:OPEN->HALF_OPEN',
      '2300:HALF_OPEN->CLOSED',
    ];
    expect(seen).toEqual(expected);
    expect(b.transitions().map((t) => `${t.atMs}:${t.from}->${t.to}`)).toEqual(expected);
    expect(b.transitionsTotal).toBe(5);
  });

  it('keeps a bounded transition history while counting all transitions', () => {
    const b = new CircuitBreaker(
      {
        ...defaults,
        slidingWindowSize: 1,
        minimumNumberOfCalls: 1,
        permittedNumberOfCallsInHalfOpenState: 1,
        waitDurationInOpenStateMs: 1,
      },
      { historyCapacity: 3 },
    );
    for (let t = 0; t < 20; t += 2) call(b, t, false);
    expect(b.transitionsTotal).toBeGreaterThan(3);
    const kept = b.transitions();
    expect(kept).toHaveLength(3);
    expect(kept[2]!.atMs).toBe(18);
  });

  it('compares rates as Resilience4j floats: 1 of 3 failures meets a 33.3333334 % threshold that a double comparison would miss', () => {
    const b = new CircuitBreaker({
      ...defaults,
      slidingWindowSize: 3,
      minimumNumberOfCalls: 3,
      failureRateThreshold: 33.3333334,
    });
    for (const ok of [true, true, false]) call(b, 0, ok);
    expect(b.state).toBe('OPEN');
  });
});
