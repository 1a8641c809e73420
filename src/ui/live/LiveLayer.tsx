import { LiveNotices } from './LiveNotices';
import { NodeContextMenu } from './NodeContextMenu';
import { SloChips } from './SloChips';

/** What the live run adds over the canvas: notices, the SLO chips and the node quick-fault menu. */
export function LiveLayer() {
  return (
    <>
      <LiveNotices />
      <SloChips />
      <NodeContextMenu />
    </>
  );
}
