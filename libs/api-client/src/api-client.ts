import createClient from 'openapi-fetch';
import type { components, paths } from './openapi.types';

/** The schemas of the API's requests and answers, as the OpenAPI document declares them. */
export type ApiSchemas = components['schemas'];
export type ApiProblemBody = ApiSchemas['Problem'];

/** An answer outside 2xx/304: its status and RFC 9457 problem. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblemBody | undefined,
    readonly url: string,
  ) {
    super(`${url} → ${status}${problem ? `: ${problem.detail}` : ''}`);
  }
}

export interface ApiClientOptions {
  /** The API's root URL, e.g. http://localhost:3000. */
  baseUrl: string;
  /** A principal's bearer token, sent with every request. */
  token?: string;
  fetch?: typeof fetch;
}

/**
 * A client typed from docs/openapi.json: paths, parameters, bodies and answers are checked by the compiler,
 * so a client that no longer matches the server does not build. One client per principal.
 */
export const createApiClient = ({ baseUrl, token, fetch: fetchImpl }: ApiClientOptions) =>
  createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

export type ApiClient = ReturnType<typeof createApiClient>;

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; an ApiProblem for any other. */
export const must = async <A extends Answer>(call: Promise<A>): Promise<NonNullable<A['data']>> => {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiProblem(response.status, error as ApiProblemBody | undefined, response.url);
  return data as NonNullable<A['data']>;
};
