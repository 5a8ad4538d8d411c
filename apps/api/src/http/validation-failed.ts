import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

/** A 400 listing each field and what is wrong with it; ProblemDetailsFilter answers it as a VALIDATION problem. */
export const validationFailed = (errors: FieldError[]): BadRequestException =>
  new BadRequestException({ message: errors.map((e) => e.message), errors });

/**
 * The field of each failed rule is its path in class-validator's tree ("location.lat", "evidence.0.sha256"),
 * not the message's first word: a rule over an array's elements says "each cited provision …". Messages
 * keep the ValidationPipe's own form, nested ones prefixed with their parent's path.
 */
export const fieldErrorsOf = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
