import type { ReactNode } from 'react';

interface Props {
  title?: string;
  children: ReactNode;
  testId?: string;
}

/** What a panel shows while it has nothing to list: a title, and what would fill it. */
export function EmptyState({ title, children, testId }: Props) {
  return (
    <div className="empty-state" data-testid={testId}>
      {title ? <div className="empty-title">{title}</div> : null}
      <div className="empty-text">{children}</div>
    </div>
  );
}
