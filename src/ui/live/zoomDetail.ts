/** How much a node or edge shows: every number, or a colour cue readable when the canvas is small. */
export type Detail = 'near' | 'far';

/** How a node is doing at a glance: no errors, some errors, or many. */
export type ErrorBand = 'ok' | 'warn' | 'bad';

/**
 * Below this zoom the canvas switches to far detail: 10.5 px badge text is then under 3.5 px on
 * screen, mere specks. The e-commerce template's fit view (about 0.36 in a 1440x900 window) stays
 * above it; a 100-node diagram's (about 0.23) falls below.
 */
export const FAR_BELOW_ZOOM = 0.33;
/**
 * Far detail ends only above this zoom: the gap keeps a zoom that wobbles around the threshold
 * (pinch, trackpad inertia) from flipping every number on and off.
 */
export const NEAR_FROM_ZOOM = 0.345;

/** What a card shows of its own settings: everything, or its name large and one fact. */
export type CardDetail = 'full' | 'glance';

/**
 * Below this zoom a card's 13 px title would be under 11 px on screen, so the card shows a glance
 * instead: its name, drawn large enough to read, and its most telling fact.
 */
export const GLANCE_BELOW_ZOOM = 0.85;
/** The full card comes back only from here (the same hysteresis as far detail). */
export const FULL_FROM_ZOOM = 0.87;

/** The card detail a zoom calls for, given the detail shown now. */
export function cardDetailForZoom(zoom: number, shown: CardDetail): CardDetail {
  if (shown === 'glance') return zoom >= FULL_FROM_ZOOM ? 'full' : 'glance';
  return zoom < GLANCE_BELOW_ZOOM ? 'glance' : 'full';
}

/** The screen size a glance title is drawn at, at least, in CSS px. */
export const GLANCE_TITLE_PX = 11.5;

/**
 * How much a glance enlarges its text at a zoom: the inverse of the zoom, rounded up to a quarter
 * so the title never falls under GLANCE_TITLE_PX on screen and the stylesheet's variable changes
 * only a few times over a whole zoom gesture; it grows no further past far detail's threshold,
 * where cards show health by colour and a larger title would no longer fit.
 */
export function glanceScale(zoom: number): number {
  const quarters = (z: number) => Math.ceil(4 / z) / 4;
  return Math.min(quarters(FAR_BELOW_ZOOM), quarters(Math.max(zoom, 0.01)));
}

/** Error rate from which a node counts as failing rather than degraded. */
export const BAD_ERROR_RATE = 0.05;

/** The detail a zoom calls for, given the detail shown now. */
export function detailForZoom(zoom: number, shown: Detail): Detail {
  if (shown === 'far') return zoom >= NEAR_FROM_ZOOM ? 'near' : 'far';
  return zoom < FAR_BELOW_ZOOM ? 'far' : 'near';
}

/** The band of an error rate: any error warns, BAD_ERROR_RATE and above is bad. */
export function errorBand(errorRate: number): ErrorBand {
  if (errorRate >= BAD_ERROR_RATE) return 'bad';
  if (errorRate > 0) return 'warn';
  return 'ok';
}

/** Whether some of a node's instances are down (a node without instances never is). */
export function instancesDown(healthyInstances: number, instances: number): boolean {
  return instances > 0 && healthyInstances < instances;
}

const bandRank: Record<ErrorBand, number> = { ok: 0, warn: 1, bad: 2 };

/**
 * A card's health cue holds a worse band this long (wall time) after the last frame that showed
 * it, so it reads "errors in the last few seconds". An error rate near zero flickers between "no
 * errors" and "some" from one frame to the next (each frame samples one simulated second); without
 * the hold, a hundred such cards would blink several times a second, each blink a style change and
 * a repaint, and the eye would read noise. Worse shows at once; better only once it has lasted.
 */
export const CUE_HOLD_MS = 5000;

/** The band a card's cue shows and until when it holds against a better one. */
export interface HeldBand {
  band: ErrorBand;
  holdUntilMs: number;
}

/** The cue after a frame whose band is `next`, at wall time `nowMs`. */
export function holdBand(prev: HeldBand | null, next: ErrorBand, nowMs: number): HeldBand {
  if (prev === null || bandRank[next] >= bandRank[prev.band])
    return { band: next, holdUntilMs: nowMs + CUE_HOLD_MS };
  return nowMs >= prev.holdUntilMs ? { band: next, holdUntilMs: nowMs + CUE_HOLD_MS } : prev;
}
