import { useMemo } from 'react';
import { highlightCss } from './highlightCss';
import { useWalkthrough } from './walkthroughStore';

/** Styles the canvas for the current hop (see highlightCss); renders nothing visible itself. */
export function WalkthroughHighlight() {
  const steps = useWalkthrough((s) => s.steps);
  const css = useMemo(() => highlightCss(steps), [steps]);
  return css ? <style data-testid="walkthrough-highlight">{css}</style> : null;
}
