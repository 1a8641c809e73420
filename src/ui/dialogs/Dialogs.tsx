import { lazy, Suspense } from 'react';
import { selectDialog, useSession } from '../../state/sessionStore';
import { LessonsDialog } from '../lessons/LessonsDialog';
import { ExportReportDialog } from './ExportReportDialog';
import { ImportErrorsDialog } from './ImportErrorsDialog';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TemplatesDialog } from './TemplatesDialog';

// The Experiment panel brings recharts and the experiment planner: they load when it first opens.
const LazyExperiment = lazy(() =>
  import('../experiments/ExperimentDialog').then((m) => ({ default: m.ExperimentDialog })),
);

/** The one open dialog, if any. */
export function Dialogs() {
  const dialog = useSession(selectDialog);
  switch (dialog) {
    case 'templates':
      return <TemplatesDialog />;
    case 'lessons':
      return <LessonsDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'importErrors':
      return <ImportErrorsDialog />;
    case 'share':
      return <ShareDialog />;
    case 'importPreview':
      return <ImportPreviewDialog />;
    case 'exportReport':
      return <ExportReportDialog />;
    case 'experiment':
      return (
        <Suspense fallback={null}>
          <LazyExperiment />
        </Suspense>
      );
    default:
      return null;
  }
}
