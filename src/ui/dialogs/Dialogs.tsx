import { selectDialog, useSession } from '../../state/sessionStore';
import { LessonsDialog } from '../lessons/LessonsDialog';
import { ImportErrorsDialog } from './ImportErrorsDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TemplatesDialog } from './TemplatesDialog';

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
    default:
      return null;
  }
}
