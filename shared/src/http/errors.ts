/** The error body every API answers with: a machine-readable code and a Chinese message. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** A zod issue list as field → first Chinese message (`a.b.0` paths); the API's 400 `fields` and the forms' inline errors alike. */
export function issueFields(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.code === 'unrecognized_keys' && issue.keys ? `不允许的字段: ${issue.keys.join(', ')}` : issue.message;
  }
  return fields;
}

/** A form's check by the API's own schema: `{}` when `value` passes, else field → message (issueFields). */
export function schemaFieldErrors(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } },
  value: unknown,
): Record<string, string> {
  const r = schema.safeParse(value);
  return r.success || !r.error ? {} : issueFields(r.error.issues);
}
