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

/**
 * Input fields whose text is free-form (several lines, pasted notes): they may hold tab, line feed and carriage
 * return. Every other string (names, codes, emails, phones, ids, keys, cursors, searches) is one line.
 * Named by the input field or argument, wherever it occurs; a JSON field's strings follow the same rule.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'body',
  'comment',
  'data',
  'note',
  'overrideReason',
  'reason',
  'summary',
  'text',
]);

// C0 controls, DEL and C1 controls; PostgreSQL cannot store NUL, and none of them belongs in a name or a code.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */

/** Refuses control characters in `value`, naming `field`; free text (see {@link FREE_TEXT_FIELDS}) may hold \t \n \r. */
export function checkControlCharacters(value: string, field: string, freeText: boolean): void {
  if ((freeText ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
    throw inputError(
      InputErrorCode.INVALID,
      freeText
        ? `${field} must not contain control characters other than tab and line breaks`
        : `${field} must not contain control characters`,
      field,
    );
  }
}
