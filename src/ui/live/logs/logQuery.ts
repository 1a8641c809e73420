import type { LogLevel, LogQuery } from '../../../worker/protocol';

/** The query form as typed: seconds and a limit are text until the query runs. */
export interface LogQueryDraft {
  fromSec: string;
  toSec: string;
  service: string;
  minLevel: LogLevel;
  limit: string;
}

export const initialLogQuery: LogQueryDraft = {
  fromSec: '0',
  toSec: '',
  service: '',
  minLevel: 'debug',
  limit: '200',
};

const MAX_LIMIT = 5000;

/**
 * The worker's query for a draft, or what is wrong with it. Time runs [from, to); a blank To means
 * up to now (inclusive of `nowMs`), a blank service or the lowest level filters nothing.
 */
export function logQueryOf(q: LogQueryDraft, nowMs: number): { query: LogQuery } | { problem: string } {
  const startMs = Number(q.fromSec || '0') * 1000;
  const endMs = q.toSec.trim() === '' ? nowMs + 1 : Number(q.toSec) * 1000;
  const limit = Number(q.limit);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs < 0)
    return { problem: 'From and To must be seconds ≥ 0' };
  if (endMs <= startMs) return { problem: 'To must be after From' };
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return { problem: `Limit must be a whole number from 1 to ${MAX_LIMIT}` };
  return {
    query: {
      startMs,
      endMs,
      limit,
      ...(q.service ? { service: q.service } : {}),
      ...(q.minLevel !== 'debug' ? { minLevel: q.minLevel } : {}),
    },
  };
}
