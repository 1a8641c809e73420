import { useRunStatus } from '../../state/liveSelectors';
import { FileInputs } from '../files/FileInputs';
import { DocumentName } from './DocumentName';
import { Logo } from './Logo';
import { OverflowBar } from './OverflowBar';
import { toolbarItems } from './toolbarItems';

/** The top bar: identity and name, then every control, the ones that do not fit in a menu. */
export function Toolbar() {
  const status = useRunStatus();
  return (
    <header className="toolbar" data-testid="run-controls-bar" data-run-status={status}>
      <div className="toolbar-group toolbar-identity">
        <Logo />
        <span className="toolbar-slash" aria-hidden="true">
          /
        </span>
        <DocumentName />
      </div>
      <OverflowBar items={toolbarItems} label="Tools" />
      <FileInputs />
    </header>
  );
}
