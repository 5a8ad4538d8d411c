import { registerDecorator, type ValidationOptions } from 'class-validator';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PARTY_CODE = /^[A-Z]{2,8}$/;
export const LOCAL_ID = /^[A-Za-z0-9_.-]{1,64}$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An RFC 3339 UTC timestamp with a Z suffix, as every time in the record is kept. */
export function IsUtcTimestamp(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUtcTimestamp',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an RFC 3339 UTC time like 2025-10-30T12:00:00Z`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
          !Number.isNaN(Date.parse(value)),
      },
    });
}

/** Normalises an accepted timestamp to the millisecond form the record keeps. */
export const utc = (value: string): string => new Date(value).toISOString();

/** DTO instances (and their nested DTOs) as plain JSON data, as events must carry; absent optional fields are dropped. */
export const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto)) as T;

export const POSITION = /^\d{20}(:\d{20})?$/;
