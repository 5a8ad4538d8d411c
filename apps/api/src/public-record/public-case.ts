import type { IncidentCase } from '@ceasefire/mvm';

/** About 50 km: a public location says where, not which house. */
const coarse = (degrees: number) => Math.round(degrees * 2) / 2;

/**
 * The curated public record of a published case: what happened, when (to the day), roughly where, and what
 * the mechanism concluded — never who reported it, the evidence's custodians, interviews, sources or drafts.
 */
/** A case is in the public record once published whole (PUBLIC), or once one of its findings is. */
export const isPublic = (c: IncidentCase): boolean => c.level === 'PUBLIC' || c.findings.some((f) => f.published);

export const publicCase = (c: IncidentCase) => ({
  incidentId: c.incidentId,
  agreementId: c.agreementId,
  status: c.status,
  category: c.category,
  occurredOn: c.occurredAt.slice(0, 10),
  location: {
    lat: coarse(c.location.lat),
    lon: coarse(c.location.lon),
    precisionKm: Math.max(50, c.location.precisionKm),
  },
  allegedPerpetrator: c.allegedPerpetrator,
  findings: c.findings
    .filter((f) => (c.level === 'PUBLIC' ? f.status === 'ADOPTED' || f.status === 'VACATED' : f.published))
    .map((f) => ({
      findingId: f.findingId,
      status: f.status,
      outcome: f.outcome,
      attributedParties: f.attributedParties,
      severity: f.severity,
      confidence: f.confidence,
      adoptedAt: f.adoptedAt,
    })),
  disputes: c.disputes.map((d) => ({
    disputeId: d.disputeId,
    findingId: d.findingId,
    status: d.status,
    ruling: d.ruling,
  })),
  measures: c.measures.map((m) => ({ measureId: m.measureId, party: m.party, level: m.level, status: m.status })),
});
