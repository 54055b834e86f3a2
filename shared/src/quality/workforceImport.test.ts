import { isSpecialistPost } from './workforceEnums';
import { createStaffRowValidator, createTrainingRowValidator, parseHoursTenths } from './workforceImport';
import { staffSchema, trainingSchema } from './workforceSchemas';

const staffLookups = { today: '2024-06-30', staffNos: new Set(['OLD1']), projects: new Map([['BT0001', { projectId: 7 }]]) };
const staffRow = (over: Record<string, string> = {}) => ({
  工号: 'A1',
  姓名: '张伟',
  岗位: '电工',
  专业岗位: '',
  项目小区编码: 'bt0001',
  入职日期: '2024-03-01',
  离职日期: '',
  手机号: '13812345678',
  证书名称: '',
  证书编号: '',
  证书有效期至: '',
  ...over,
});

describe('issue 12: staff rows (DOMAIN.md §13 specialist posts)', () => {
  test('a clean row: specialist from the post, project by compound code', () => {
    const r = createStaffRowValidator(staffLookups)(staffRow());
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        staffNo: 'A1',
        post: 'electrician',
        specialist: true,
        projectId: 7,
        hiredOn: '2024-03-01',
        leftOn: null,
        phone: '13812345678',
        certificates: [],
      }),
    });
  });
  test.each([
    ['duplicate 工号 in the registry', { 工号: 'OLD1' }, '已登记'],
    ['unknown post', { 岗位: '厨师' }, '岗位“厨师”'],
    ['hired in the future', { 入职日期: '2024-07-01' }, '入职日期不能晚于今天'],
    ['left before hired', { 离职日期: '2024-02-01' }, '离职日期不能早于入职日期'],
    ['a compound the company does not serve', { 项目小区编码: 'BT9999' }, '不是本企业服务的项目'],
    ['a landline', { 手机号: '04715123456' }, '手机号'],
    ['half a certificate', { 证书名称: '电工证' }, '须同时填写'],
    ['no name', { 姓名: '' }, '姓名不能为空'],
    ['control characters', { 姓名: '张\u0000伟' }, '控制字符'],
  ])('%s is refused', (_n, over, message) => {
    const r = createStaffRowValidator(staffLookups)(staffRow(over));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('；')).toContain(message);
  });
  test('duplicate 工号 within the sheet: the second row is refused', () => {
    const v = createStaffRowValidator(staffLookups);
    expect(v(staffRow()).ok).toBe(true);
    expect(v(staffRow()).ok).toBe(false);
  });
  test('specialist can be overridden', () => {
    const r = createStaffRowValidator(staffLookups)(staffRow({ 岗位: '保洁', 专业岗位: '是' }));
    expect(r.ok && r.value.specialist).toBe(true);
  });
});

const trainingLookups = {
  today: '2024-06-30',
  staff: new Map([['A1', { id: 5, hiredOn: '2024-03-01', leftOn: '2024-06-01' }]]),
  dayTenths: new Map([['5|2024-03-05', 200]]),
};
const trainingRow = (over: Record<string, string> = {}) => ({
  工号: 'A1',
  培训类型: '岗前培训',
  课程: '安全',
  培训机构: '协会',
  学时: '3.5',
  培训日期: '2024-03-01',
  培训证书编号: '',
  佐证材料: '',
  ...over,
});

describe('issue 12: training rows — refusals (not on the staff, before hired, hours ≤ 0 or > 24 a day)', () => {
  test('a clean row: hours in tenths', () => {
    expect(createTrainingRowValidator(trainingLookups)(trainingRow())).toEqual({
      ok: true,
      value: expect.objectContaining({ staffId: 5, kind: 'pre_job', hoursTenths: 35, trainedOn: '2024-03-01' }),
    });
  });
  test.each([
    ['someone not on the company staff', { 工号: 'ZZ9' }, '不是本企业登记的员工'],
    ['dated before they were hired', { 培训日期: '2024-02-28' }, '早于该员工的入职日期'],
    ['dated after they left', { 培训日期: '2024-06-02' }, '晚于该员工的离职日期'],
    ['0 hours', { 学时: '0' }, '学时必须大于0'],
    ['negative hours', { 学时: '-1' }, '学时“-1”'],
    ['over 24 hours', { 学时: '24.1' }, '不能超过24小时'],
    ['over 24 hours on one day with what is recorded', { 培训日期: '2024-03-05', 学时: '4.1' }, '合计超过24小时'],
    ['unknown kind', { 培训类型: '团建' }, '培训类型“团建”'],
  ])('%s is refused', (_n, over, message) => {
    const r = createTrainingRowValidator(trainingLookups)(trainingRow(over));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('；')).toContain(message);
  });
  test('exactly 24 hours on one day across sheet rows is accepted, one more tenth is not', () => {
    const v = createTrainingRowValidator(trainingLookups);
    expect(v(trainingRow({ 学时: '12' })).ok).toBe(true);
    expect(v(trainingRow({ 学时: '12' })).ok).toBe(true);
    expect(v(trainingRow({ 学时: '0.1' })).ok).toBe(false);
  });
  test.each([
    ['8', 80],
    ['3.5', 35],
    ['0.1', 1],
    ['1.25', undefined],
    ['abc', undefined],
  ])('hours %s → %s tenths', (raw, tenths) => expect(parseHoursTenths(raw)).toBe(tenths));
});

describe('schemas', () => {
  test('hoursTenths must be 1..240 integers', () => {
    const base = { staffId: 1, kind: 'continuing', course: 'c', provider: 'p', trainedOn: '2024-01-01' };
    expect(trainingSchema.safeParse({ ...base, hoursTenths: 240 }).success).toBe(true);
    for (const h of [0, -5, 241, 1.5, '8']) expect(trainingSchema.safeParse({ ...base, hoursTenths: h }).success).toBe(false);
  });
  test('staff: left before hired is refused on the field', () => {
    const r = staffSchema.safeParse({ staffNo: 'A', name: '张', post: 'cleaning', hiredOn: '2024-03-01', leftOn: '2024-01-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['leftOn']);
  });
  test('a post outside the enum throws', () => {
    expect(() => isSpecialistPost('cook' as never)).toThrow();
  });
});
