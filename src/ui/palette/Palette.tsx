import type { DragEvent } from 'react';
import { type NodeKind, nodeKinds } from '../../core/model/schema';
import { useLessons } from '../../state/lessonStore';
import { addNodeAt } from '../canvas/editActions';
import { visibleCenter } from '../canvas/flowControls';
import { PALETTE_MIME } from '../canvas/flowTypes';
import { Icon } from '../icons/Icon';
import { uiKinds } from '../kinds';
import { paletteGroups } from '../kinds/uiKind';
import { SidePanel } from '../panels/SidePanel';

function onDragStart(event: DragEvent, kind: NodeKind) {
  event.dataTransfer.setData(PALETTE_MIME, kind);
  event.dataTransfer.setData('text/plain', uiKinds[kind].name);
  event.dataTransfer.effectAllowed = 'copy';
}

/** The component library: drag a kind onto the canvas, or click to add it at the centre. */
export function Palette() {
  // A lesson's panel takes the room beside the canvas: the palette starts as a rail meanwhile.
  const inLesson = useLessons((s) => s.lesson !== null);
  return (
    <SidePanel
      id="palette"
      side="left"
      title="Components"
      hint="drag or click"
      collapseBelowPx={inLesson ? Number.POSITIVE_INFINITY : 1200}
      className="palette"
    >
      <div className="palette-scroll">
        {paletteGroups.map((group) => (
          <section key={group} className="palette-group">
            <h3 className="palette-group-title">{group}</h3>
            {nodeKinds
              .filter((kind) => uiKinds[kind].group === group)
              .map((kind) => (
                <button
                  key={kind}
                  type="button"
                  draggable
                  className="palette-item"
                  data-kind={kind}
                  data-testid={`palette-${kind}`}
                  title={`${uiKinds[kind].name}: ${uiKinds[kind].blurb}`}
                  onDragStart={(e) => onDragStart(e, kind)}
                  onClick={() => addNodeAt(kind, visibleCenter())}
                >
                  <span className="palette-icon">
                    <Icon glyph={uiKinds[kind].icon} size={16} />
                  </span>
                  <span className="palette-text">
                    <span className="palette-name">{uiKinds[kind].name}</span>
                    <span className="palette-blurb">{uiKinds[kind].blurb}</span>
                  </span>
                </button>
              ))}
          </section>
        ))}
      </div>
    </SidePanel>
  );
}
