import { SetMetadata } from '@nestjs/common';

export const HEAVY_READ = Symbol('HEAVY_READ');

/** A read that may cost much more than one row (exports, history pages, feed catch-up): rate-limited as such. */
export const HeavyRead = () => SetMetadata(HEAVY_READ, true);
