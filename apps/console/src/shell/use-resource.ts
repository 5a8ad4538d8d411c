import { ApiProblem } from '@ceasefire/api-client';
import { useEffect, useState } from 'preact/hooks';

export interface Resource<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/** Shows a problem as the API told it: its status and detail, never hidden. */
export const describeError = (error: unknown): string =>
  error instanceof ApiProblem
    ? `${error.status} ${error.problem?.title ?? ''}: ${error.problem?.detail ?? error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/** Loads once per change of `deps`; a load overtaken by a newer one is dropped. */
export const useResource = <T>(load: () => Promise<T>, deps: unknown[]): Resource<T> => {
  const [state, setState] = useState<Resource<T>>({ loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: describeError(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
};
