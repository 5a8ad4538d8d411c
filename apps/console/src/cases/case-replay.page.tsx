import { type ApiSchemas, must } from '@ceasefire/api-client';
import { useLayoutEffect } from 'preact/hooks';
import { api } from '../session/session';
import { Loaded } from '../shell/problem';
import { href, type Route } from '../shell/router';
import { useResource } from '../shell/use-resource';

type Step = ApiSchemas['CaseHistoryPage']['events'][number];

/** Every step of a case's history, page after page. */
const wholeHistory = async (incidentId: string): Promise<Step[]> => {
  const steps: Step[] = [];
  let cursor: string | undefined;
  do {
    const page = await must(
      api().GET('/v1/incidents/{id}/history', { params: { path: { id: incidentId }, query: { limit: 200, cursor } } }),
    );
    steps.push(...page.events);
    cursor = page.next ?? undefined;
  } while (cursor);
  return steps;
};

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 1));

/** Moments a mediator asks for: when a dispute was filed, how things stood at a meeting. */
const momentsOf = (steps: Step[], meetings: { venue: string; heldAt?: string | null }[]) => {
  const moments: { label: string; step: number }[] = [];
  steps.forEach((s, i) => {
    if (s.type === 'DisputeFiled') moments.push({ label: `When the dispute was filed (step ${i + 1})`, step: i });
  });
  for (const m of meetings) {
    if (!m.heldAt) continue;
    const before = steps.findLastIndex((s) => s.recordedAt <= m.heldAt!);
    if (before >= 0) moments.push({ label: `At the meeting in ${m.venue} (${m.heldAt.slice(0, 10)})`, step: before });
  }
  return moments;
};

export const CaseReplayPage = ({ incidentId, route }: { incidentId: string; route: Route }) => {
  const history = useResource(() => wholeHistory(incidentId), [incidentId]);
  const caseFile = useResource(
    () => must(api().GET('/v1/incidents/{id}', { params: { path: { id: incidentId } } })),
    [incidentId],
  );
  const agreement = useResource(
    async () =>
      caseFile.data
        ? must(api().GET('/v1/agreements/{id}', { params: { path: { id: caseFile.data.agreementId } } }))
        : undefined,
    [caseFile.data?.agreementId],
  );
  const steps = history.data ?? [];
  const at = Math.min(Math.max(Number(route.query.get('step') ?? steps.length) - 1, 0), Math.max(steps.length - 1, 0));
  const go = (step: number) =>
    (location.hash = href(['incidents', incidentId], {
      step: String(Math.min(Math.max(step, 0), steps.length - 1) + 1),
    }));
  // Bound as the step is rendered (a layout effect), not after the next paint: an arrow key pressed as soon as a
  // step shows moves from that step, instead of reaching a listener that still knows the page before it loaded.
  useLayoutEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, select, textarea')) return;
      const rtl = document.documentElement.dir === 'rtl';
      if (e.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) go(at + 1);
      if (e.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) go(at - 1);
    };
    addEventListener('keydown', keys);
    return () => removeEventListener('keydown', keys);
  }, [at, steps.length]);
  const step = steps[at];
  const stateAfter = useResource(
    async () =>
      step
        ? must(
            api().GET('/v1/incidents/{id}/history/{revision}', {
              params: { path: { id: incidentId, revision: step.revision } },
            }),
          )
        : undefined,
    [incidentId, step?.revision],
  );
  const changedFields = new Set((step?.changes ?? []).map((c) => c.path.split('/')[1]));
  return (
    <>
      <h1>Case replay</h1>
      <Loaded resource={caseFile}>
        {(c) => (
          <p class="subnav">
            <span dir="auto">
              {c.location.place} — {c.category}, now {c.status}
            </span>
            <a href={href(['agreements', c.agreementId])}>Agreement dashboard</a>
          </p>
        )}
      </Loaded>
      <Loaded resource={history}>
        {() => (
          <div class="replay">
            <nav aria-label="Steps of the case" class="steps">
              <ol>
                {steps.map((s, i) => (
                  <li key={s.eventId}>
                    <a
                      href={href(['incidents', incidentId], { step: String(i + 1) })}
                      aria-current={i === at ? 'step' : undefined}
                    >
                      {i + 1}. {s.type}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
            <section class="step" aria-live="polite" aria-labelledby="step-title">
              <div class="step-controls">
                <button type="button" onClick={() => go(at - 1)} disabled={at === 0} aria-label="Previous step">
                  ← Previous
                </button>
                <span>
                  Step {at + 1} of {steps.length}
                </span>
                <button
                  type="button"
                  onClick={() => go(at + 1)}
                  disabled={at >= steps.length - 1}
                  aria-label="Next step"
                >
                  Next →
                </button>
              </div>
              {agreement.data && (
                <p class="moments">
                  Jump to:{' '}
                  {momentsOf(steps, agreement.data.meetings).map((m) => (
                    <button key={m.label} type="button" class="chip" onClick={() => go(m.step)}>
                      {m.label}
                    </button>
                  ))}
                </p>
              )}
              {step && (
                <>
                  <h2 id="step-title" data-event-type={step.type}>
                    {step.type}
                  </h2>
                  <dl class="meta">
                    <dt>By</dt>
                    <dd>{step.principal}</dd>
                    <dt>Recorded</dt>
                    <dd>
                      <time dateTime={step.recordedAt}>{step.recordedAt}</time>
                    </dd>
                    <dt>Log position / revision</dt>
                    <dd>
                      {step.position} / {step.revision}
                    </dd>
                    <dt>Event hash</dt>
                    <dd class="mono">{step.hash}</dd>
                    <dt>Signed submission</dt>
                    <dd>{step.submission ? `yes, key ${step.submission.keyId}` : 'no'}</dd>
                  </dl>
                  <p>
                    <a href={href(['ledger'], { event: step.eventId })}>Verify this event in the browser</a>
                  </p>
                  <h3>What changed</h3>
                  <table class="changes">
                    <thead>
                      <tr>
                        <th scope="col">Change</th>
                        <th scope="col">Field</th>
                        <th scope="col">Value</th>
                      </tr>
                    </thead>
                    <tbody>
                      {step.changes.map((c, i) => (
                        <tr key={i} class={`op-${c.op}`}>
                          <td>{c.op}</td>
                          <td class="mono">{c.path}</td>
                          <td class="mono" dir="auto">
                            {c.op === 'remove' ? '—' : show(c.value)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <h3>The case after this step</h3>
                  <Loaded resource={stateAfter}>
                    {(s) =>
                      s && (
                        <dl class="state">
                          {Object.entries(s.stateAfter as Record<string, unknown>).map(([k, v]) => (
                            <div key={k} class={changedFields.has(k) ? 'changed' : undefined}>
                              <dt>{k}</dt>
                              <dd class="mono" dir="auto">
                                {show(v)}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      )
                    }
                  </Loaded>
                </>
              )}
            </section>
          </div>
        )}
      </Loaded>
    </>
  );
};
