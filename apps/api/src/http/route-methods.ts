import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  path: RegExp;
  methods: Set<string>;
}

const patternsOf = new WeakMap<FastifyInstance, Map<string, RoutePattern>>();

/** `/v1/agreements/:id/incidents` → a RegExp of the paths it takes (a parameter is one segment, `*` the rest). */
const pathPattern = (url: string): RegExp =>
  new RegExp(
    `^${url
      .split('/')
      .map((segment) =>
        segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')}/?$`,
  );

/** Records the methods of every route as it is registered: call before the app registers its routes. */
export const recordRouteMethods = (fastify: FastifyInstance): void => {
  const patterns = new Map<string, RoutePattern>();
  patternsOf.set(fastify, patterns);
  fastify.addHook('onRoute', (route) => {
    const known = patterns.get(route.url) ?? { path: pathPattern(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(method);
    patterns.set(route.url, known);
  });
};

/**
 * The methods some route takes at this path (sorted); none when no route has the path at all, or only
 * OPTIONS does (CORS answers a preflight for any path: that alone is no resource).
 */
export const methodsAt = (fastify: FastifyInstance, url: string): string[] => {
  const path = url.split('?')[0];
  const methods = new Set<string>();
  for (const pattern of patternsOf.get(fastify)?.values() ?? [])
    if (pattern.path.test(path)) for (const method of pattern.methods) methods.add(method);
  return [...methods].some((m) => m !== 'OPTIONS') ? [...methods].sort() : [];
};
