/**
 * The filter of each resource's latest list query. react-admin's ExportButton fetches the rows with
 * the list's filter and hands the exporter only the rows; an audited export records the filter it
 * was made with (POST /api/audit/exports), so the data provider notes it here.
 */
const latest = new Map<string, unknown>();

export const rememberListFilter = (resource: string, filter: unknown): void => {
  latest.set(resource, filter ?? {});
};

/** The filter the rows just fetched for `resource` were listed with ({} when none). */
export const lastListFilter = (resource: string): Record<string, unknown> => {
  const f = latest.get(resource);
  return f && typeof f === 'object' && !Array.isArray(f) ? (f as Record<string, unknown>) : {};
};

const latestSort = new Map<string, { field: string; order: string }>();

/** The sort of each resource's latest list query (the server-side export keeps the list's order). */
export const rememberListSort = (resource: string, sort: { field: string; order: string } | undefined): void => {
  if (sort?.field) latestSort.set(resource, sort);
};

/** The sort the rows just fetched for `resource` were listed with (undefined: the server's default). */
export const lastListSort = (resource: string): { field: string; order: string } | undefined => latestSort.get(resource);
