import { type ApiClient, type ApiSchemas, createApiClient, must } from '@ceasefire/api-client';
import { agreementRequest, airIncursionReport, crossBorderAttackReport } from './istanbul-case.requests';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

type Say = (line: string) => void;

/** The case, step by step, as the mechanism's people would record it. Returns the ids to look at. */
export const runTheCase = async (baseUrl: string, adminToken: string, say: Say) => {
  say('Ceasefire Ledger demo — Doha ceasefire (18–19 Oct 2025), reaffirmed in Istanbul (25–30 Oct 2025)\n');
  const admin = createApiClient({ baseUrl, token: adminToken });
  const principal = async (
    name: string,
    role: ApiSchemas['RegisterPrincipalRequestDto']['role'],
    belongs: { party?: string; institution?: string } = {},
  ) => {
    const { token } = await must(admin.POST('/v1/principals', { body: { name, role, ...belongs } }));
    // Only the answer to a retried Idempotency-Key leaves the token out, and none is sent here.
    if (!token) throw new Error(`${name}: the answer carried no token`);
    return token;
  };
  const tokens = {
    pakistan: await principal('Pakistan liaison officer', 'party', { party: 'PK' }),
    afghanistan: await principal('Afghanistan liaison officer', 'party', { party: 'AF' }),
    monitor: await principal('MVM monitor (team lead)', 'monitor'),
    monitor2: await principal('MVM monitor (legal)', 'monitor'),
    turkiye: await principal('Türkiye, Ministry of Foreign Affairs', 'mediator', { institution: 'TR' }),
    turkiye2: await principal('Türkiye, MIT liaison', 'mediator', { institution: 'TR' }),
    qatar: await principal('Qatar, Ministry of Foreign Affairs', 'mediator', { institution: 'QA' }),
    auditor: await principal('Independent auditor', 'auditor'),
  };
  const as = Object.fromEntries(
    Object.entries(tokens).map(([who, token]) => [who, createApiClient({ baseUrl, token })]),
  ) as Record<keyof typeof tokens, ApiClient>;
  say(
    '• principals registered: two party liaisons, two monitors, mediators of two institutions (Türkiye ×2, Qatar), an auditor',
  );

  const agreement = await must(as.turkiye.POST('/v1/agreements', { body: agreementRequest }));
  const a = agreement.id;
  await must(
    as.turkiye.POST('/v1/agreements/{id}/reaffirmations', {
      params: { path: { id: a } },
      body: {
        at: '2025-10-30T18:00:00Z',
        venue: 'Istanbul',
        statement: 'Parties reaffirm the ceasefire and agree a Monitoring and Verification Mechanism.',
      },
    }),
  );
  say(`• agreement ${a} registered with three provisions; reaffirmed at Istanbul on 30 Oct`);

  const af = await must(
    as.turkiye.POST('/v1/agreements/{id}/commitments', {
      params: { path: { id: a } },
      body: {
        obligor: 'AF',
        title: 'Clear, verifiable and irreversible action against armed groups operating from its soil',
        indicator: 'named camps and safe houses dismantled, documented and visited by monitors',
        target: 3,
        unit: 'sites',
        dueAt: inDays(45),
        evidenceRequired: 'geotagged imagery, lists of detained or expelled militants, monitor site visits',
      },
    }),
  );
  await must(
    as.turkiye.POST('/v1/agreements/{id}/commitments', {
      params: { path: { id: a } },
      body: {
        obligor: 'PK',
        title: 'Military restraint: no cross-border fire or air incursion',
        indicator: 'monthly restraint attestations accepted by the MVM',
        target: 1,
        unit: 'attestations',
        dueAt: inDays(30),
        evidenceRequired: 'attestation with radar and fire-control logs',
      },
    }),
  );
  await must(
    as.afghanistan.POST('/v1/commitments/{id}/progress', {
      params: { path: { id: af.id } },
      body: {
        reportId: 'r1',
        quantity: 2,
        description: 'Two camps in Kunar closed; militants expelled.',
        evidence: ['3f'.repeat(32)],
      },
    }),
  );
  await must(
    as.monitor.POST('/v1/commitments/{id}/verification', {
      params: { path: { id: af.id } },
      body: {
        reportId: 'r1',
        verdict: 'ACCEPTED',
        acceptedQuantity: 1,
        note: 'One site confirmed on a visit; the second could not be reached.',
      },
    }),
  );
  say(
    '• commitments defined: Afghanistan — action against armed groups (1 of 3 sites verified); Pakistan — military restraint',
  );

  const raid = await must(
    as.pakistan.POST('/v1/agreements/{id}/incidents', { params: { path: { id: a } }, body: crossBorderAttackReport }),
  );
  await must(
    as.pakistan.POST('/v1/incidents/{id}/evidence', {
      params: { path: { id: raid.id } },
      body: {
        evidenceId: 'e1',
        sha256: 'a3'.repeat(32),
        mediaType: 'video/mp4',
        custodian: 'PK liaison office',
        description: 'Post camera footage',
      },
    }),
  );
  await must(
    as.afghanistan.POST('/v1/incidents/{id}/responses', {
      params: { path: { id: raid.id } },
      body: {
        response: 'DENY',
        statement: 'No group crossed from territory under our control.',
      },
    }),
  );
  await must(
    as.monitor.POST('/v1/incidents/{id}/triage', {
      params: { path: { id: raid.id } },
      body: {
        decision: 'ADMISSIBLE',
        reason: 'Specific time, place and provision; within mandate.',
      },
    }),
  );
  await must(as.monitor.POST('/v1/incidents/{id}/investigation', { params: { path: { id: raid.id } }, body: {} }));
  await must(
    as.monitor.POST('/v1/incidents/{id}/access-denials', {
      params: { path: { id: raid.id } },
      body: {
        denialId: 'a1',
        deniedBy: 'AF',
        at: '2025-11-02T08:00:00Z',
        place: 'Approach road on the Afghan side',
        description: 'Checkpoint refused the team passage.',
      },
    }),
  );
  await must(
    as.monitor.POST('/v1/incidents/{id}/findings', {
      params: { path: { id: raid.id } },
      body: {
        findingId: 'f1',
        outcome: 'VIOLATION_ATTRIBUTED',
        attributedParties: ['AF'],
        severity: 'S3',
        confidence: 'CREDIBLE',
        rationale: 'Footage, tracks and two witness statements place the group on the Afghan side.',
      },
    }),
  );
  await must(
    as.monitor2.POST('/v1/incidents/{id}/findings/{findingId}/endorsement', {
      params: { path: { id: raid.id, findingId: 'f1' } },
      body: {},
    }),
  );
  await must(
    as.turkiye.POST('/v1/incidents/{id}/findings/{findingId}/adoption', {
      params: { path: { id: raid.id, findingId: 'f1' } },
      body: {},
    }),
  );
  const second = await as.turkiye2.POST('/v1/incidents/{id}/findings/{findingId}/adoption', {
    params: { path: { id: raid.id, findingId: 'f1' } },
    body: {},
  });
  if (second.response.status !== 409)
    throw new Error(`a second Türkiye vote answered ${second.response.status}, not 409`);
  say(`• a second Türkiye account tried to complete the quorum: refused (${second.error?.rule ?? '?'})`);
  const beforeDispute = (
    await must(
      as.qatar.POST('/v1/incidents/{id}/findings/{findingId}/adoption', {
        params: { path: { id: raid.id, findingId: 'f1' } },
        body: {},
      }),
    )
  ).position as string;
  say(
    '• cross-border attack alleged by Pakistan: evidence by hash, denial by Afghanistan, investigation, access denied, finding (S3) endorsed and adopted by both mediators → breach confirmed',
  );
  await must(
    as.afghanistan.POST('/v1/incidents/{id}/disputes', {
      params: { path: { id: raid.id } },
      body: {
        disputeId: 'd1',
        findingId: 'f1',
        grounds: 'ATTRIBUTION',
        statement: 'The group is not under our command.',
      },
    }),
  );
  const ruling = {
    ruling: 'AMENDED',
    rationale: 'Attribution stands; casualties revised, severity reduced.',
    amendment: { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: ['AF'], severity: 'S2', confidence: 'CREDIBLE' },
  } satisfies ApiSchemas['RulingRequestDto'];
  const qatarVote = await must(
    as.qatar.POST('/v1/incidents/{id}/disputes/{disputeId}/ruling', {
      params: { path: { id: raid.id, disputeId: 'd1' } },
      body: ruling,
    }),
  );
  const ruled = await must(
    as.turkiye.POST('/v1/incidents/{id}/disputes/{disputeId}/ruling', {
      params: { path: { id: raid.id, disputeId: 'd1' } },
      body: ruling,
    }),
  );
  say(
    `• Afghanistan disputed the attribution; Qatar voted to amend it to S2 (${qatarVote.events.map((e) => e.type).join(', ')}), Türkiye's vote completed the ruling quorum (${ruled.events.map((e) => e.type).join(', ')})`,
  );
  const measure = {
    measureId: 'm1',
    findingId: 'f1',
    party: 'AF',
    level: 'L2',
    description: 'Formal demand for corrective action against the group, with a report due.',
    dueAt: inDays(21),
  } satisfies ApiSchemas['RecordMeasureRequestDto'];
  await must(as.turkiye.POST('/v1/incidents/{id}/measures', { params: { path: { id: raid.id } }, body: measure }));
  await must(as.qatar.POST('/v1/incidents/{id}/measures', { params: { path: { id: raid.id } }, body: measure }));
  say('• both institutions recorded a consequence on the finding (L2: formal demand, report due in 21 days)');

  const flight = await must(
    as.afghanistan.POST('/v1/agreements/{id}/incidents', { params: { path: { id: a } }, body: airIncursionReport }),
  );
  await must(
    as.monitor.POST('/v1/incidents/{id}/triage', {
      params: { path: { id: flight.id } },
      body: {
        decision: 'ADMISSIBLE',
        reason: 'Radar track reported by a third party.',
      },
    }),
  );
  await must(as.monitor.POST('/v1/incidents/{id}/investigation', { params: { path: { id: flight.id } }, body: {} }));
  await must(
    as.monitor2.POST('/v1/incidents/{id}/findings', {
      params: { path: { id: flight.id } },
      body: {
        findingId: 'f1',
        outcome: 'VIOLATION_ATTRIBUTED',
        attributedParties: ['PK'],
        severity: 'S2',
        confidence: 'VERIFIED',
        rationale: 'Radar tracks from two sources.',
      },
    }),
  );
  await must(
    as.monitor.POST('/v1/incidents/{id}/findings/{findingId}/endorsement', {
      params: { path: { id: flight.id, findingId: 'f1' } },
      body: {},
    }),
  );
  await must(
    as.turkiye.POST('/v1/incidents/{id}/findings/{findingId}/adoption', {
      params: { path: { id: flight.id, findingId: 'f1' } },
      body: {},
    }),
  );
  await must(
    as.qatar.POST('/v1/incidents/{id}/findings/{findingId}/adoption', {
      params: { path: { id: flight.id, findingId: 'f1' } },
      body: {},
    }),
  );
  say('• air incursion alleged by Afghanistan: investigated, finding (S2) adopted → breach confirmed against Pakistan');

  await must(
    as.pakistan.POST('/v1/agreements/{id}/incidents', {
      params: { path: { id: a } },
      body: {
        occurredAt: '2025-11-04T11:00:00Z',
        occurredAtPrecision: 'DAY',
        location: { lat: 30.9, lon: 66.45, precisionKm: 20, place: 'Chaman' },
        category: 'KINETIC_INDIRECT_FIRE',
        allegedPerpetrator: 'AF',
        provisionsCited: ['P1'],
        casualties: { low: 0, best: 0, high: 1 },
        description: 'Mortar rounds reported landing near Chaman.',
      },
    }),
  );
  const last = await must(
    as.turkiye.POST('/v1/agreements/{id}/meetings', {
      params: { path: { id: a } },
      body: {
        meetingId: 'istanbul-follow-up',
        scheduledFor: inDays(7),
        venue: 'Istanbul',
        agenda: ['MVM modalities', 'Findings and consequences'],
      },
    }),
  );
  say('• a third allegation is pending; a follow-up meeting is scheduled in Istanbul\n');

  const compliance = await must(
    as.auditor.GET('/v1/agreements/{id}/compliance', {
      params: { path: { id: a }, query: { minPosition: last.position ?? undefined } },
    }),
  );
  printCompliance(compliance, say);
  printReasons(compliance, say);
  return { agreementId: a, tokens, beforeDispute };
};

type Compliance = ApiSchemas['Compliance'];

const printCompliance = (report: Compliance, say: Say) => {
  const rows = report.parties.map((p) => [
    `${p.party} ${p.name}`,
    p.status,
    `${p.confirmedBreaches.total} (${
      (['S0', 'S1', 'S2', 'S3', 'S4'] as const)
        .filter((s) => p.confirmedBreaches.bySeverity[s])
        .map((s) => `${s}×${p.confirmedBreaches.bySeverity[s]}`)
        .join(' ') || '—'
    })`,
    String(p.pendingAllegations.total),
    String(p.openDisputes),
    String(p.accessDenials),
    String(p.consequencesOutstanding),
    `${p.commitments.onTrack}/${p.commitments.atRisk}/${p.commitments.overdue}/${p.commitments.met}`,
  ]);
  const head = [
    'party',
    'status',
    'confirmed breaches',
    'pending',
    'disputes',
    'access denials',
    'consequences',
    'commitments ok/risk/late/met',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  say(`Compliance as of ${report.asOf}`);
  say(line(head));
  say(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  rows.forEach((r) => say(line(r)));
};

/** Why each party has its status: the rules that fired, and what they rest on. */
const printReasons = (report: Compliance, say: Say) => {
  say(`\nWhy (rulebook ${report.rulebook.version}; labels are the rulebook's, not a legal finding):`);
  for (const p of report.parties) {
    say(`  ${p.party} — ${p.label}`);
    for (const reason of p.reasons)
      say(
        `    ${reason.rule}: ${reason.count} ≥ ${reason.threshold} — ${reason.refs.map((ref) => `${ref.kind} ${ref.href}`).join(', ')}`,
      );
    if (p.reasons.length === 0) say('    no rule fired');
  }
};
