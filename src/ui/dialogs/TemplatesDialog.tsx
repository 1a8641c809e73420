import { useEffect, useState } from 'react';
import type { ArchDocument } from '../../core/model/schema';
import { replaceDocument } from '../../state/recentStore';
import { closeDialog, openDialog, setSelection } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';
import { BlankTemplate } from './BlankTemplate';
import { Modal } from './Modal';
import { TemplateThumb } from './TemplateThumb';
import { fetchTemplate, fetchTemplateIndex, type TemplateEntry } from './templates';

type Loaded = { ok: true; document: ArchDocument } | { ok: false; message: string };

/** The examples gallery; opening one replaces the diagram as a single undoable step, keeping it in Recent. */
export function TemplatesDialog() {
  const [entries, setEntries] = useState<TemplateEntry[] | null | 'loading'>('loading');
  const [docs, setDocs] = useState<Record<string, Loaded>>({});

  useEffect(() => {
    let alive = true;
    void fetchTemplateIndex().then(async (index) => {
      if (!alive) return;
      setEntries(index);
      for (const entry of index ?? []) {
        const loaded = await fetchTemplate(entry.file);
        if (!alive) return;
        setDocs((prev) => ({ ...prev, [entry.file]: loaded }));
      }
    });
    return () => {
      alive = false;
    };
  }, []);

  const open = (entry: TemplateEntry) => {
    const loaded = docs[entry.file];
    if (!loaded?.ok) return;
    replaceDocument(loaded.document, 'template');
    setSelection([], []);
    closeDialog();
    fitViewSoon();
    toast(`Opened template “${entry.name}”; yours is in File → Recent`, 'success');
  };

  return (
    <Modal
      title="Templates"
      subtitle="Start from a runnable example. Opening one replaces the canvas; yours stays in File → Recent."
      testId="templates-dialog"
      width={760}
      footer={
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="templates-lessons"
          onClick={() => openDialog('lessons')}
        >
          <Icon name="lessons" size={14} />
          Lessons: learn by fixing a broken design
        </button>
      }
    >
      {entries === 'loading' ? <div className="modal-note">Loading examples…</div> : null}
      {entries === null || (Array.isArray(entries) && entries.length === 0) ? (
        <div className="empty-state" data-testid="templates-empty">
          <div className="empty-title">No templates available</div>
          <div className="empty-text">
            This build ships no examples/index.json. Import a diagram with File → Import JSON instead.
          </div>
        </div>
      ) : null}
      {Array.isArray(entries) && entries.length > 0 ? (
        <div className="template-grid">
          <BlankTemplate />
          {entries.map((entry) => {
            const loaded = docs[entry.file];
            const broken = loaded && !loaded.ok ? loaded.message : null;
            return (
              <button
                key={entry.file}
                type="button"
                className="template-card"
                data-testid={`template-${entry.file}`}
                disabled={!loaded?.ok}
                title={broken ?? entry.description}
                onClick={() => open(entry)}
              >
                <TemplateThumb document={loaded?.ok ? loaded.document : null} />
                <span className="template-name">{entry.name}</span>
                <span className="template-desc">{broken ?? entry.description}</span>
              </button>
            );
          })}
        </div>
      ) : null}
    </Modal>
  );
}
