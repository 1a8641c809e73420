import type { ValidationIssue } from '../../core/model/issues';
import { formatPlace } from '../../core/model/validate';
import { closeDialog, useSession } from '../../state/sessionStore';
import { Modal } from './Modal';

const selectImportErrors = (s: { importErrors: { fileName: string; errors: ValidationIssue[] } | null }) =>
  s.importErrors;

/**
 * Every problem of a refused import, path by path, each node or edge named as the canvas shows it;
 * the diagram on screen was left as it was.
 */
export function ImportErrorsDialog() {
  const report = useSession(selectImportErrors);
  if (!report) return null;
  const n = report.errors.length;
  return (
    <Modal
      title="This file cannot be opened"
      subtitle={`${report.fileName} has ${n} problem${n === 1 ? '' : 's'}. Your current diagram was not changed.`}
      testId="import-errors"
      width={600}
      footer={
        <button type="button" className="btn btn--primary" onClick={closeDialog}>
          OK
        </button>
      }
    >
      <ul className="error-list">
        {report.errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for the dialog's life.
          <li key={i} className="error-row" data-testid="import-error">
            <code className="error-path">{formatPlace(e) || '(document)'}</code>
            <span className="error-message">{e.message}</span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
