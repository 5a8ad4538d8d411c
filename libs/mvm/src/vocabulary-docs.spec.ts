import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULEBOOK } from './compliance/compliance.rulebook';
import { CONFIDENCE_MEANINGS, MEASURE_MEANINGS, SEVERITY_MEANINGS } from './incident/incident.vocabulary';

// The page users read says what the code means: every meaning and default label appears in it.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A table row `| a | b |`, whatever padding Prettier gives it. */
const row = (...cells: string[]) => new RegExp(`\\|\\s*${cells.map(escape).join('\\s*\\|\\s*')}\\s*\\|`);

describe('docs/COMPLIANCE.md', () => {
  const page = readFileSync(join(process.cwd(), 'docs/COMPLIANCE.md'), 'utf8');
  it.each([
    ...Object.entries(SEVERITY_MEANINGS),
    ...Object.entries(CONFIDENCE_MEANINGS),
    ...Object.entries(MEASURE_MEANINGS),
  ])('documents %s as "%s"', (code, meaning) => expect(page).toMatch(row(code, meaning)));
  it.each(Object.entries(DEFAULT_RULEBOOK.labels))('documents the default label of %s', (level, label) =>
    expect(page).toMatch(row(`\`${level}\``, label)),
  );
});
