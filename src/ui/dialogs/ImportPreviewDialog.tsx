import { nodeKindNames } from '../../core/model/connections';
import { acceptImport, cancelImport, useInterop } from '../../state/interop/interopStore';
import { setSelection } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { IMPORT_NAMES } from '../files/interopFormats';
import { toast } from '../toast/toastStore';
import { Modal } from './Modal';
import { ScrollRegion } from './ScrollRegion';
import { TemplateThumb } from './TemplateThumb';

function accept(): void {
  const name = acceptImport();
  if (name === null) return;
  setSelection([], []);
  fitViewSoon();
  toast(`Opened “${name}”; the diagram it replaced is in File → Recent`, 'success');
}

function NoteList({ title, notes, testId }: { title: string; notes: string[]; testId: string }) {
  return (
    <section className="preview-notes">
      <h3 className="preview-heading">
        {title} <span className="list-count">{notes.length}</span>
      </h3>
      {notes.length === 0 ? (
        <p className="preview-none">Nothing.</p>
      ) : (
        <ScrollRegion className="preview-scroll" label={title}>
          <ul className="preview-list" data-testid={testId}>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </ScrollRegion>
      )}
    </section>
  );
}

/**
 * An imported design before it replaces the diagram: a miniature and its nodes, what the import
 * assumed and what it ignored. Accept opens it (the current diagram goes to Recent); Cancel, Escape
 * or the close button change nothing.
 */
export function ImportPreviewDialog() {
  const preview = useInterop((s) => s.preview);
  if (!preview) return null;
  const { document } = preview;
  return (
    <Modal
      title={`Import from ${IMPORT_NAMES[preview.format]}: ${preview.fileName}`}
      subtitle="Your diagram stays as it is until you accept; then it is kept in File → Recent."
      testId="import-preview"
      width="min(860px, calc(100vw - 48px))"
      onClose={cancelImport}
      footer={
        <>
          <button type="button" className="btn" data-testid="import-cancel" onClick={cancelImport}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" data-testid="import-accept" onClick={accept}>
            Open this design
          </button>
        </>
      }
    >
      <div className="preview-grid">
        <section className="preview-design">
          <TemplateThumb document={document} />
          <div className="preview-name">{document.name}</div>
          <div className="preview-meta">
            {document.nodes.length} components · {document.edges.length} links
          </div>
          <ScrollRegion className="preview-scroll preview-scroll--nodes" label="Components">
            <ul className="preview-nodes" data-testid="import-preview-nodes">
              {document.nodes.map((n) => (
                <li key={n.id} data-id={n.id}>
                  <code>{n.id}</code> <span className="preview-kind">{nodeKindNames[n.kind]}</span>
                </li>
              ))}
            </ul>
          </ScrollRegion>
        </section>
        <div className="preview-side">
          <NoteList title="Assumed" notes={preview.assumed} testId="import-assumed" />
          <NoteList title="Ignored" notes={preview.ignored} testId="import-ignored" />
        </div>
      </div>
    </Modal>
  );
}
