import type { ReactNode } from 'react';
import type { NodeKind } from '../../core/model/schema';
import { StrokeSvg } from './StrokeSvg';

// One glyph per component kind, shaped after what it is: a screen, a gate, a box, a database...
const glyphs: Record<NodeKind, ReactNode> = {
  client: (
    <>
      <rect x="3.5" y="4.5" width="17" height="11" rx="1.5" />
      <path d="M8.5 19.5h7M12 15.5v4" />
    </>
  ),
  gateway: (
    <>
      <path d="M4 20.5V9.5a8 8 0 0 1 16 0v11" />
      <path d="M8 20.5v-8a4 4 0 0 1 8 0v8" />
      <path d="M2.5 20.5h19" />
    </>
  ),
  service: (
    <>
      <path d="M12 3 20 7.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5 12 12l8-4.5M12 12v9" />
    </>
  ),
  proxy: (
    <>
      <rect x="3" y="6" width="8" height="12" rx="2" />
      <rect x="15" y="8" width="6" height="8" rx="1.5" />
      <path d="M11 10h4M11 14h4" />
    </>
  ),
  controlPlane: (
    <>
      <path d="M5 4v16M12 4v16M19 4v16" />
      <rect x="3" y="13" width="4" height="3" rx="1" />
      <rect x="10" y="7" width="4" height="3" rx="1" />
      <rect x="17" y="11" width="4" height="3" rx="1" />
    </>
  ),
  registry: (
    <>
      <rect x="4.5" y="3.5" width="15" height="17" rx="2" />
      <path d="M8.5 8h7M8.5 12h7M8.5 16h4" />
      <path d="M2.5 8h2M2.5 12h2M2.5 16h2" />
    </>
  ),
  configServer: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" />
    </>
  ),
  eventBus: (
    <>
      <path d="M3 8h18M3 16h18" />
      <circle cx="7" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
      <circle cx="10" cy="16" r="1.5" />
      <circle cx="17" cy="16" r="1.5" />
    </>
  ),
  eventStore: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
      <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
      <path d="M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
    </>
  ),
  readModel: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <path d="M3.5 9.5h17M9.5 9.5v10" />
    </>
  ),
  logRouter: (
    <>
      <circle cx="5.5" cy="12" r="2" />
      <path d="M7.5 12h4l5-6h2.5M11.5 12l5 6h2.5M11.5 12h8" />
    </>
  ),
  logStore: (
    <>
      <path d="M4 6.5h16v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z" />
      <path d="M3 3.5h18v3H3zM9 11h6" />
      <path d="M7.5 15h9M7.5 18h6" />
    </>
  ),
};

interface Props {
  kind: NodeKind;
  size?: number;
}

/** The glyph of a component kind, used on the palette, node cards and the inspector header. */
export function KindIcon({ kind, size = 16 }: Props) {
  return (
    <StrokeSvg size={size} strokeWidth={1.6} className="icon">
      {glyphs[kind]}
    </StrokeSvg>
  );
}
