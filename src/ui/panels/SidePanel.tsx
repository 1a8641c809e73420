import type { ReactNode } from 'react';
import { type SessionState, setPanelCollapsed, useSession } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';
import { useWindowWidth } from './useWindowWidth';

interface Props {
  /** Names the panel's collapsed state in the session. */
  id: string;
  side: 'left' | 'right';
  title: string;
  /** Below this window width the panel starts collapsed, until the person opens it. */
  collapseBelowPx: number;
  /** A short note beside the title while open. */
  hint?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A side panel that collapses to a narrow rail: by a button, or by itself on a narrow window. Its
 * content stays mounted, so a rail can show a compact form of it (the stylesheet decides how).
 */
export function SidePanel({ id, side, title, collapseBelowPx, hint, className, children }: Props) {
  const chosen = useSession((s: SessionState) => s.collapsedPanels[id]);
  const narrow = useWindowWidth() < collapseBelowPx;
  const collapsed = chosen ?? narrow;
  const action = collapsed ? `Show ${title.toLowerCase()}` : `Hide ${title.toLowerCase()}`;
  return (
    <aside
      className={`sidebar sidebar--${side} ${className ?? ''}${collapsed ? ' is-rail' : ''}`}
      aria-label={title}
      data-testid={`panel-${id}`}
      data-collapsed={collapsed ? '' : undefined}
    >
      <div className="sidebar-head">
        {collapsed ? null : <h2 className="sidebar-title">{title}</h2>}
        {collapsed || !hint ? null : <span className="sidebar-hint">{hint}</span>}
        <button
          type="button"
          className="btn-icon btn-icon--xs sidebar-toggle"
          aria-label={action}
          title={action}
          aria-expanded={!collapsed}
          data-testid={`panel-toggle-${id}`}
          onClick={() => setPanelCollapsed(id, !collapsed)}
        >
          <Icon name="sidebar" size={14} />
        </button>
      </div>
      {children}
    </aside>
  );
}
