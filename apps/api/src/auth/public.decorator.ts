import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'publicRoute';
/** Marks a route readable without a token (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
