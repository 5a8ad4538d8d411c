import { type MonthOfBreaches, SEVERITIES } from './breaches-over-time';

const HEIGHT = 160;
const BAR = 14;
const GAP = 4;
const GROUP_GAP = 18;

/** Stacked bars: one per party per month, stacked by severity (darker is graver), with a table for screen readers. */
export const BreachesChart = ({
  series,
  parties,
}: {
  series: MonthOfBreaches[];
  parties: { code: string; name: string }[];
}) => {
  if (series.length === 0) return <p class="hint">No confirmed breach yet.</p>;
  const totals = series.flatMap((m) => parties.map((p) => total(m.byParty[p.code])));
  const max = Math.max(1, ...totals);
  const groupWidth = parties.length * (BAR + GAP) + GROUP_GAP;
  const width = series.length * groupWidth + 40;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + 40}`}
        width={width}
        height={HEIGHT + 40}
        role="img"
        aria-labelledby="chart-caption"
      >
        <line x1="30" x2={width} y1={HEIGHT} y2={HEIGHT} class="axis" />
        <text x="26" y="12" class="tick" text-anchor="end">
          {max}
        </text>
        <text x="26" y={HEIGHT} class="tick" text-anchor="end">
          0
        </text>
        {series.map((m, i) =>
          parties.map((p, j) => {
            const x = 36 + i * groupWidth + j * (BAR + GAP);
            let y = HEIGHT;
            return (
              <g key={`${m.month}-${p.code}`} data-month={m.month} data-party={p.code}>
                {SEVERITIES.map((s) => {
                  const n = m.byParty[p.code]?.[s] ?? 0;
                  if (!n) return null;
                  const h = (n / max) * (HEIGHT - 16);
                  y -= h;
                  return (
                    <rect key={s} x={x} y={y} width={BAR} height={h} class={`sev-fill sev-${s}`}>
                      <title>
                        {p.name}, {m.month}: {n} × {s}
                      </title>
                    </rect>
                  );
                })}
                <text x={x + BAR / 2} y={HEIGHT + 12} class="tick" text-anchor="middle">
                  {p.code}
                </text>
              </g>
            );
          }),
        )}
        {series.map((m, i) => (
          <text
            key={m.month}
            x={36 + i * groupWidth + (parties.length * (BAR + GAP)) / 2}
            y={HEIGHT + 28}
            class="tick"
            text-anchor="middle"
          >
            {m.month}
          </text>
        ))}
      </svg>
      <figcaption id="chart-caption">
        Confirmed breaches per month of adoption, per party, stacked by severity (S0 lightest … S4 darkest).
        <span class="legend">
          {SEVERITIES.map((s) => (
            <span key={s} class={`sev sev-${s}`}>
              {s}
            </span>
          ))}
        </span>
      </figcaption>
      <table class="visually-hidden">
        <caption>Confirmed breaches by month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {parties.map((p) => (
              <th key={p.code} scope="col">
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              {parties.map((p) => (
                <td key={p.code}>{total(m.byParty[p.code])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};

const total = (counts: Partial<Record<string, number>> | undefined) =>
  Object.values(counts ?? {}).reduce<number>((n, c) => n + (c ?? 0), 0);
