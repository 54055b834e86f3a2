import { QueryClient } from '@tanstack/react-query';

/** Retries for a query whose answer may change on its own: network failures and 5xx. */
const MAX_RETRIES = 3;

/**
 * Whether react-query retries a failed query. A 4xx answer (refused by role or jurisdiction,
 * PASSWORD_CHANGE_REQUIRED, a bad filter) is the server's considered answer: asking again only
 * re-renders the page (a form being typed into is reset), so it is not retried.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/** The console's query client: react-admin's defaults, without retrying 4xx answers. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry } },
});
