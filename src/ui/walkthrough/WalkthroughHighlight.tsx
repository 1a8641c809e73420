import { useMemo } from 'react';
import { useWalkthrough } from '../../state/walkthroughStore';
import { highlightCss } from './highlightCss';

/** Styles the canvas for the current hop (see highlightCss); renders nothing visible itself. */
export function WalkthroughHighlight() {
  const steps = useWalkthrough((s) => s.steps);
  const css = useMemo(() => highlightCss(steps), [steps]);
  return css ? <style data-testid="walkthrough-highlight">{css}</style> : null;
}
