import type { ApiSchemas } from '@ceasefire/api-client';

type Commitment = ApiSchemas['CommitmentSummary'];

export const CommitmentsPanel = ({ commitments, focus }: { commitments: Commitment[]; focus?: string }) => (
  <section aria-labelledby="commitments-title">
    <h2 id="commitments-title">Commitments</h2>
    {commitments.length === 0 ? (
      <p class="hint">No commitment is defined.</p>
    ) : (
      <ul class="commitments">
        {commitments.map((c) => {
          const done = Math.min(c.acceptedTotal, c.target);
          return (
            <li key={c.id} data-commitment={c.id} class={focus === c.id ? 'focused' : undefined}>
              <p>
                <strong dir="auto">{c.title}</strong> — {c.obligor},{' '}
                <span class={`badge badge-${c.status}`}>{c.status}</span>
              </p>
              <label>
                {c.acceptedTotal} of {c.target} {c.unit} verified; due{' '}
                <time dateTime={c.dueAt}>{c.dueAt.slice(0, 10)}</time>
                <progress max={c.target} value={done} />
              </label>
            </li>
          );
        })}
      </ul>
    )}
  </section>
);
