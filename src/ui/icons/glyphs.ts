import { type Glyph, glyph } from './glyph';

/**
 * The named line glyphs of the editor, the run controls and the panels, hand-drawn on a 24×24
 * grid. The glyph of each component kind lives with its kind (src/ui/kinds).
 */
export const glyphs = {
  // Editing and files
  plus: glyph('M12 5v14M5 12h14'),
  x: glyph('M6 6l12 12M18 6 6 18'),
  check: glyph('m5 12.5 4.5 4.5L19 7.5'),
  trash: glyph('M4 7h16M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5', 'M10.5 11v5M13.5 11v5'),
  arrowUp: glyph('M12 19V5M6 11l6-6 6 6'),
  arrowDown: glyph('M12 5v14M6 13l6 6 6-6'),
  chevronDown: glyph('m6 9 6 6 6-6'),
  chevronRight: glyph('m9 6 6 6-6 6'),
  chevronUp: glyph('m6 15 6-6 6 6'),
  undo: glyph('M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11'),
  redo: glyph('m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13'),
  templates: glyph(
    { rect: [3.5, 3.5, 7, 7, 1.5] },
    { rect: [13.5, 3.5, 7, 7, 1.5] },
    { rect: [3.5, 13.5, 7, 7, 1.5] },
    { rect: [13.5, 13.5, 7, 7, 1.5] },
  ),
  file: glyph(
    'M14 3.5H7A1.5 1.5 0 0 0 5.5 5v14A1.5 1.5 0 0 0 7 20.5h10a1.5 1.5 0 0 0 1.5-1.5V8z',
    'M14 3.5V8h4.5',
  ),
  download: glyph('M12 4v11M7 10.5l5 5 5-5M5 19.5h14'),
  upload: glyph('M12 15.5v-11M7 9l5-5 5 5M5 19.5h14'),
  image: glyph({ rect: [3.5, 4.5, 17, 15, 2] }, { circle: [9, 10, 1.75] }, 'm20.5 16-5-5-9 8.5'),
  link: glyph(
    'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1',
    'M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
  ),
  sun: glyph(
    { circle: [12, 12, 4] },
    'M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4',
  ),
  moon: glyph('M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z'),
  keyboard: glyph({ rect: [2.5, 6, 19, 12, 2] }, 'M6.5 10h.01M10 10h.01M13.5 10h.01M17 10h.01M8 14h8'),
  layout: glyph(
    { rect: [3, 4, 6, 5, 1] },
    { rect: [15, 4, 6, 5, 1] },
    { rect: [15, 15, 6, 5, 1] },
    'M9 6.5h6M12 6.5v11h3',
  ),
  copy: glyph(
    { rect: [8.5, 8.5, 12, 12, 2] },
    'M15.5 8.5V5A1.5 1.5 0 0 0 14 3.5H5A1.5 1.5 0 0 0 3.5 5v9A1.5 1.5 0 0 0 5 15.5h3.5',
  ),
  alert: glyph('M12 3.5 2.5 20h19z', 'M12 10v4.5M12 17.5h.01'),
  info: glyph({ circle: [12, 12, 9] }, 'M12 11v5.5M12 7.5h.01'),
  panel: glyph({ rect: [3.5, 4.5, 17, 15, 2] }, 'M3.5 14.5h17'),
  cursor: glyph('m5 4 13 6.5-5.5 1.5L10 18z'),
  grip: glyph('M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01'),
  walkthrough: glyph(
    { circle: [6, 18, 2] },
    { circle: [18, 6, 2] },
    'M8 18h6.5a3 3 0 0 0 0-6h-5a3 3 0 0 1 0-6H16',
  ),
  empty: glyph({ rect: [4, 5, 16, 14, 2] }, 'M4 10h16M9 14.5h6'),
  more: { shapes: ['M5.5 12h.01M12 12h.01M18.5 12h.01'], strokeWidth: 3 },
  lessons: glyph(
    'M12 6.5C10 5 7.5 4.5 4 4.5v13c3.5 0 6 .5 8 2 2-1.5 4.5-2 8-2v-13c-3.5 0-6 .5-8 2z',
    'M12 6.5v13',
  ),
  sidebar: glyph({ rect: [3.5, 4.5, 17, 15, 2] }, 'M9.5 4.5v15'),
  newFile: glyph(
    'M14 3.5H7A1.5 1.5 0 0 0 5.5 5v14A1.5 1.5 0 0 0 7 20.5h10a1.5 1.5 0 0 0 1.5-1.5V8z',
    'M14 3.5V8h4.5M12 11v6M9 14h6',
  ),
  // Running, faults and run panels
  play: {
    shapes: ['M7 5.5v13a.8.8 0 0 0 1.2.7l10.4-6.5a.8.8 0 0 0 0-1.4L8.2 4.8A.8.8 0 0 0 7 5.5z'],
    filled: true,
  },
  pause: glyph('M8.5 5v14M15.5 5v14'),
  stepOne: glyph('M6 5.5v13l9-6.5zM18 5v14'),
  stepSpan: glyph('M4 12h9M10 8.5l3.5 3.5-3.5 3.5', { rect: [15.5, 6, 4.5, 12, 1.2] }),
  reset: glyph('M4.5 12a7.5 7.5 0 1 0 2.2-5.3', 'M4.5 4.5v3.8h3.8'),
  bolt: glyph('M13 3 5 13.5h6L10 21l8-10.5h-6z'),
  kill: glyph({ circle: [12, 12, 8] }, 'm9 9 6 6M15 9l-6 6'),
  restart: glyph('M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4.5v3.8h-3.8'),
  slow: glyph({ circle: [12, 13, 7.5] }, 'M12 9v4l2.5 2.5M10 3h4'),
  errors: glyph('M12 4 2.8 19.5h18.4z', 'M12 10v4M12 17h.01'),
  partition: glyph('M4 12h5M15 12h5M9.5 7l5 10'),
  config: glyph('M4 7h9M17 7h3M4 17h3M11 17h9', { circle: [15, 7, 2] }, { circle: [9, 17, 2] }),
  search: glyph({ circle: [11, 11, 6.5] }, 'm16 16 4 4'),
  follow: glyph('M12 4v14M6.5 12.5 12 18l5.5-5.5M5 20.5h14'),
  refresh: glyph('M19.5 12a7.5 7.5 0 0 1-13.3 4.8M4.5 12a7.5 7.5 0 0 1 13.3-4.8', 'M18 3.5v4h-4M6 20.5v-4h4'),
  scenario: glyph({ rect: [3.5, 5, 17, 14, 2] }, 'M3.5 9.5h17M8 5V3.5M16 5V3.5M8 13.5h3M8 16h6'),
  // Experiments: a latency curve over load, flat and then steep
  experiment: glyph('M4 4v16h16', 'M7 16h5.5c2.5 0 4.5-3 6-9.5'),
} satisfies Record<string, Glyph>;

export type IconName = keyof typeof glyphs;
