import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

/** Routes live in the hash (#/agreements/…): the API serves one page, and no path ever carries a token. */
export const currentRoute = (): Route => {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
};

export const href = (path: string[], query: Record<string, string | undefined> = {}): string => {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return `#/${path.map(encodeURIComponent).join('/')}${q.size ? `?${q}` : ''}`;
};
