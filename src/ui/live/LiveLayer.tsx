import { FaultMarks } from './FaultMarks';
import { LiveNotices } from './LiveNotices';
import { NodeContextMenu } from './NodeContextMenu';
import { SloChips } from './SloChips';

/** What the live run adds over the canvas: notices, the SLO chips, the node quick-fault menu and fault marks. */
export function LiveLayer() {
  return (
    <>
      <LiveNotices />
      <SloChips />
      <NodeContextMenu />
      <FaultMarks />
    </>
  );
}
