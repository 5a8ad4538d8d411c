import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isUtcTime } from '@ceasefire/event-store';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PARTY_CODE = /^[A-Z]{2,8}$/;
export const LOCAL_ID = /^[A-Za-z0-9_.-]{1,64}$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An RFC 3339 UTC timestamp with a Z suffix, as every time in the record is kept, naming a day and hour that exist. */
export function IsUtcTimestamp(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUtcTimestamp',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an RFC 3339 UTC time like 2025-10-30T12:00:00Z`, ...options },
      validator: {
        validate: (value: unknown) => isUtcTime(value, 3),
      },
    });
}

/** Normalises an accepted timestamp to the millisecond form the record keeps. */
export const utc = (value: string): string => new Date(value).toISOString();

/** DTO instances (and their nested DTOs) as plain JSON data, as events must carry; absent optional fields are dropped. */
export const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto)) as T;

export const POSITION = /^\d{20}(:\d{20})?$/;

/** Free text that says something: white space alone is refused (an empty string is @Length's to refuse). */
export function NotBlank(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notBlank',
      target: object.constructor,
      propertyName,
      options: { message: `${options?.each ? 'each of ' : ''}${propertyName} must not be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value === '' || /\S/.test(value) },
    });
}
