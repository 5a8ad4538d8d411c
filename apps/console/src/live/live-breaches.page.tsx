import { useEffect, useState } from 'preact/hooks';
import { authorization } from '../session/session';
import { href } from '../shell/router';
import { BreachTicker } from './breach-ticker';

const ticker = new BreachTicker((lastEventId, signal) =>
  fetch('/v1/feeds/breaches', {
    headers: {
      accept: 'text/event-stream',
      ...authorization(),
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal,
    cache: 'no-store',
  }),
);

export const LiveBreachesPage = () => {
  const [, rerender] = useState(0);
  useEffect(() => ticker.subscribe(() => rerender((n) => n + 1)), []);
  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">Live breaches</h1>
      <p class={ticker.connected ? 'connection on' : 'connection off'} data-connected={String(ticker.connected)}>
        {ticker.failure
          ? `The feed stopped: ${ticker.failure}`
          : ticker.connected
            ? 'Connected: new breaches appear here as they are recorded.'
            : 'Connecting…'}
      </p>
      <ol class="ticker" aria-live="polite" aria-relevant="additions">
        {ticker.breaches.slice(0, 200).map((b) => {
          const incident = b.subject?.startsWith('incidents/') ? b.subject.slice('incidents/'.length) : undefined;
          return (
            <li key={b.position} data-position={b.position} data-type={b.type}>
              <time dateTime={b.time}>{b.time.replace('T', ' ').slice(0, 19)}</time> <strong>{b.type}</strong>{' '}
              {b.parties.length > 0 && <span>against {b.parties.join(', ')}</span>}{' '}
              {b.severity && <span class={`sev sev-${b.severity}`}>{b.severity}</span>}{' '}
              {incident && <a href={href(['incidents', incident])}>case</a>}
            </li>
          );
        })}
      </ol>
      {ticker.breaches.length === 0 && <p class="hint">No breach recorded yet that you may read.</p>}
    </section>
  );
};
