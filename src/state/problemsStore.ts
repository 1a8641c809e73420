import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { analyzeDocument, problemsOf } from '../core/analysis/index';
import type { ArchitectureAnalysis, Finding } from '../core/analysis/types';
import type { ArchDocument } from '../core/model/schema';
import { documentStore } from './documentStore';
import { onlyPositionsMoved } from './positionsOnly';

/** The analysis reruns this long after the last edit, so dragging and typing stay smooth. */
const DEBOUNCE_MS = 250;

/** A card's mark: its worst problem's severity and every problem's title, as plain strings. */
interface NodeMark {
  severity: 'critical' | 'warning';
  text: string;
}

export interface ProblemsState {
  /** The document the analysis read. */
  document: ArchDocument;
  /** The analysis of the document as it was at the last rerun; null when it failed. */
  analysis: ArchitectureAnalysis | null;
  error: string | null;
  /** The problems list (core/analysis: problemsOf), in the analysis's order. */
  problems: Finding[];
  /** Per node id, its mark. */
  marks: ReadonlyMap<string, NodeMark>;
}

function marksOf(problems: readonly Finding[]): Map<string, NodeMark> {
  const marks = new Map<string, NodeMark>();
  for (const p of problems) {
    // A problem marks the node it is about: the first it names (a link's source, a step's owner).
    const id = p.nodeIds[0];
    if (id === undefined) continue;
    const prev = marks.get(id);
    const severity = prev?.severity === 'critical' || p.severity === 'critical' ? 'critical' : 'warning';
    marks.set(id, { severity, text: prev ? `${prev.text}\n${p.title}` : p.title });
  }
  return marks;
}

function analyse(doc: ArchDocument): ProblemsState {
  try {
    const analysis = analyzeDocument(doc);
    const problems = problemsOf(analysis);
    return { document: doc, analysis, error: null, problems, marks: marksOf(problems) };
  } catch (e) {
    return {
      document: doc,
      analysis: null,
      error: e instanceof Error ? e.message : String(e),
      problems: [],
      marks: new Map(),
    };
  }
}

/**
 * The design's analysis and its problems list, recomputed from the document a moment after each
 * edit. The toolbar badge, the Problems and Analysis tabs and the cards' marks all read it.
 */
export const problemsStore = createStore<ProblemsState>()(() => analyse(documentStore.getState().document));

let timer: ReturnType<typeof setTimeout> | undefined;
documentStore.subscribe((state, prev) => {
  if (state.document === prev.document) return;
  // The analysis never reads positions: a drag or an Arrange leaves its findings as they are (on a
  // 300-node diagram, rerunning it after an Arrange was a 65 ms task). A pending rerun still reads
  // the newest document when it fires.
  if (onlyPositionsMoved(prev.document, state.document)) return;
  clearTimeout(timer);
  timer = setTimeout(() => problemsStore.setState(analyse(documentStore.getState().document)), DEBOUNCE_MS);
});

export function useProblems<T>(selector: (s: ProblemsState) => T): T {
  return useStore(problemsStore, selector);
}

/**
 * Applies the fix labelled `label` of problem `problemId` as one undoable change. A fix is computed
 * from the document the analysis read: when the document changed since (an edit within the
 * debounce), the problems are computed again first, so a fix never undoes a newer edit.
 */
export function applyFix(problemId: string, label: string): void {
  const doc = documentStore.getState().document;
  let state = problemsStore.getState();
  if (state.document !== doc) {
    state = analyse(doc);
    problemsStore.setState(state);
  }
  const fix = state.problems.find((p) => p.id === problemId)?.fixes.find((f) => f.label === label);
  if (fix) documentStore.getState().applyChange(fix.change);
}
