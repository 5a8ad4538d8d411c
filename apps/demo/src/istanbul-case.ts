import type { DemoClient } from './http-client';
import { agreementRequest, airIncursionReport, crossBorderAttackReport } from './istanbul-case.requests';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

type Say = (line: string) => void;

/** The case, step by step, as the mechanism's people would record it. Returns the ids to look at. */
export const runTheCase = async (api: DemoClient, admin: string, say: Say) => {
  say('Ceasefire Ledger demo — Doha ceasefire (18–19 Oct 2025), reaffirmed in Istanbul (25–30 Oct 2025)\n');
  const principal = async (name: string, role: string, belongs: object = {}) =>
    (await api.post('/v1/principals', admin, { name, role, ...belongs })).token as string;
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
  say(
    '• principals registered: two party liaisons, two monitors, mediators of two institutions (Türkiye ×2, Qatar), an auditor',
  );

  const agreement = await api.post('/v1/agreements', tokens.turkiye, agreementRequest);
  const a = agreement.id as string;
  await api.post(`/v1/agreements/${a}/reaffirmations`, tokens.turkiye, {
    at: '2025-10-30T18:00:00Z',
    venue: 'Istanbul',
    statement: 'Parties reaffirm the ceasefire and agree a Monitoring and Verification Mechanism.',
  });
  say(`• agreement ${a} registered with three provisions; reaffirmed at Istanbul on 30 Oct`);

  const af = await api.post(`/v1/agreements/${a}/commitments`, tokens.turkiye, {
    obligor: 'AF',
    title: 'Clear, verifiable and irreversible action against armed groups operating from its soil',
    indicator: 'named camps and safe houses dismantled, documented and visited by monitors',
    target: 3,
    unit: 'sites',
    dueAt: inDays(45),
    evidenceRequired: 'geotagged imagery, lists of detained or expelled militants, monitor site visits',
  });
  await api.post(`/v1/agreements/${a}/commitments`, tokens.turkiye, {
    obligor: 'PK',
    title: 'Military restraint: no cross-border fire or air incursion',
    indicator: 'monthly restraint attestations accepted by the MVM',
    target: 1,
    unit: 'attestations',
    dueAt: inDays(30),
    evidenceRequired: 'attestation with radar and fire-control logs',
  });
  await api.post(`/v1/commitments/${af.id}/progress`, tokens.afghanistan, {
    reportId: 'r1',
    quantity: 2,
    description: 'Two camps in Kunar closed; militants expelled.',
    evidence: ['3f'.repeat(32)],
  });
  await api.post(`/v1/commitments/${af.id}/verification`, tokens.monitor, {
    reportId: 'r1',
    verdict: 'ACCEPTED',
    acceptedQuantity: 1,
    note: 'One site confirmed on a visit; the second could not be reached.',
  });
  say(
    '• commitments defined: Afghanistan — action against armed groups (1 of 3 sites verified); Pakistan — military restraint',
  );

  const raid = await api.post(`/v1/agreements/${a}/incidents`, tokens.pakistan, crossBorderAttackReport);
  const r = `/v1/incidents/${raid.id}`;
  await api.post(`${r}/evidence`, tokens.pakistan, {
    evidenceId: 'e1',
    sha256: 'a3'.repeat(32),
    mediaType: 'video/mp4',
    custodian: 'PK liaison office',
    description: 'Post camera footage',
  });
  await api.post(`${r}/responses`, tokens.afghanistan, {
    response: 'DENY',
    statement: 'No group crossed from territory under our control.',
  });
  await api.post(`${r}/triage`, tokens.monitor, {
    decision: 'ADMISSIBLE',
    reason: 'Specific time, place and provision; within mandate.',
  });
  await api.post(`${r}/investigation`, tokens.monitor, {});
  await api.post(`${r}/access-denials`, tokens.monitor, {
    denialId: 'a1',
    deniedBy: 'AF',
    at: '2025-11-02T08:00:00Z',
    place: 'Approach road on the Afghan side',
    description: 'Checkpoint refused the team passage.',
  });
  await api.post(`${r}/findings`, tokens.monitor, {
    findingId: 'f1',
    outcome: 'VIOLATION_ATTRIBUTED',
    attributedParties: ['AF'],
    severity: 'S3',
    confidence: 'CREDIBLE',
    rationale: 'Footage, tracks and two witness statements place the group on the Afghan side.',
  });
  await api.post(`${r}/findings/f1/endorsement`, tokens.monitor2, {});
  await api.post(`${r}/findings/f1/adoption`, tokens.turkiye, {});
  const second = await api.post(`${r}/findings/f1/adoption`, tokens.turkiye2, {}, 409);
  say(`• a second Türkiye account tried to complete the quorum: refused (${second.rule as string})`);
  const beforeDispute = (await api.post(`${r}/findings/f1/adoption`, tokens.qatar, {})).position as string;
  say(
    '• cross-border attack alleged by Pakistan: evidence by hash, denial by Afghanistan, investigation, access denied, finding (S3) endorsed and adopted by both mediators → breach confirmed',
  );
  await api.post(`${r}/disputes`, tokens.afghanistan, {
    disputeId: 'd1',
    findingId: 'f1',
    grounds: 'ATTRIBUTION',
    statement: 'The group is not under our command.',
  });
  const ruling = {
    ruling: 'AMENDED',
    rationale: 'Attribution stands; casualties revised, severity reduced.',
    amendment: { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: ['AF'], severity: 'S2', confidence: 'CREDIBLE' },
  };
  const qatarVote = await api.post(`${r}/disputes/d1/ruling`, tokens.qatar, ruling);
  const ruled = await api.post(`${r}/disputes/d1/ruling`, tokens.turkiye, ruling);
  say(
    `• Afghanistan disputed the attribution; Qatar voted to amend it to S2 (${(qatarVote.events as { type: string }[]).map((e) => e.type).join(', ')}), Türkiye's vote completed the ruling quorum (${(ruled.events as { type: string }[]).map((e) => e.type).join(', ')})`,
  );
  const measure = {
    measureId: 'm1',
    findingId: 'f1',
    party: 'AF',
    level: 'L2',
    description: 'Formal demand for corrective action against the group, with a report due.',
    dueAt: inDays(21),
  };
  await api.post(`${r}/measures`, tokens.turkiye, measure);
  await api.post(`${r}/measures`, tokens.qatar, measure);
  say('• both institutions recorded a consequence on the finding (L2: formal demand, report due in 21 days)');

  const flight = await api.post(`/v1/agreements/${a}/incidents`, tokens.afghanistan, airIncursionReport);
  const f = `/v1/incidents/${flight.id}`;
  await api.post(`${f}/triage`, tokens.monitor, {
    decision: 'ADMISSIBLE',
    reason: 'Radar track reported by a third party.',
  });
  await api.post(`${f}/investigation`, tokens.monitor, {});
  await api.post(`${f}/findings`, tokens.monitor2, {
    findingId: 'f1',
    outcome: 'VIOLATION_ATTRIBUTED',
    attributedParties: ['PK'],
    severity: 'S2',
    confidence: 'VERIFIED',
    rationale: 'Radar tracks from two sources.',
  });
  await api.post(`${f}/findings/f1/endorsement`, tokens.monitor, {});
  await api.post(`${f}/findings/f1/adoption`, tokens.turkiye, {});
  await api.post(`${f}/findings/f1/adoption`, tokens.qatar, {});
  say('• air incursion alleged by Afghanistan: investigated, finding (S2) adopted → breach confirmed against Pakistan');

  await api.post(`/v1/agreements/${a}/incidents`, tokens.pakistan, {
    occurredAt: '2025-11-04T11:00:00Z',
    occurredAtPrecision: 'DAY',
    location: { lat: 30.9, lon: 66.45, precisionKm: 20, place: 'Chaman' },
    category: 'KINETIC_INDIRECT_FIRE',
    allegedPerpetrator: 'AF',
    provisionsCited: ['P1'],
    casualties: { low: 0, best: 0, high: 1 },
    description: 'Mortar rounds reported landing near Chaman.',
  });
  const last = await api.post(`/v1/agreements/${a}/meetings`, tokens.turkiye, {
    meetingId: 'istanbul-follow-up',
    scheduledFor: inDays(7),
    venue: 'Istanbul',
    agenda: ['MVM modalities', 'Findings and consequences'],
  });
  say('• a third allegation is pending; a follow-up meeting is scheduled in Istanbul\n');

  const compliance = await api.get(`/v1/agreements/${a}/compliance?minPosition=${last.position}`, tokens.auditor);
  printCompliance(compliance, say);
  printReasons(compliance, say);
  return { agreementId: a, tokens, beforeDispute };
};

const printCompliance = (report: Record<string, any>, say: Say) => {
  const rows = (report.parties as Record<string, any>[]).map((p) => [
    `${p.party} ${p.name}`,
    p.status,
    `${p.confirmedBreaches.total} (${
      ['S0', 'S1', 'S2', 'S3', 'S4']
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
const printReasons = (report: Record<string, any>, say: Say) => {
  say(`\nWhy (rulebook ${report.rulebook.version as string}; labels are the rulebook's, not a legal finding):`);
  for (const p of report.parties as Record<string, any>[]) {
    say(`  ${p.party as string} — ${p.label as string}`);
    for (const reason of p.reasons as Record<string, any>[])
      say(
        `    ${reason.rule as string}: ${reason.count as number} ≥ ${reason.threshold as number} — ${(reason.refs as { kind: string; href: string }[]).map((ref) => `${ref.kind} ${ref.href}`).join(', ')}`,
      );
    if ((p.reasons as unknown[]).length === 0) say('    no rule fired');
  }
};
