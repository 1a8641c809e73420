import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ValidationIssue } from '../core/model/issues';

export type Theme = 'light' | 'dark';
export const bottomTabs = ['events', 'charts', 'traces', 'logs', 'state', 'problems', 'analysis'] as const;
export type BottomTab = (typeof bottomTabs)[number];
export type Dialog =
  | 'templates'
  | 'lessons'
  | 'shortcuts'
  | 'importErrors'
  | 'share'
  | 'experiment'
  | 'importPreview'
  | 'exportReport'
  | null;

/** A problem the app must tell the person about at start-up or after an import. */
export interface Notice {
  tone: 'warning' | 'error' | 'info';
  title: string;
  details: string[];
}

export interface SessionState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  theme: Theme;
  bottomPanelOpen: boolean;
  bottomTab: BottomTab;
  bottomPanelHeightPx: number;
  /** Side panels the person collapsed (true) or opened (false); others follow the window width. */
  collapsedPanels: Readonly<Record<string, boolean>>;
  viewport: { x: number; y: number; zoom: number } | null;
  dialog: Dialog;
  /** Errors of the last refused import, shown in the import dialog. */
  importErrors: { fileName: string; errors: ValidationIssue[] } | null;
  banner: Notice | null;
}

const THEME_KEY = 'archplay.theme';

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be blocked (private mode); the system preference still applies.
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The bottom panel's first height: about a third of the window, within the drag limits. */
export function defaultBottomHeight(windowHeightPx: number): number {
  return clampBottomHeight(windowHeightPx * 0.34);
}

const BOTTOM_MIN_PX = 120;
/** The toolbar, the timeline and a usable strip of canvas stay above the bottom panel. */
const ABOVE_BOTTOM_PX = 300;

function clampBottomHeight(heightPx: number): number {
  const max = Math.max(BOTTOM_MIN_PX, (globalThis.innerHeight ?? 900) - ABOVE_BOTTOM_PX);
  return Math.round(Math.min(max, Math.max(BOTTOM_MIN_PX, heightPx)));
}

/** UI session state: what is selected and open. Never undone, never part of the saved document. */
export const sessionStore = createStore<SessionState>()(() => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  theme: initialTheme(),
  // On short screens the canvas needs the height more than an empty run panel does.
  bottomPanelOpen: (globalThis.innerHeight ?? 900) >= 800,
  bottomTab: 'events',
  // Tall enough for a chart with its axes and legend at 900 px; on short screens the canvas keeps more.
  bottomPanelHeightPx: defaultBottomHeight(globalThis.innerHeight ?? 900),
  collapsedPanels: {},
  viewport: null,
  dialog: null,
  importErrors: null,
  banner: null,
}));

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export function setSelection(nodeIds: readonly string[], edgeIds: readonly string[]): void {
  const s = sessionStore.getState();
  if (sameIds(s.selectedNodeIds, nodeIds) && sameIds(s.selectedEdgeIds, edgeIds)) return;
  sessionStore.setState({ selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds] });
}

/** Drops selected ids that no longer exist (after undo, delete or an import). */
export function pruneSelection(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void {
  const s = sessionStore.getState();
  setSelection(
    s.selectedNodeIds.filter((id) => nodeIds.has(id)),
    s.selectedEdgeIds.filter((id) => edgeIds.has(id)),
  );
}

function setTheme(theme: Theme): void {
  sessionStore.setState({ theme });
  try {
    globalThis.localStorage?.setItem(THEME_KEY, theme);
  } catch {
    // Not persisting the theme is harmless.
  }
}

export const toggleTheme = (): void => setTheme(sessionStore.getState().theme === 'dark' ? 'light' : 'dark');
export const openDialog = (dialog: Dialog): void => sessionStore.setState({ dialog });
export const closeDialog = (): void => sessionStore.setState({ dialog: null });
export const setBanner = (banner: Notice | null): void => sessionStore.setState({ banner });

export function showBottomTab(tab: BottomTab): void {
  sessionStore.setState({ bottomTab: tab, bottomPanelOpen: true });
}

export const toggleBottomPanel = (): void =>
  sessionStore.setState((s) => ({ bottomPanelOpen: !s.bottomPanelOpen }));

export function setBottomPanelHeight(heightPx: number): void {
  sessionStore.setState({ bottomPanelHeightPx: clampBottomHeight(heightPx) });
}

/** Remembers that the person collapsed or opened a side panel, over the width's default. */
export function setPanelCollapsed(id: string, collapsed: boolean): void {
  sessionStore.setState((s) => ({ collapsedPanels: { ...s.collapsedPanels, [id]: collapsed } }));
}

export function showImportErrors(fileName: string, errors: ValidationIssue[]): void {
  sessionStore.setState({ importErrors: { fileName, errors }, dialog: 'importErrors' });
}

export const selectTheme = (s: SessionState): Theme => s.theme;
export const selectSelectedNodeIds = (s: SessionState): string[] => s.selectedNodeIds;
export const selectSelectedEdgeIds = (s: SessionState): string[] => s.selectedEdgeIds;
export const selectDialog = (s: SessionState): Dialog => s.dialog;
export const selectBanner = (s: SessionState): Notice | null => s.banner;
