import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { simulatesSame, useLoadedDocument } from '../../state/simSession';

/** True while a run exists and the design was edited since it was loaded. */
export function useDesignStale(): boolean {
  const doc = useDocumentStore(selectDocument);
  const loaded = useLoadedDocument();
  return loaded !== null && !simulatesSame(loaded, doc);
}
