/** The error body every API answers with: a machine-readable code and a Chinese message. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
