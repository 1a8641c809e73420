import { useInterop } from '../../state/interop/interopStore';
import { closeDialog } from '../../state/sessionStore';
import { Modal } from './Modal';
import { ScrollRegion } from './ScrollRegion';

/** After an export with notes: the files it downloaded, and what the format had no place for. */
export function ExportReportDialog() {
  const report = useInterop((s) => s.report);
  if (!report) return null;
  return (
    <Modal
      title={`Exported as ${report.label}`}
      subtitle={`Downloaded ${report.files.join(', ')}.`}
      testId="export-report"
      width={560}
      footer={
        <button type="button" className="btn btn--primary" onClick={closeDialog}>
          OK
        </button>
      }
    >
      <h3 className="preview-heading">What the format has no place for</h3>
      <ScrollRegion className="preview-scroll" label="Notes">
        <ul className="preview-list" data-testid="export-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </ScrollRegion>
    </Modal>
  );
}
