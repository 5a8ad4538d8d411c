export class ProjectionParked extends Error {
  readonly code = 'PROJECTION_PARKED';
  constructor(
    readonly projection: string,
    readonly reason: string,
  ) {
    super(`projection ${projection} is parked: ${reason}`);
  }
}

export class WaitForTimeout extends Error {
  readonly code = 'WAIT_FOR_TIMEOUT';
  constructor(
    readonly position: string,
    readonly lagging: string[],
  ) {
    super(`read models did not reach ${position} in time: ${lagging.join(', ')}`);
  }
}

export class UnknownProjection extends Error {
  readonly code = 'UNKNOWN_PROJECTION';
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
  }
}
