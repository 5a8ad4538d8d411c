/** Where a check failed: the leaf index and, once the entry could be read, its stream and revision. */
export interface FailurePlace {
  entry?: number;
  stream?: string;
  revision?: number;
}

export class VerifyFailure extends Error {
  constructor(
    message: string,
    readonly place: FailurePlace = {},
  ) {
    super(message);
  }
}

export const describePlace = ({ entry, stream, revision }: FailurePlace): string =>
  entry === undefined ? '' : `entry ${entry}${stream === undefined ? '' : ` (${stream}@${revision})`}: `;
