import { Icon } from '../icons/Icon';

/** The small "JSON" button that saves an experiment's result as the CLI prints it. */
export function JsonDownloadButton({ testId, onClick }: { testId: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn--xs" data-testid={testId} onClick={onClick}>
      <Icon name="download" size={12} /> JSON
    </button>
  );
}
