import { useEffect, useState } from 'react';
import { experimentStore, runCompare, useExperiment } from '../../state/experiments/experimentStore';
import { fetchTemplateIndex, type TemplateEntry } from '../dialogs/templates';
import { Icon } from '../icons/Icon';
import { CompareResults } from './CompareResults';
import { DesignPicker } from './DesignPicker';
import { type DesignSource, resolveSource } from './designSources';
import { ExperimentNotice } from './ExperimentNotice';

/** Says why a design could not be loaded, in the panel's notice. */
function refuse(message: string): void {
  experimentStore.setState({ notice: { kind: 'compare', tone: 'error', lines: message.split('\n') } });
}

/** The Compare tab: two designs run over the same seeds, side by side, with overlaid charts. */
export function ComparePanel() {
  const [templates, setTemplates] = useState<TemplateEntry[]>([]);
  const [a, setA] = useState<DesignSource>({ kind: 'current' });
  const [b, setB] = useState<DesignSource>({ kind: 'current' });
  const [replications, setReplications] = useState('5');
  const busy = useExperiment((s) => s.job !== null);
  const outcome = useExperiment((s) => s.compare);
  useEffect(() => {
    let alive = true;
    void fetchTemplateIndex().then((index) => alive && setTemplates(index ?? []));
    return () => {
      alive = false;
    };
  }, []);
  const compare = async () => {
    const [ra, rb] = await Promise.all([resolveSource(a), resolveSource(b)]);
    if (!ra.ok) return refuse(`A: ${ra.message}`);
    if (!rb.ok) return refuse(`B: ${rb.message}`);
    await runCompare(ra.design, rb.design, Number(replications));
  };
  return (
    <div className="exp-compare">
      <form
        className="exp-compare-form"
        data-testid="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <DesignPicker
          id="compare-a"
          label="Design A"
          value={a}
          templates={templates}
          onChange={setA}
          onError={refuse}
        />
        <DesignPicker
          id="compare-b"
          label="Design B"
          value={b}
          templates={templates}
          onChange={setB}
          onError={refuse}
        />
        <label className="exp-field exp-field--narrow" htmlFor="compare-replications">
          <span className="exp-label">Replications</span>
          <input
            id="compare-replications"
            data-testid="compare-replications"
            className="input"
            type="number"
            min={2}
            value={replications}
            onChange={(e) => setReplications(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn--primary" data-testid="compare-run" disabled={busy}>
          <Icon name="play" size={13} /> Compare
        </button>
      </form>
      <ExperimentNotice kind="compare" />
      {outcome ? (
        <CompareResults outcome={outcome} />
      ) : (
        <div className="exp-empty">
          <Icon name="experiment" size={22} className="icon--muted" />
          <div className="empty-title">No comparison yet</div>
          <div className="empty-text">
            Both designs run over the same seeds (A’s scenario seed and up), so where they agree they draw the
            same random numbers: a difference is the design’s, and Welch’s test says whether it is
            significant.
          </div>
        </div>
      )}
    </div>
  );
}
