import { Query } from '@nestjs/cqrs';

import type { StreamSummary } from '../stream-catalog.queries';

export type { StreamSummary };

export class ListStreamsQuery extends Query<{ streams: StreamSummary[]; asOfPosition: string | null }> {
  constructor(
    readonly category: string | undefined,
    readonly limit: number,
    readonly after: string | undefined,
    /** Wait until the read model has applied this position (read-your-writes). */
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}
