import { describePlace } from './verify-failure';
import type { VerifyReport } from './verify-bundle';

/** The human summary: one OK line saying what was proven, or the one failure and where. */
export const summarize = (report: VerifyReport): string[] => {
  const warnings = report.warnings.map((w) => `warning: ${w}`);
  if (!report.ok && report.failure)
    return [...warnings, `FAIL: ${describePlace(report.failure)}${report.failure.message}`];
  const proven = [
    report.selection ? 'every entry has a valid receipt' : 'signed root recomputed from every entry',
    'every chain intact',
    `${report.signedSubmissions ?? 0} party signatures valid`,
    ...(report.cosigners?.length ? [`cosigned by ${report.cosigners.join(', ')}`] : []),
    ...(report.extends?.length ? [`extends the checkpoints of size ${report.extends.join(', ')}`] : []),
  ];
  return [
    ...warnings,
    `OK: ${report.entries} entries in ${report.streams} streams of ${report.origin} (checkpoint size ${report.size}); ${proven.join('; ')}`,
  ];
};
