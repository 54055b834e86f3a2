import { CROSS_APPOINTMENT_KIND_LABELS, PARTY_GENDER_LABELS, PARTY_MEMBER_ROLE_LABELS, PARTY_ORG_SETTING_LABELS, PARTY_ORG_TYPE_LABELS } from './enums';
import { PARTY_IMPORT_COLUMNS, createPartyRowValidator, missingPartyColumns, type PartyImportLookups } from './importRules';

const ctx = (): PartyImportLookups => ({
  today: '2026-06-30',
  orgs: new Map([
    ['包头市物业行业党委', { id: 1 }],
    ['鹿城物业党支部', { id: 2 }],
  ]),
  companies: new Map([['包头市鹿城物业服务有限公司', { id: 10, communities: ['150203001001'] }]]),
  compounds: new Map([
    ['BT0001', { id: 100, regionCode: '150203001001' }],
    ['BT0003', { id: 102, regionCode: '150203001002' }],
  ]),
  communities: new Set(['150203001001', '150203001002']),
  memberKeys: new Set(['王芳|p|13800000001']),
  members: new Map([
    [
      '李强|鹿城物业党支部',
      [{ id: 7, role: 'project_manager' as const, compoundCommunity: '150203001001', regionCode: '150203001001', employerCommunities: ['150203001001'] }],
    ],
    ['赵敏|鹿城物业党支部', [{ id: 8, role: 'company_staff' as const, compoundCommunity: null, regionCode: null, employerCommunities: ['150203001001'] }]],
  ]),
  phoneKey: (p) => p,
});

describe('action plan 四(一) 党建信息库 import: required columns', () => {
  test.each([
    ['members', ['姓名', '性别', '入党日期', '所在党组织', '身份'], []],
    ['members', ['姓名', '入党日期', '所在党组织'], ['性别', '身份']],
    ['orgs', [' 组织名称 ', '组织类型', '所在领域', '成立日期', '党员人数'], []],
    ['cross_appointments', ['党员姓名'], ['所在党组织', '任职类型', '社区代码', '开始日期']],
  ] as const)('%s %j → missing %j', (kind, headers, missing) => expect(missingPartyColumns(kind, headers)).toEqual(missing));
});

const member = (over: Record<string, string>) => ({
  姓名: '张伟',
  性别: '男',
  入党日期: '2010-07-01',
  所在党组织: '鹿城物业党支部',
  身份: '企业员工',
  工作单位: '包头市鹿城物业服务有限公司',
  ...over,
});

describe('action plan 四(一) 党建信息库 import: member rows', () => {
  test.each([
    ['a good row', member({}), null],
    ['missing name', member({ 姓名: '' }), /姓名不能为空/],
    ['bad date', member({ 入党日期: '2010-02-30' }), /不是有效日期/],
    ['future date', member({ 入党日期: '2027-01-01' }), /不能晚于今天/],
    ['unknown organisation', member({ 所在党组织: '不存在的支部' }), /党组织“不存在的支部”未登记/],
    ['unknown company', member({ 工作单位: '某某公司' }), /物业企业“某某公司”未登记/],
    ['staff without employer', member({ 工作单位: '' }), /必须填写工作单位/],
    ['bad gender', member({ 性别: 'M' }), /性别“M”无效/],
    ['bad role', member({ 身份: '保安' }), /身份“保安”无效/],
    ['bad phone', member({ 手机号: '12345' }), /11位手机号/],
    ['already registered (same name and phone)', member({ 姓名: '王芳', 手机号: '13800000001' }), /已登记/],
    ['committee member with an unknown compound', member({ 身份: '业委会成员', 工作单位: '', 小区编码: 'XX9' }), /小区编码“XX9”不存在/],
    ['community worker with unknown community', member({ 身份: '社区工作者', 工作单位: '', 社区代码: '150203009009' }), /社区代码“150203009009”不存在/],
  ])('%s', (_n, row, expected) => {
    const r = createPartyRowValidator('members', ctx())(row);
    if (expected === null)
      expect(r).toMatchObject({
        ok: true,
        value: { name: '张伟', gender: 'male', orgId: 2, role: 'company_staff', employerCompanyId: 10, joinedOn: '2010-07-01' },
      });
    else expect(r.ok ? [] : r.errors.join('；')).toMatch(expected);
  });

  test('a duplicate within the sheet is reported on its second row only', () => {
    const v = createPartyRowValidator('members', ctx());
    expect(v(member({ 手机号: '13900000000' })).ok).toBe(true);
    const second = v(member({ 手机号: '13900000000' }));
    expect(second).toEqual({ ok: false, errors: ['党员“张伟”在本表中重复'] });
    // without a phone, the same name in the same organisation is the same person
    expect(v(member({})).ok).toBe(true);
    expect(v(member({})).ok).toBe(false);
  });
});

describe('action plan 四(一) 党建信息库 import: organisation rows', () => {
  const org = (over: Record<string, string>) => ({
    组织名称: '青山物业党支部',
    组织类型: '党支部',
    所在领域: '物业企业',
    上级组织: '包头市物业行业党委',
    成立日期: '2021/7/1',
    党员人数: '4',
    所在企业: '包头市鹿城物业服务有限公司',
    ...over,
  });
  test('a parent named earlier in the same sheet is known', () => {
    const v = createPartyRowValidator('orgs', ctx());
    expect(v(org({ 企业职工人数: '80' }))).toMatchObject({
      ok: true,
      value: { parentId: 1, foundedOn: '2021-07-01', memberCount: 4, companyId: 10, staffCount: 80 },
    });
    expect(v(org({ 组织名称: '青山物业第二党支部', 上级组织: '青山物业党支部' }))).toMatchObject({
      ok: true,
      value: { parentName: '青山物业党支部', parentId: null },
    });
    expect(v(org({}))).toEqual({ ok: false, errors: ['党组织“青山物业党支部”已存在（重复）'] });
  });
  test.each([
    ['unknown parent', org({ 上级组织: '某党委' }), /上级组织“某党委”未登记/],
    ['bad type', org({ 组织类型: '小组' }), /组织类型“小组”无效/],
    ['bad count', org({ 党员人数: '三' }), /党员人数“三”必须是非负整数/],
    ['company org without company', org({ 所在企业: '' }), /必须填写所在企业/],
    ['compound org with unknown compound', org({ 所在领域: '小区', 所在企业: '', 小区编码: 'NOPE' }), /小区编码“NOPE”不存在/],
  ])('%s', (_n, row, expected) => {
    const r = createPartyRowValidator('orgs', ctx())(row);
    expect(r.ok ? '' : r.errors.join('；')).toMatch(expected);
  });
});

describe('action plan 四(一) 交叉任职 import rows', () => {
  const cross = (over: Record<string, string>) => ({
    党员姓名: '李强',
    所在党组织: '鹿城物业党支部',
    任职类型: '兼任社区党组织兼职委员',
    社区代码: '150203001001',
    开始日期: '2024-01-01',
    ...over,
  });
  test.each([
    ['a project manager whose company serves the community', cross({}), null],
    ['another community', cross({ 社区代码: '150203001002' }), /既不在/],
    ['an ordinary staff member', cross({ 党员姓名: '赵敏' }), /业委会成员或物业项目负责人/],
    ['unknown member', cross({ 党员姓名: '无名' }), /未登记/],
    ['end before start', cross({ 结束日期: '2023-12-31' }), /结束日期不能早于开始日期/],
    ['committee kind without compound', cross({ 任职类型: '社区两委成员兼任业委会成员' }), /须填写业委会所在小区编码/],
  ])('%s', (_n, row, expected) => {
    const r = createPartyRowValidator('cross_appointments', ctx())(row);
    if (expected === null)
      expect(r).toEqual({
        ok: true,
        value: { memberId: 7, kind: 'community_party_part_time', communityCode: '150203001001', compoundId: null, startDate: '2024-01-01', endDate: null },
      });
    else expect(r.ok ? '' : r.errors.join('；')).toMatch(expected);
  });
});

// Issue 9 §7: a row previewed as valid must not fail at commit, so every rule the database applies
// to the text (column sizes, no NUL) is a row rule. Lengths count characters, as varchar(n) does.
describe('action plan 四(一) 党建信息库 import, issue 9 §7: cell text the registry can store', () => {
  const org = (over: Record<string, string>) => ({
    组织名称: '青山物业党支部',
    组织类型: '党支部',
    所在领域: '物业企业',
    成立日期: '2021-07-01',
    党员人数: '4',
    所在企业: '包头市鹿城物业服务有限公司',
    ...over,
  });
  const cross = (over: Record<string, string>) => ({
    党员姓名: '李强',
    所在党组织: '鹿城物业党支部',
    任职类型: '兼任社区党组织兼职委员',
    社区代码: '150203001001',
    开始日期: '2024-01-01',
    ...over,
  });
  test.each([
    ['members', 'a 40-character name', member({ 姓名: '张'.repeat(40) }), null],
    ['members', 'a 41-character name', member({ 姓名: '张'.repeat(41) }), /姓名过长（41个字符，最多40个）/],
    ['members', 'a 30,000-character name', member({ 姓名: 'x'.repeat(30_000) }), /姓名过长（30000个字符，最多40个）/],
    ['members', '40 characters outside the BMP (80 UTF-16 units)', member({ 姓名: '𠀀'.repeat(40) }), null],
    ['members', 'a NUL in the name', member({ 姓名: '张\u0000伟' }), /姓名含有不可见的控制字符/],
    ['members', 'a line break inside the name', member({ 姓名: '张\n伟' }), /姓名含有不可见的控制字符/],
    ['members', 'a C1 control in the organisation', member({ 所在党组织: '鹿城物业\u0085党支部' }), /所在党组织含有不可见的控制字符/],
    ['members', 'an unpaired surrogate in the name', member({ 姓名: '张\ud800' }), /姓名含有不可见的控制字符/],
    ['members', 'a NUL in the phone', member({ 手机号: '1380000\u00000001' }), /手机号含有不可见的控制字符/],
    ['orgs', 'a 100-character organisation name', org({ 组织名称: '党'.repeat(100) }), null],
    ['orgs', 'a 101-character organisation name', org({ 组织名称: '党'.repeat(101) }), /组织名称过长（101个字符，最多100个）/],
    ['orgs', 'a 41-character secretary', org({ 书记姓名: '王'.repeat(41) }), /书记姓名过长/],
    ['orgs', 'a NUL in the secretary', org({ 书记姓名: '王\u0000伟' }), /书记姓名含有不可见的控制字符/],
    ['cross_appointments', 'a NUL in the member name', cross({ 党员姓名: '李\u0000强' }), /党员姓名含有不可见的控制字符/],
    ['cross_appointments', 'a 30,000-character community code', cross({ 社区代码: '1'.repeat(30_000) }), /社区代码过长/],
  ] as const)('%s: %s', (kind, _name, row, expected) => {
    const r = createPartyRowValidator(kind, ctx())(row);
    if (expected === null) expect(r.ok).toBe(true);
    else {
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.errors.join('；');
      expect(text).toMatch(expected);
      // the bad text is not echoed back (a 30,000-character value would be, once per row)
      expect(text.length).toBeLessThan(200);
    }
  });

  test('every label a sheet may hold fits its column', () => {
    const fits = (kind: keyof typeof PARTY_IMPORT_COLUMNS, key: string, labels: Record<string, string>) => {
      const col = PARTY_IMPORT_COLUMNS[kind].find((c) => c.key === key)!;
      for (const l of Object.values(labels)) expect([...l].length).toBeLessThanOrEqual(col.maxLength);
    };
    fits('orgs', 'type', PARTY_ORG_TYPE_LABELS);
    fits('orgs', 'setting', PARTY_ORG_SETTING_LABELS);
    fits('members', 'gender', PARTY_GENDER_LABELS);
    fits('members', 'role', PARTY_MEMBER_ROLE_LABELS);
    fits('cross_appointments', 'kind', CROSS_APPOINTMENT_KIND_LABELS);
    for (const cols of Object.values(PARTY_IMPORT_COLUMNS)) for (const c of cols) expect([...c.example].length).toBeLessThanOrEqual(c.maxLength);
  });
});
