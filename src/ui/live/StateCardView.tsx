import type { StateCard } from '../kinds/stateCard';
import { formatCount } from './liveFormat';

/** One card of the state panel: its group, title, facts and chips. */
export function StateCardView({ card }: { card: StateCard }) {
  return (
    <section className="state-card" data-testid={`state-${card.id}`}>
      <div className="state-card-group">{card.group}</div>
      <div className="state-card-title">{card.title}</div>
      <dl className="state-facts">
        {card.facts.map((f) => (
          <div key={f.label} className="state-fact">
            <dt>{f.label}</dt>
            <dd className={f.tone ? `is-${f.tone}` : undefined}>
              {typeof f.value === 'number' ? formatCount(f.value) : f.value}
            </dd>
          </div>
        ))}
      </dl>
      {card.chips && card.chips.length > 0 ? (
        <div className="state-chips">
          {card.chips.map((c) => (
            <span key={c.label} className={c.tone ? `state-chip is-${c.tone}` : 'state-chip'}>
              {c.label} <b>{c.value}</b>
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
}
