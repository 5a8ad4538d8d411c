import { type ApiClient, ApiProblem, createApiClient } from '@ceasefire/api-client';

/*
 * The principal's token lives in this module's memory and nowhere else: not in localStorage or
 * sessionStorage (a later visitor of the browser could read those), not in a cookie (sent without the
 * page asking), never in a URL. The page's Content-Security-Policy lets only this origin's own files run.
 */
let token: string | undefined;
/** Answers read under a token are not kept in the browser's cache either, where a later visitor could find them. */
const uncached: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });
let client: ApiClient | undefined;

export const signedIn = (): boolean => token !== undefined;

export const signIn = async (candidate: string): Promise<void> => {
  const trial = createApiClient({ baseUrl: location.origin, token: candidate.trim(), fetch: uncached });
  const { response, error } = await trial.GET('/v1/agreements', { params: { query: { limit: 1 } } });
  if (!response.ok) throw new ApiProblem(response.status, error as never, response.url);
  token = candidate.trim();
  client = trial;
};

/** Forgets the token, then reloads, so nothing read under it stays in the page. */
export const signOut = (): void => {
  token = undefined;
  client = undefined;
  location.replace(`${location.pathname}#/`);
  location.reload();
};

export const api = (): ApiClient => {
  if (!client) throw new Error('not signed in');
  return client;
};

/** The token for requests the typed client cannot make (streams read as they arrive). */
export const authorization = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
