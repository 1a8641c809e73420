import type { Fault } from '../../../core/model/schema';
import { type FaultKind, parseConfigValue } from './faultModel';

/** A fault as the form holds it: every field as typed text. */
export type FaultDraft = Record<string, string>;

/** The form's text for a fault; an error rate is shown in percent. */
export function toDraft(fault: Fault): FaultDraft {
  const out: FaultDraft = {};
  for (const [k, v] of Object.entries(fault)) out[k] = v === undefined ? '' : String(v);
  if (fault.kind === 'errorRate') out.errorRate = String(Math.round(fault.errorRate * 1000) / 10);
  // Probabilities are typed in percent.
  for (const key of PERCENT_KEYS)
    if (key in fault) out[key] = toPercent((fault as Record<string, unknown>)[key]);
  return out;
}

const PERCENT_KEYS = ['lossRate', 'duplicateRate', 'reorderRate', 'share'] as const;
const toPercent = (v: unknown) => String(Math.round(Number(v) * 1000) / 10);

/** A number typed in the form; blank is NaN, which the fault's checks refuse. */
export const draftNumber = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? Number.NaN : Number(text);
const optNum = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

/** The fault of `kind` the draft describes (unchecked: faultProblem says what is wrong with it). */
export function fromDraft(kind: FaultKind, d: FaultDraft): Fault {
  const atSec = draftNumber(d.atSec);
  switch (kind) {
    case 'killInstance':
    case 'restartInstance':
      return { kind, atSec, nodeId: d.nodeId ?? '', instance: draftNumber(d.instance) };
    case 'addLatency':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        latencyMs: draftNumber(d.latencyMs),
        durationSec: optNum(d.durationSec),
      };
    case 'errorRate':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        errorRate: draftNumber(d.errorRate) / 100,
        durationSec: optNum(d.durationSec),
      };
    case 'partition':
      return { kind, atSec, a: d.a ?? '', b: d.b ?? '', durationSec: optNum(d.durationSec) };
    case 'subscribe':
    case 'unsubscribe':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        topic: d.topic ?? '',
        ...(d.group?.trim() ? { group: d.group.trim() } : {}),
      };
    case 'configChange':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        service: d.service ?? '',
        key: d.key ?? '',
        value: parseConfigValue(d.value ?? ''),
      };
    case 'linkFaults':
      return { kind, atSec, edgeId: d.edgeId ?? '', ...draftRates(d), durationSec: optNum(d.durationSec) };
    case 'busFaults':
      return { kind, atSec, nodeId: d.nodeId ?? '', ...draftRates(d), durationSec: optNum(d.durationSec) };
    case 'grayFailure':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        instance: draftNumber(d.instance),
        share: draftNumber(d.share) / 100,
        factor: draftNumber(d.factor),
        durationSec: optNum(d.durationSec),
      };
    case 'slowDisk':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        factor: draftNumber(d.factor),
        durationSec: optNum(d.durationSec),
      };
    case 'clockSkew':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        skewMs: draftNumber(d.skewMs),
        durationSec: optNum(d.durationSec),
      };
  }
}

/** Loss, duplication and reordering typed in percent; blank is 0. */
function draftRates(d: FaultDraft) {
  const rate = (text: string | undefined) => (optNum(text) ?? 0) / 100;
  return {
    lossRate: rate(d.lossRate),
    duplicateRate: rate(d.duplicateRate),
    reorderRate: rate(d.reorderRate),
  };
}
