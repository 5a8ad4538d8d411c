import { must } from '@ceasefire/api-client';
import { allIncidents } from '../incidents/incidents.queries';
import { api } from '../session/session';
import { Loaded } from '../shell/problem';
import { href, type Route } from '../shell/router';
import { useResource } from '../shell/use-resource';
import { BreachesChart } from './breaches-chart';
import { breachesOverTime } from './breaches-over-time';
import { CommitmentsPanel } from './commitments-panel';
import { CompliancePanel } from './compliance-panel';
import { type AsOf, TimeControl } from './time-control';

export const AgreementDashboardPage = ({ agreementId, route }: { agreementId: string; route: Route }) => {
  const asOf: AsOf = {
    asOf: route.query.get('asOf') ?? undefined,
    atPosition: route.query.get('atPosition') ?? undefined,
  };
  const cut = Boolean(asOf.asOf || asOf.atPosition);
  const agreement = useResource(
    () => must(api().GET('/v1/agreements/{id}', { params: { path: { id: agreementId } } })),
    [agreementId],
  );
  const compliance = useResource(
    () => must(api().GET('/v1/agreements/{id}/compliance', { params: { path: { id: agreementId }, query: asOf } })),
    [agreementId, asOf.asOf, asOf.atPosition],
  );
  const commitments = useResource(
    () =>
      must(
        api().GET('/v1/agreements/{id}/commitments', { params: { path: { id: agreementId }, query: { limit: 500 } } }),
      ),
    [agreementId],
  );
  const incidents = useResource(() => allIncidents(agreementId), [agreementId]);
  return (
    <Loaded resource={agreement}>
      {(a) => (
        <>
          <h1 dir="auto">{a.title}</h1>
          <p class="subnav">
            <a href={href(['agreements', agreementId, 'incidents'])}>Incidents and map</a>
            <a href={href(['ledger'], { agreement: agreementId })}>Ledger, checkpoints and exports</a>
          </p>
          <TimeControl
            value={asOf}
            moments={[
              ...a.reaffirmations.map((r) => ({ label: `Reaffirmed at ${r.venue}`, at: r.at })),
              ...a.meetings
                .filter((m) => m.heldAt)
                .map((m) => ({ label: `Meeting at ${m.venue} (${m.heldAt!.slice(0, 10)})`, at: m.heldAt! })),
            ]}
            onChange={(next) => (location.hash = href(['agreements', agreementId], { ...next }))}
          />
          <Loaded resource={compliance}>{(c) => <CompliancePanel compliance={c} />}</Loaded>
          <section aria-labelledby="chart-title">
            <h2 id="chart-title">Confirmed breaches over time</h2>
            {cut && compliance.data && (
              <p class="hint" data-cut>
                Breaches adopted by {compliance.data.asOf}, at the severity they have now.
              </p>
            )}
            <Loaded resource={incidents}>
              {(list) => (
                <BreachesChart
                  series={breachesOverTime(
                    list,
                    a.parties.map((p) => p.code),
                    cut ? compliance.data?.asOf : undefined,
                  )}
                  parties={a.parties}
                />
              )}
            </Loaded>
          </section>
          {cut && <p class="hint">Commitments are shown as they stand now.</p>}
          <Loaded resource={commitments}>
            {(page) => (
              <CommitmentsPanel commitments={page.commitments} focus={route.query.get('commitment') ?? undefined} />
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  );
};
