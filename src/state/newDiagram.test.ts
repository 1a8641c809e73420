import { beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION, documentSchema } from '../core/model/schema';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh, undo } from './documentStore';
import { newDiagram } from './newDiagram';
import { initRecent, recentStore } from './recentStore';
import { sessionStore, setSelection } from './sessionStore';
import { testStorage } from './testStorage';

beforeEach(() => {
  initRecent(testStorage(), () => new Date('2026-05-06T07:08:09.000Z'));
  loadDocumentFresh({ ...createDefaultDocument(), name: 'mine', description: 'my notes' });
});

describe('newDiagram', () => {
  it('opens an empty "Untitled system" with no description and the default scenario', () => {
    const mine = documentStore.getState().document;
    documentStore.getState().setScenario({ ...mine.scenario, seed: 99, durationSec: 5 });
    newDiagram();
    const doc = documentStore.getState().document;
    expect(doc).toMatchObject({ name: 'Untitled system', description: '', nodes: [], edges: [] });
    const defaults = documentSchema.parse({
      format: 'archplay',
      version: DOCUMENT_VERSION,
      name: 'x',
      nodes: [],
      edges: [],
    });
    expect(doc.scenario).toEqual(defaults.scenario);
  });

  it('keeps the replaced diagram in Recent, and undo brings it back', () => {
    newDiagram();
    expect(recentStore.getState().entries[0]).toMatchObject({ name: 'mine', reason: 'newDiagram' });
    undo();
    expect(documentStore.getState().document.name).toBe('mine');
  });

  it('clears the selection, which named nodes of the old diagram', () => {
    setSelection(['client'], []);
    newDiagram();
    expect(sessionStore.getState().selectedNodeIds).toEqual([]);
  });
});
