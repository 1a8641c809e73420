import type { ReactNode } from 'react';
import { FilterSelect } from './FilterSelect';
import { LevelSelect } from './LevelSelect';
import type { LogQueryDraft } from './logQuery';

interface Props {
  draft: LogQueryDraft;
  onChange: (draft: LogQueryDraft) => void;
  onRun: () => void;
  /** The services that ship logs, to pick one. */
  services: readonly { id: string; label: string }[];
  canRun: boolean;
  /** What the last query said: a problem or a count, at the toolbar's end. */
  status: ReactNode;
}

/** The distributed log query as a toolbar: time range [From, To), service, level, limit. */
export function LogQueryForm({ draft, onChange, onRun, services, canRun, status }: Props) {
  const set = (key: 'fromSec' | 'toSec' | 'limit') => (e: { target: { value: string } }) =>
    onChange({ ...draft, [key]: e.target.value });
  return (
    <form
      className="panel-toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <label className="inline-field">
        From
        <input
          className="input input--num input--tiny"
          value={draft.fromSec}
          onChange={set('fromSec')}
          data-testid="logq-from"
        />
        s
      </label>
      <label className="inline-field">
        To
        <input
          className="input input--num input--tiny"
          value={draft.toSec}
          placeholder="now"
          onChange={set('toSec')}
          data-testid="logq-to"
        />
        s
      </label>
      <FilterSelect
        value={draft.service}
        options={services}
        allLabel="All services"
        testId="logq-service"
        label="Service"
        onChange={(service) => onChange({ ...draft, service })}
      />
      <LevelSelect
        value={draft.minLevel}
        testId="logq-level"
        label="Lowest level"
        onChange={(minLevel) => onChange({ ...draft, minLevel })}
      />
      <label className="inline-field">
        Limit
        <input
          className="input input--num input--tiny"
          value={draft.limit}
          onChange={set('limit')}
          data-testid="logq-limit"
        />
      </label>
      <button type="submit" className="btn btn--primary btn--xs" data-testid="logq-run" disabled={!canRun}>
        Query
      </button>
      <span className="live-spacer" />
      {status}
    </form>
  );
}
