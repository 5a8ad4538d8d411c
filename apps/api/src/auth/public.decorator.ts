import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'publicRoute';
/** The OpenAPI extension that marks an operation public until the document is finished (see securedDocument). */
export const PUBLIC_OPERATION = 'x-public';

/** Marks a route readable without a token (health, docs, the public record), in the guard and in the OpenAPI document. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));
