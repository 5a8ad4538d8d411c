import { must } from '@ceasefire/api-client';
import { useState } from 'preact/hooks';
import { api, authorization } from '../session/session';
import { Loaded } from '../shell/problem';
import type { Route } from '../shell/router';
import { describeError, useResource } from '../shell/use-resource';
import { type Check, verifyEventProof } from './browser-verifier';

const text = async (path: string): Promise<string> => {
  const response = await fetch(path, { headers: authorization(), cache: 'no-store' });
  const body = await response.text();
  if (!response.ok) {
    let detail = body;
    try {
      detail = (JSON.parse(body) as { detail?: string }).detail ?? body;
    } catch {
      /* not a problem document */
    }
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
};

/** The event's receipt and its leaf's envelope, fetched; everything after that is checked here. */
const verifyInBrowser = async (eventId: string, verifierKey: string): Promise<Check[]> => {
  const receipt = await text(`/v1/events/${encodeURIComponent(eventId)}/receipt`);
  const index = Number(/\nindex (\d+)\n/.exec(receipt)?.[1] ?? NaN);
  if (!Number.isSafeInteger(index)) throw new Error('the receipt names no leaf index');
  const page = await must(api().GET('/v1/ledger/entries', { params: { query: { start: index, end: index + 1 } } }));
  const entry = page.entries[0] as { envelope?: string; withheld?: { reason: string } } | undefined;
  if (!entry?.envelope)
    throw new Error(`leaf ${index} is withheld from you: ${entry?.withheld?.reason ?? 'not listed'}`);
  return verifyEventProof({ eventId, receipt, envelope: entry.envelope, verifierKey });
};

const download = async (agreementId: string, format: 'json' | 'ndjson' | 'csv') => {
  const response = await fetch(`/v1/agreements/${encodeURIComponent(agreementId)}/timeline?format=${format}`, {
    headers: authorization(),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: `timeline-${agreementId}.${format}` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The names on a signed note's signature lines (C2SP signed-note: `— <name> <base64>`). */
const signersOf = (note: string): string[] =>
  note
    .slice(note.lastIndexOf('\n\n') + 2)
    .split('\n')
    .map((line) => /^\u2014 (\S+) /.exec(line)?.[1])
    .filter((name): name is string => Boolean(name));

/** Enough of the named witnesses cosigned: only the policy's own witnesses count. */
const policyMet = (c: { cosigners: string[]; policy?: { k: number; witnesses: string[] } | null }): boolean =>
  !c.policy || c.cosigners.filter((w) => c.policy!.witnesses.includes(w)).length >= c.policy.k;

export const LedgerPage = ({ route }: { route: Route }) => {
  const checkpoint = useResource(() => text('/v1/ledger/checkpoint'), []);
  const servedKey = useResource(() => text('/v1/ledger/key'), []);
  const agreements = useResource(() => must(api().GET('/v1/agreements', { params: { query: { limit: 100 } } })), []);
  const [agreementId, setAgreementId] = useState(route.query.get('agreement') ?? '');
  const agreementCheckpoint = useResource(
    async () =>
      agreementId
        ? must(api().GET('/v1/agreements/{id}/checkpoint', { params: { path: { id: agreementId } } }))
        : undefined,
    [agreementId],
  );
  const [pinned, setPinned] = useState('');
  const [eventId, setEventId] = useState(route.query.get('event') ?? '');
  const [checks, setChecks] = useState<Check[]>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = pinned.trim() || servedKey.data?.trim() || '';
  const verify = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setChecks(undefined);
    setFailure(undefined);
    try {
      setChecks(await verifyInBrowser(eventId.trim(), key));
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const verified = checks && checks.every((c) => c.ok);
  return (
    <>
      <h1>Ledger and verification</h1>
      <section aria-labelledby="checkpoint-title">
        <h2 id="checkpoint-title">Latest signed checkpoint</h2>
        <Loaded resource={checkpoint}>
          {(note) => (
            <>
              <pre class="note" data-checkpoint>
                {note}
              </pre>
              <p>
                Signature lines: {signersOf(note).join(', ')}. The first is the log’s own; any other is a witness’s
                cosignature.
              </p>
            </>
          )}
        </Loaded>
        <Loaded resource={servedKey}>
          {(k) => (
            <p class="hint">
              The log’s key, as this server states it: <code>{k.trim()}</code>. An auditor pins the key obtained
              elsewhere (below) rather than trusting the server’s word for it.
            </p>
          )}
        </Loaded>
      </section>

      <section aria-labelledby="witness-title">
        <h2 id="witness-title">Witnesses of an agreement’s checkpoint</h2>
        <label>
          Agreement
          <select
            name="agreement"
            value={agreementId}
            onChange={(e) => setAgreementId((e.target as HTMLSelectElement).value)}
          >
            <option value="">choose…</option>
            {agreements.data?.agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        {agreementId && (
          <Loaded resource={agreementCheckpoint}>
            {(c) =>
              c && (
                <div data-policy-met={String(policyMet(c))}>
                  <p>
                    Checkpoint of {c.size} leaves{c.final ? ' (final)' : ''}. Cosigned by{' '}
                    {c.cosigners.length ? c.cosigners.join(', ') : 'no witness yet'}.{' '}
                    {c.policy ? (
                      <>
                        The agreement asks for {c.policy.k} of {c.policy.witnesses.join(', ')}:{' '}
                        <strong>{policyMet(c) ? 'policy met' : 'policy not met'}</strong>.
                      </>
                    ) : (
                      'The agreement sets no cosignature policy.'
                    )}
                  </p>
                  <p class="exports">
                    Auditor’s exports of the timeline:{' '}
                    {(['json', 'ndjson', 'csv'] as const).map((f) => (
                      <button
                        key={f}
                        type="button"
                        onClick={() => void download(agreementId, f).catch((err) => setFailure(describeError(err)))}
                      >
                        {f.toUpperCase()}
                      </button>
                    ))}
                  </p>
                </div>
              )
            }
          </Loaded>
        )}
      </section>

      <section aria-labelledby="verify-title">
        <h2 id="verify-title">Verify an event in this browser</h2>
        <p class="hint">
          The receipt and the entry are fetched; the leaf hash, the inclusion path and the checkpoint’s Ed25519
          signature are checked here with Web Crypto, by code that shares nothing with the server.
        </p>
        <form onSubmit={verify}>
          <label>
            Event id
            <input
              name="eventId"
              required
              value={eventId}
              onInput={(e) => setEventId((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Pinned log key (optional)
            <input
              name="pinnedKey"
              value={pinned}
              placeholder={servedKey.data?.trim()}
              onInput={(e) => setPinned((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" disabled={busy || !key}>
            Verify
          </button>
        </form>
        <div aria-live="polite">
          {failure && (
            <p role="alert" class="error">
              {failure}
            </p>
          )}
          {checks && (
            <div class={verified ? 'verdict ok' : 'verdict failed'} data-verdict={verified ? 'verified' : 'failed'}>
              <p>
                <strong>{verified ? 'Verified: this event is in the signed log.' : 'Not verified.'}</strong>
                {!pinned.trim() && verified && ' (against the key as the server states it)'}
              </p>
              <ol>
                {checks.map((c) => (
                  <li key={c.name} class={c.ok ? 'ok' : 'failed'}>
                    {c.ok ? '✓' : '✗'} {c.name} — <span class="mono">{c.detail}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      </section>
    </>
  );
};
