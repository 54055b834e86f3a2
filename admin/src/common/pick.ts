/**
 * A create/edit form's transform: keeps only the fields the form may send (the server's strict
 * schemas refuse presented-only fields), drops undefined ones and sends an emptied input ('') as null.
 */
export const pick = (fields: readonly string[]) => (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in data) || data[f] === undefined) continue;
    out[f] = data[f] === '' ? null : data[f];
  }
  return out;
};
