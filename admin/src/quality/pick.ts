/** Keeps the fields a form may send (the server's strict schemas refuse presented-only fields); '' → null. */
export const pick = (fields: readonly string[]) => (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in data) || data[f] === undefined) continue;
    out[f] = data[f] === '' ? null : data[f];
  }
  return out;
};
