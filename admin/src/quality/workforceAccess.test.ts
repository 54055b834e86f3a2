import { staffSchema, trainingSchema } from '@baotou/shared';
import { canAccess } from '../auth/canAccess';

// The forms' writable lists (StaffForms.tsx, TrainingForms.tsx) must be what the server's strict schemas accept.
const STAFF_WRITABLE = ['staffNo', 'name', 'post', 'specialist', 'projectId', 'hiredOn', 'leftOn', 'phone', 'certificates'];
const TRAINING_WRITABLE = ['staffId', 'kind', 'course', 'provider', 'hoursTenths', 'trainedOn', 'certificateNo', 'evidence'];

describe('workforce in the console (issue 12): companies write their own, place staff read, party staff nothing', () => {
  test.each([
    ['company_staff', 'create', true],
    ['company_staff', 'edit', true],
    ['district_staff', 'list', true],
    ['district_staff', 'create', false],
    ['community_staff', 'export', true],
    ['party_staff', 'list', false],
  ])('%s %s → %s', (role, action, allowed) => {
    for (const resource of ['staff', 'trainings']) expect(canAccess(role, { action, resource })).toBe(allowed);
  });
  test.each([
    ['company_staff', 'staff-import', true],
    ['city_admin', 'staff-import', false],
    ['city_admin', 'training-rates', true],
    ['company_staff', 'training-rates', true],
    ['party_staff', 'training-rates', false],
  ])('%s lists %s → %s', (role, resource, allowed) => expect(canAccess(role, { action: 'list', resource })).toBe(allowed));
  test('form fields are the server schema fields', () => {
    expect(Object.keys(staffSchema.shape).sort()).toEqual([...STAFF_WRITABLE].sort());
    expect(Object.keys(trainingSchema.shape).sort()).toEqual([...TRAINING_WRITABLE].sort());
  });
});
