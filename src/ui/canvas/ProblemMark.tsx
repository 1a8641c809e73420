import './problemMark.css';
import { type ProblemsState, useProblems } from '../../state/problemsStore';
import { Icon } from '../icons/Icon';

/** A card's problem mark: a small icon whose tooltip lists the node's problems; nothing without one. */
export function ProblemMark({ nodeId }: { nodeId: string }) {
  // Strings, so a rerun of the analysis that leaves this node's problems alone renders nothing.
  const severity = useProblems((s: ProblemsState) => s.marks.get(nodeId)?.severity);
  const text = useProblems((s: ProblemsState) => s.marks.get(nodeId)?.text);
  if (!severity || !text) return null;
  return (
    <span
      className={`arch-node-problem is-${severity}`}
      title={text}
      role="img"
      aria-label={`Problems: ${text}`}
      data-testid={`problem-mark-${nodeId}`}
    >
      <Icon name="alert" size={13} />
    </span>
  );
}
