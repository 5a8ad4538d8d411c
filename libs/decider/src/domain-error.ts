/**
 * A business rule said no. `rule` names the rule for people and clients; `kind` decides the HTTP
 * status: conflict → 409 (the state forbids it now), forbidden → 403 (this actor may not),
 * invalid → 422 (the request can never succeed as written), not_found → 404.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'conflict' | 'forbidden' | 'invalid' | 'not_found',
    readonly rule: string,
    message: string,
    /** The command's field at fault, when one is (`occurredAt`, `terms.adoptionQuorum`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const conflict = (rule: string, message: string) => new DomainError('conflict', rule, message);
export const forbidden = (rule: string, message: string) => new DomainError('forbidden', rule, message);
export const invalid = (rule: string, message: string, field?: string) =>
  new DomainError('invalid', rule, message, field);
export const notFound = (rule: string, message: string) => new DomainError('not_found', rule, message);
