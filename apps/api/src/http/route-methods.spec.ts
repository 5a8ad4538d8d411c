import Fastify from 'fastify';
import { methodsAt, recordRouteMethods } from './route-methods';

describe('methodsAt', () => {
  const fastify = Fastify();
  recordRouteMethods(fastify);
  const noop = async () => ({});
  fastify.get('/v1/agreements', noop);
  fastify.post('/v1/agreements', noop);
  fastify.get('/v1/agreements/:id', noop);
  fastify.post('/v1/agreements/:id/incidents', noop);
  fastify.get('/console/*', noop);
  // What CORS registers for its preflights.
  fastify.options('*', noop);
  beforeAll(() => fastify.ready());
  afterAll(() => fastify.close());

  it('gives the methods of the routes a path matches, parameters and catch-alls included', () => {
    expect(methodsAt(fastify, '/v1/agreements?limit=1')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(methodsAt(fastify, '/v1/agreements/a1/')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(methodsAt(fastify, '/v1/agreements/a1/incidents')).toEqual(['OPTIONS', 'POST']);
    expect(methodsAt(fastify, '/console/app/index.html')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('gives none for a path no route has, though a preflight catch-all takes every path', () => {
    expect(methodsAt(fastify, '/v1/nothing')).toEqual([]);
    expect(methodsAt(fastify, '/v1/agreements/a1/incidents/extra')).toEqual([]);
  });
});
