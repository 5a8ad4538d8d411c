import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { validationFailed } from './validation-failed';

const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']);

/**
 * Names that every object inherits ("toString", "constructor"…) slip past the whitelist check of
 * class-validator, which sees them as known. Found by the fuzz test; rejected here, naming the field.
 */
export class RejectInheritedNamesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query') check(value, '');
    return value;
  }
}

/** Fields are named by their path, as class-validator names them ("location.lat"), so each problem lists them alike. */
const check = (value: unknown, path: string): void => {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (INHERITED.has(key)) throw validationFailed([{ field, message: `${field} is not an accepted field name` }]);
    check((value as Record<string, unknown>)[key], field);
  }
};
