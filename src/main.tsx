import '@xyflow/react/dist/style.css';
import './ui/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { documentStore, loadDocumentFresh } from './state/documentStore';
import { startAutosave } from './state/persistence';
import { sessionStore, setBanner, setSelection } from './state/sessionStore';
import { decodeShareHash } from './state/shareDecode';
import { loadStartupDocument } from './state/startup';
import { workerBridge } from './state/workerBridge';
import { App } from './ui/App';
import { fitViewSoon } from './ui/canvas/flowControls';
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
  const startup = await loadStartupDocument({
    hash: window.location.hash,
    storage,
    fetchText,
    stamp: new Date().toISOString().replace(/[:.]/g, '-'),
  });
  loadDocumentFresh(startup.document);
  if (startup.source === 'share' || window.location.hash.startsWith('#d=')) clearHash();
  setBanner(startup.notice);

  const autosave = startAutosave(documentStore, storage, 500, (message) =>
    toast(`Autosave failed: ${message}`, 'error'),
  );
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
      documentStore.getState().replaceDocument(shared.document);
      setSelection([], []);
      fitViewSoon();
      toast(`Opened shared diagram “${shared.document.name}”`, 'success');
    } else {
      setBanner({
        tone: 'error',
        title: 'The shared link holds no valid diagram.',
        details: shared.errors.slice(0, 8).map((e) => `${e.path}: ${e.message}`),
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
  void workerBridge.start();
}

void boot();
