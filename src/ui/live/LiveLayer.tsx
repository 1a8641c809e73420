import { FaultMarks } from './FaultMarks';
import { LiveNotices } from './LiveNotices';
import { NodeContextMenu } from './NodeContextMenu';

/** What the live run adds over the canvas: notices, the node quick-fault menu and fault marks. */
export function LiveLayer() {
  return (
    <>
      <LiveNotices />
      <NodeContextMenu />
      <FaultMarks />
    </>
  );
}
