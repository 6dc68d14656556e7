import { inputError, InputErrorCode } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A required, trimmed, bounded text; the error names the field. */
export function requiredText(value: string, field: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (trimmed === '') throw inputError(InputErrorCode.INVALID, `${field} must not be empty`, field);
  if (trimmed.length > maxLength)
    throw inputError(InputErrorCode.INVALID, `${field} must be at most ${maxLength} characters`, field);
  return trimmed;
}

export function optionalText(value: string | undefined | null, field: string, maxLength = 200): string | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  return requiredText(value, field, maxLength);
}

/** Ids are UUIDs: anything else cannot name a row, so it is NOT_FOUND without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
