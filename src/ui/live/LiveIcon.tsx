import type { ReactNode } from 'react';
import { StrokeSvg } from '../icons/StrokeSvg';

// Same 24×24 stroke style as the editor's icons, for the run controls and panels.
const glyphs = {
  play: <path d="M7 5.5v13a.8.8 0 0 0 1.2.7l10.4-6.5a.8.8 0 0 0 0-1.4L8.2 4.8A.8.8 0 0 0 7 5.5z" />,
  pause: <path d="M8.5 5v14M15.5 5v14" />,
  stepOne: <path d="M6 5.5v13l9-6.5zM18 5v14" />,
  stepSpan: (
    <>
      <path d="M4 12h9M10 8.5l3.5 3.5-3.5 3.5" />
      <rect x="15.5" y="6" width="4.5" height="12" rx="1.2" />
    </>
  ),
  reset: (
    <>
      <path d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3" />
      <path d="M4.5 4.5v3.8h3.8" />
    </>
  ),
  bolt: <path d="M13 3 5 13.5h6L10 21l8-10.5h-6z" />,
  kill: (
    <>
      <circle cx="12" cy="12" r="8" />
      <path d="m9 9 6 6M15 9l-6 6" />
    </>
  ),
  restart: (
    <>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
      <path d="M19.5 4.5v3.8h-3.8" />
    </>
  ),
  slow: (
    <>
      <circle cx="12" cy="13" r="7.5" />
      <path d="M12 9v4l2.5 2.5M10 3h4" />
    </>
  ),
  errors: (
    <>
      <path d="M12 4 2.8 19.5h18.4z" />
      <path d="M12 10v4M12 17h.01" />
    </>
  ),
  partition: <path d="M4 12h5M15 12h5M9.5 7l5 10" />,
  config: (
    <>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4 4" />
    </>
  ),
  follow: <path d="M12 4v14M6.5 12.5 12 18l5.5-5.5M5 20.5h14" />,
  refresh: (
    <>
      <path d="M19.5 12a7.5 7.5 0 0 1-13.3 4.8M4.5 12a7.5 7.5 0 0 1 13.3-4.8" />
      <path d="M18 3.5v4h-4M6 20.5v-4h4" />
    </>
  ),
  scenario: (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <path d="M3.5 9.5h17M8 5V3.5M16 5V3.5M8 13.5h3M8 16h6" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type LiveIconName = keyof typeof glyphs;

/** A run-control or panel icon drawn in the current text colour. */
export function LiveIcon({ name, size = 16 }: { name: LiveIconName; size?: number }) {
  return (
    <StrokeSvg className="icon" size={size} strokeWidth={1.75} filled={name === 'play'}>
      {glyphs[name]}
    </StrokeSvg>
  );
}
