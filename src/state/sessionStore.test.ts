import { beforeEach, describe, expect, it } from 'vitest';
import { documentStore } from './documentStore';
import {
  defaultBottomHeight,
  pruneSelection,
  sessionStore,
  setBottomPanelHeight,
  setPanelCollapsed,
  setSelection,
  toggleTheme,
} from './sessionStore';

describe('sessionStore', () => {
  beforeEach(() => setSelection([], []));

  it('keeps selection out of the undo history', () => {
    const before = documentStore.temporal.getState().pastStates.length;
    setSelection(['client'], ['client-gateway']);
    expect(sessionStore.getState().selectedNodeIds).toEqual(['client']);
    expect(documentStore.temporal.getState().pastStates.length).toBe(before);
  });

  it('does not notify when the same selection is set again', () => {
    setSelection(['a'], []);
    let calls = 0;
    const stop = sessionStore.subscribe(() => calls++);
    setSelection(['a'], []);
    stop();
    expect(calls).toBe(0);
  });

  it('prunes selected ids that no longer exist', () => {
    setSelection(['a', 'b'], ['e1', 'e2']);
    pruneSelection(new Set(['b']), new Set(['e1']));
    expect(sessionStore.getState()).toMatchObject({ selectedNodeIds: ['b'], selectedEdgeIds: ['e1'] });
  });

  it('toggles between the two themes', () => {
    const first = sessionStore.getState().theme;
    toggleTheme();
    expect(sessionStore.getState().theme).not.toBe(first);
    toggleTheme();
    expect(sessionStore.getState().theme).toBe(first);
  });

  it('clamps the bottom panel height to a usable range, leaving the canvas 300 px of the window', () => {
    setBottomPanelHeight(10);
    expect(sessionStore.getState().bottomPanelHeightPx).toBe(120);
    setBottomPanelHeight(5000);
    expect(sessionStore.getState().bottomPanelHeightPx).toBe((globalThis.innerHeight ?? 900) - 300);
  });

  it('starts the bottom panel at about a third of the window', () => {
    expect(defaultBottomHeight(900)).toBe(306);
    expect(defaultBottomHeight(300)).toBe(120);
  });

  it('remembers a side panel the person collapsed or opened, apart from the others', () => {
    setPanelCollapsed('palette', true);
    setPanelCollapsed('inspector', false);
    expect(sessionStore.getState().collapsedPanels).toMatchObject({ palette: true, inspector: false });
  });
});
