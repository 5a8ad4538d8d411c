import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from '../auth/public.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Every operation of the API needs a bearer token except those marked @Public: the document says so from
 * the same mark the guard reads, so it cannot show a guarded route as public or the reverse.
 */
export const securedDocument = (document: OpenAPIObject): OpenAPIObject => {
  // Tokens are opaque (random, only their MAC is kept): the builder's default bearerFormat "JWT" would mislead.
  const bearer = document.components?.securitySchemes?.bearer as { bearerFormat?: string } | undefined;
  if (bearer) delete bearer.bearerFormat;
  for (const path of Object.values(document.paths))
    for (const method of METHODS) {
      const operation = path[method] as (Record<string, unknown> & { security?: unknown }) | undefined;
      if (!operation) continue;
      if (operation[PUBLIC_OPERATION]) {
        delete operation[PUBLIC_OPERATION];
        operation.security = [];
      } else operation.security = [{ bearer: [] }];
    }
  return document;
};
