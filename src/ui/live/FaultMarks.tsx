import { useLayoutEffect } from 'react';
import { createFaultMarker } from './faultMarks';
import { onEveryFrame, whileLive } from './liveDom';

/** Keeps the canvas marks of the faults in force in step with the run's simulated time. */
export function FaultMarks() {
  useLayoutEffect(
    () =>
      whileLive(
        () => true,
        () => {
          const marker = createFaultMarker();
          const unsubscribe = onEveryFrame((s) => {
            if (s.frame) marker.update(s.frame.nowMs);
          });
          return () => {
            unsubscribe();
            marker.clear();
          };
        },
      ),
    [],
  );
  return null;
}
