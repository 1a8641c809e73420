import '@xyflow/react/dist/style.css';
import './ui/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { formatIssue } from './core/model/validate';
import { holdAutosave, isAutosaveHeld, onAutosaveResumed } from './state/autosaveHold';
import { documentStore, loadDocumentFresh } from './state/documentStore';
import { initLessons } from './state/lessonStore';
import { startAutosave } from './state/persistence';
import { initRecent, replaceDocument } from './state/recentStore';
import { sessionStore, setBanner, setSelection } from './state/sessionStore';
import { decodeShareHash } from './state/shareDecode';
import { startSimWorker } from './state/simSession';
import { loadStartupDocument } from './state/startup';
import { App } from './ui/App';
import { fitViewSoon } from './ui/canvas/flowControls';
import { uiKinds } from './ui/kinds';
import { installKindColors } from './ui/kinds/kindColors';
import { initLive } from './ui/live/testHook';
import { toast } from './ui/toast/toastStore';

const storage: Storage = window.localStorage;

async function fetchText(path: string): Promise<string | null> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The hash held a diagram; drop it so a reload reopens the autosave, not the old link. */
function clearHash(): void {
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

async function boot(): Promise<void> {
  document.documentElement.dataset.theme = sessionStore.getState().theme;
  installKindColors(uiKinds, document);
  const startup = await loadStartupDocument({
    hash: window.location.hash,
    storage,
    fetchText,
    now: new Date(),
  });
  initRecent(storage);
  initLessons(storage);
  loadDocumentFresh(startup.document);
  if (startup.source === 'share' || window.location.hash.startsWith('#d=')) clearHash();
  setBanner(startup.notice);
  if (startup.held) holdAutosave(startup.held);

  const autosave = startAutosave(documentStore, storage, {
    onError: (message) => toast(`Autosave failed: ${message}`, 'error'),
    isPaused: isAutosaveHeld,
  });
  // Exported or discarded: the current diagram goes under the autosave key at once.
  onAutosaveResumed(() => {
    autosave.saveSoon();
    autosave.flush();
  });
  // The shared diagram is the working one now (the one it replaced is in Recent): save it.
  if (startup.source === 'share') autosave.saveSoon();
  if (startup.setAside) toast(`Your previous diagram “${startup.setAside.name}” is in File → Recent`, 'info');
  window.addEventListener('pagehide', autosave.flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') autosave.flush();
  });

  // A share link pasted into this tab changes only the hash: open it as an undoable replacement.
  window.addEventListener('hashchange', () => {
    const shared = decodeShareHash(window.location.hash);
    if (shared.kind === 'none') return;
    clearHash();
    if (shared.kind === 'ok') {
      replaceDocument(shared.document, 'shareLink');
      setSelection([], []);
      fitViewSoon();
      toast(
        `Opened shared diagram “${shared.document.name}”; the previous one is in File → Recent`,
        'success',
      );
    } else {
      setBanner({
        tone: 'error',
        title: 'The shared link holds no valid diagram.',
        details: shared.errors.slice(0, 8).map(formatIssue),
      });
    }
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  initLive();
  void startSimWorker();
}

void boot();
