import type { ApiSchemas } from '@ceasefire/api-client';
import { messages } from '../shell/messages';
import { href } from '../shell/router';
import { SEVERITIES } from './breaches-over-time';

type Compliance = ApiSchemas['Compliance'];
type Ref = { kind: string; id: string; href: string };

/** `NON_COMPLIANT.breaches.S2` → "Confirmed S2 breaches"; a rule the console does not know is shown as named. */
const ruleText = (rule: string): string => {
  const [, kind = rule, detail = ''] = rule.split('.');
  const text = messages.rules[kind];
  return typeof text === 'function' ? text(detail) : (text ?? rule);
};

/** A reason's evidence opens in the console: a case's replay, or the commitment on this dashboard. */
const refLink = (agreementId: string, ref: Ref) => {
  const incident = /^\/v1\/incidents\/([^/]+)/.exec(ref.href)?.[1];
  const to = incident ? href(['incidents', incident]) : href(['agreements', agreementId], { commitment: ref.id });
  return (
    <a key={`${ref.kind}-${ref.id}`} href={to} class="ref">
      {ref.kind} {ref.id.length > 14 ? `${ref.id.slice(0, 8)}…${ref.id.slice(ref.id.lastIndexOf('/'))}` : ref.id}
    </a>
  );
};

export const CompliancePanel = ({ compliance }: { compliance: Compliance }) => (
  <section aria-labelledby="compliance-title">
    <h2 id="compliance-title">Compliance</h2>
    <p class="hint">
      Rulebook {compliance.rulebook.version}; as of <time dateTime={compliance.asOf}>{compliance.asOf}</time>, log
      position {compliance.position}. Labels are the rulebook’s, not a legal finding.
    </p>
    <div class="parties">
      {compliance.parties.map((p) => (
        <article key={p.party} class="party" data-party={p.party} aria-labelledby={`party-${p.party}`}>
          <h3 id={`party-${p.party}`}>
            {p.name} <span class="code">({p.party})</span>
          </h3>
          <p class={`status status-${p.status}`} data-status={p.status}>
            {p.label}
          </p>
          <h4>Why</h4>
          {p.reasons.length === 0 ? (
            <p class="hint">No rule fired.</p>
          ) : (
            <ul class="reasons">
              {p.reasons.map((r) => (
                <li key={r.rule} data-rule={r.rule}>
                  <strong>{ruleText(r.rule)}</strong>: {r.count}, at or above the rulebook’s {r.threshold} for “
                  {compliance.rulebook.labels[r.level]}”
                  <div class="refs">{(r.refs as Ref[]).map((ref) => refLink(compliance.agreementId, ref))}</div>
                </li>
              ))}
            </ul>
          )}
          <dl class="counts">
            <dt>Confirmed breaches</dt>
            <dd data-count="confirmed">
              {p.confirmedBreaches.total}
              {SEVERITIES.filter((s) => (p.confirmedBreaches.bySeverity as Record<string, number>)[s]).map((s) => (
                <span key={s} class={`sev sev-${s}`}>
                  {s}×{(p.confirmedBreaches.bySeverity as Record<string, number>)[s]}
                </span>
              ))}
            </dd>
            <dt>Pending allegations (not counted)</dt>
            <dd data-count="pending">{p.pendingAllegations.total}</dd>
            <dt>Open disputes</dt>
            <dd>{p.openDisputes}</dd>
            <dt>Access denials</dt>
            <dd>{p.accessDenials}</dd>
            <dt>Consequences outstanding / overdue</dt>
            <dd>
              {p.consequencesOutstanding} / {p.consequencesOverdue}
            </dd>
          </dl>
        </article>
      ))}
    </div>
  </section>
);
