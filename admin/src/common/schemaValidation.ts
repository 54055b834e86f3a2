import { schemaFieldErrors } from '@baotou/shared';

type Schema = Parameters<typeof schemaFieldErrors>[0];

/**
 * shared's schemaFieldErrors keyed by the form's top-level field (`documents.0` → `documents`;
 * the first message on a field wins; `rename` maps a body field to the form's, e.g. pointsTenths → points).
 */
export function formFieldErrors(schema: Schema, body: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(schemaFieldErrors(schema, body))) {
    const top = path.split('.')[0];
    errors[rename[top] ?? top] ??= message;
  }
  return errors;
}

/** A form-level validator (react-admin `validate`) from a shared zod schema, on the body the form sends. */
export const zodValidate =
  (schema: Schema, toBody: (v: Record<string, unknown>) => unknown, rename?: Record<string, string>) => (values: Record<string, unknown>) =>
    formFieldErrors(schema, toBody(values ?? {}), rename);

/**
 * Input-level validators from a shared zod schema (react-hook-form cannot mix form- and input-level
 * validation, and file inputs validate at input level): `field(name)` answers the Chinese message of
 * the schema's first issue on that field, checking the whole form so cross-field rules hold too.
 */
export const zodFields =
  (schema: Schema, toBody: (v: Record<string, unknown>) => unknown) => (name: string) => (_value: unknown, values: Record<string, unknown>) =>
    formFieldErrors(schema, toBody(values ?? {}))[name];
