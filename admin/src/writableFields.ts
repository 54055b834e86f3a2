// The fields each resource accepts on POST (create) and PUT (update), mirroring the strict zod
// schemas in @baotou/shared (compoundSchema, buildingSchema, ...). react-admin's Edit sends the
// whole record back — ids, counts, joined names — so the dataProvider keeps only these.
// (Importing the schemas themselves would pull zod into the console's initial bundle.)

type Writable = { create: readonly string[]; update: readonly string[] };

const same = (fields: readonly string[]): Writable => ({ create: fields, update: fields });

const compound = ['code', 'name', 'regionCode', 'address', 'lat', 'lng', 'totalArea', 'buildYear', 'type', 'managementMode', 'facilitiesComplete'];
const household = ['room', 'area', 'areaBasis', 'ownerId', 'developerUnsold'];
const project = [
  'companyId',
  'compoundId',
  'startDate',
  'endDate',
  'feeFenPerM2Month',
  'serviceLevel',
  'contractFilingNo',
  'contractFilingDate',
  'managerName',
  'managerPhone',
  'managerFilingNo',
  'pricingForm',
  'selectionMethod',
  'tenderDate',
  'tenderResult',
];

export const writableFields: Record<string, Writable> = {
  // A region's level and parent follow from its code; only the name changes later.
  regions: { create: ['id', 'name'], update: ['name'] },
  compounds: same(compound),
  // A building, unit or household does not move: its parent is set once, on create.
  buildings: { create: ['compoundId', 'name', 'floors'], update: ['name', 'floors'] },
  units: { create: ['buildingId', 'name'], update: ['name'] },
  households: { create: ['unitId', ...household], update: household },
  owners: same(['name', 'phone', 'idNumber', 'regionCode', 'developer']),
  companies: same(['name', 'creditCode', 'legalRepresentative', 'contactName', 'contactPhone', 'address', 'regionCode']),
  projects: same(project),
  surveys: { create: ['title', 'scope', 'projectId', 'regionCode', 'dimensions', 'opensOn', 'closesOn'], update: [] },
  users: same(['username', 'name', 'role', 'regionCode', 'companyId', 'disabled', 'password']),
  // Issue 10: an inspection or patrol (its results carry the photos); the checklist is kept by the city.
  inspections: { create: ['projectId', 'kind', 'inspectedAt', 'lat', 'lng', 'note', 'results'], update: [] },
  'inspection-checklist-items': same(['code', 'category', 'text', 'severity', 'onSpot', 'fireLane', 'sourceDocument', 'sortOrder', 'active']),
  // The hotline form picks a compound only to narrow the home list; the server takes the home (ticketStaffCreateSchema).
  // Issue 10: a credit item recorded by hand; a company's objection (from the item's page).
  'credit-items': {
    create: ['companyId', 'projectId', 'type', 'pointsTenths', 'authority', 'document', 'note', 'evidence', 'occurredOn', 'validFrom', 'validUntil'],
    update: [],
  },
  'credit-objections': { create: ['itemId', 'reason', 'evidence'], update: [] },
  blacklist: { create: ['companyId', 'reason', 'document', 'listedOn', 'facts', 'evidence'], update: [] },
  filings: { create: ['projectId', 'kind', 'documentNo', 'managerName', 'validFrom', 'validUntil', 'documents', 'note'], update: [] },
  'kpi-targets': same(['year', 'indicator', 'value', 'document']),
  // Issue 13: a fee item's price is fixed once set (stop it and add another); a counter payment; a billing run.
  'fee-items': {
    create: ['projectId', 'kind', 'name', 'feeMilliFenPerM2Month', 'monthlyFen', 'billingCycle', 'startsOn', 'lateFeeBpPerMonth', 'active'],
    update: ['name', 'lateFeeBpPerMonth', 'active'],
  },
  'fee-payments': { create: ['householdId', 'amountFen', 'method', 'reference'], update: [] },
  'billing-runs': { create: ['period', 'compoundIds'], update: [] },
  tickets: {
    create: ['channel', 'contactName', 'contactPhone', 'householdId', 'kind', 'category', 'against', 'level', 'preferredTime', 'description', 'photos'],
    update: [],
  },
};

/** Keeps the accepted fields; an emptied optional input ('') is sent as null. */
export function pickWritable(resource: string, kind: 'create' | 'update', data: Record<string, unknown>) {
  const fields = writableFields[resource]?.[kind];
  if (!fields) return data;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in data) || data[f] === undefined) continue;
    out[f] = data[f] === '' ? null : data[f];
  }
  return out;
}
