import type { ReactNode } from 'react';

interface Props {
  label: string;
  className: string;
  children: ReactNode;
  testId?: string;
}

/** A labelled region that scrolls on its own and takes focus, so the keyboard can scroll it too. */
export function ScrollRegion({ label, className, children, testId }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe: scrollable-region-focusable).
    <section className={className} aria-label={label} tabIndex={0} data-testid={testId}>
      {children}
    </section>
  );
}
