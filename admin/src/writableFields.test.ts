import type { z } from 'zod';
import {
  buildingSchema,
  companySchema,
  compoundSchema,
  householdSchema,
  ownerSchema,
  projectSchema,
  surveyCreateSchema,
  regionCreateSchema,
  ticketStaffCreateSchema,
  inspectionCreateSchema,
  checklistItemSchema,
  unitSchema,
  blacklistCreateSchema,
  creditItemCreateSchema,
  creditObjectionCreateSchema,
  filingCreateSchema,
  kpiTargetSchema,
  feeItemSchema,
  counterPaymentSchema,
  billingRunSchema,
  userCreateSchema,
} from '@baotou/shared';
import { pickWritable, writableFields } from './writableFields';

const keys = (s: unknown) => Object.keys((s as { shape: Record<string, z.ZodType> }).shape);

// The console's create forms send what the server's strict schema accepts, no more (issue 16 §1:
// 工单 → 新增 → 保存 answered 400 "不允许的字段: compoundId" because the form's helper field went along).
const createSchemas: Record<string, unknown> = {
  regions: regionCreateSchema,
  compounds: compoundSchema,
  buildings: buildingSchema,
  units: unitSchema,
  households: householdSchema,
  owners: ownerSchema,
  companies: companySchema,
  projects: projectSchema,
  surveys: surveyCreateSchema,
  users: userCreateSchema,
  tickets: ticketStaffCreateSchema,
  inspections: inspectionCreateSchema,
  'inspection-checklist-items': checklistItemSchema,
  'kpi-targets': kpiTargetSchema,
  blacklist: blacklistCreateSchema,
  'credit-items': creditItemCreateSchema,
  'credit-objections': creditObjectionCreateSchema,
  filings: filingCreateSchema,
  'fee-items': feeItemSchema,
  'fee-payments': counterPaymentSchema,
  'billing-runs': billingRunSchema,
};

describe('writableFields mirror the server create schemas', () => {
  test.each(Object.keys(writableFields))('%s: every create field is one the server accepts', (resource) => {
    const schema = createSchemas[resource];
    expect(schema).toBeDefined();
    const accepted = keys(schema);
    expect(writableFields[resource].create.filter((f) => !accepted.includes(f))).toEqual([]);
  });

  test('the hotline form drops its compound picker and keeps the case', () => {
    const sent = pickWritable('tickets', 'create', {
      channel: 'hotline',
      contactName: '王女士',
      contactPhone: '0472-5267086',
      compoundId: 12,
      householdId: 345,
      kind: 'complaint',
      category: 'service_quality',
      against: 'company',
      description: '物业服务态度差，多次反映未解决',
    });
    expect(sent).not.toHaveProperty('compoundId');
    expect(ticketStaffCreateSchema.safeParse(sent).success).toBe(true);
  });
});
