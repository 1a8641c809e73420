import { type WalkthroughState, walkthroughStore } from '../../state/walkthroughStore';
import type { WalkthroughStepResult } from '../../worker/protocol';
import { fitBesidePanel, fitWhole, narrowBesidePanel } from './canvasFit';

/** Hops the camera keeps in view: enough for context, few enough that the cards stay readable. */
const FOLLOW_EVENTS = 4;
/** The same beside the panel on a narrow canvas, where four hops would shrink past the least zoom. */
const FOLLOW_EVENTS_NARROW = 1;

function recentNodes(steps: readonly WalkthroughStepResult[]): string[] {
  const ids = new Set<string>();
  const follow = narrowBesidePanel() ? FOLLOW_EVENTS_NARROW : FOLLOW_EVENTS;
  for (const { event } of steps.slice(-follow)) {
    if (event) ids.add(event.fromNodeId).add(event.toNodeId);
  }
  return [...ids];
}

/** Where the camera goes when the walkthrough changes: beside the panel, after the request, or back. */
function follow(s: WalkthroughState, prev: WalkthroughState): void {
  if (prev.status === 'off' && s.status !== 'off') fitBesidePanel();
  else if (s.status === 'off' && prev.status !== 'off') fitWhole();
  else if (s.steps.length > prev.steps.length) fitBesidePanel(recentNodes(s.steps));
}

/**
 * Moves the canvas camera along with the walkthrough: beside the panel when it opens, after the
 * request as it travels, and back to the whole diagram when it ends. Returns the unsubscribe.
 */
export function followWalkthrough(): () => void {
  return walkthroughStore.subscribe(follow);
}
