import { LiveNotices } from './LiveNotices';
import { NodeContextMenu } from './NodeContextMenu';

/** What the live run adds over the canvas: notices and the node quick-fault menu. */
export function LiveLayer() {
  return (
    <>
      <LiveNotices />
      <NodeContextMenu />
    </>
  );
}
