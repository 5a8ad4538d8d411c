import { describePlace } from './verify-failure';
import type { VerifyReport } from './verify-bundle';

/** The human summary: one OK line saying what was proven, or the one failure and where. */
export const summarize = (report: VerifyReport): string[] => {
  const unvouched = (report.partyKeys ?? []).filter((k) => k.signatures > 0 && k.acknowledgedBy.length === 0);
  const warnings = [
    ...report.warnings,
    ...unvouched.map(
      (k) =>
        `key ${k.keyId.slice(0, 12)}… signed ${k.signatures} submissions as ${k.party}, but no mediator institution acknowledged it`,
    ),
  ].map((w) => `warning: ${w}`);
  const keys = (report.partyKeys ?? []).map(
    (k) =>
      `key ${k.keyId.slice(0, 12)}… of ${k.party}: registered by principal ${k.registeredBy.principal} (${k.registeredBy.role ?? 'unknown role'}${k.registeredBy.party ? ` of ${k.registeredBy.party}` : ''}, itself registered by ${k.registeredBy.registeredBy ?? 'unknown'}); acknowledged by ${k.acknowledgedBy.join(', ') || 'no mediator institution'}; ${k.signatures} signatures${k.revoked ? '; revoked' : ''}`,
  );
  if (!report.ok && report.failure)
    return [...warnings, `FAIL: ${describePlace(report.failure)}${report.failure.message}`];
  const proven = [
    report.selection ? 'every entry has a valid receipt' : 'signed root recomputed from every entry',
    'every chain intact',
    `${report.signedSubmissions ?? 0} party signatures valid`,
    ...(report.cosigners?.length ? [`cosigned by ${report.cosigners.join(', ')}`] : []),
    ...(report.extends?.length ? [`extends the checkpoints of size ${report.extends.join(', ')}`] : []),
  ];
  const withheld = Object.entries(report.withheld ?? {});
  const unread = withheld.length
    ? [
        `${withheld.reduce((n, [, k]) => n + k, 0)} entries withheld from this bundle's audience (${withheld.map(([reason, k]) => `${k}: ${reason}`).join('; ')}); their hashes count in the root and the chains`,
      ]
    : [];
  return [
    ...warnings,
    ...keys,
    ...unread,
    `OK: ${report.entries} entries in ${report.streams} streams of ${report.origin} (checkpoint size ${report.size}); ${proven.join('; ')}`,
  ];
};
