/**
 * Field-staff pages (packages/workorders) and the residents' board (packages/tickets/board) of the
 * compiled weapp build (mini/dist) in jsdom with miniprogram-simulate: the real wxml and Taro runtime,
 * a stubbed `wx` (the same harness as weapp-pages.test.ts). Needs `npm run build:weapp -w mini` first.
 */
import { apiPath, calls, installWeapp, openPage, resetWeapp, sent, sleep, storage, stub, tapText, text, until, type Sent } from '../support/weapp';

beforeAll(() => {
  installWeapp();
});

beforeEach(resetWeapp);

const staff = { id: 9, username: 'company', name: '鹿城物业客服', role: 'company_staff', regionCode: null, companyId: 1 };
const ticket = (over: Record<string, unknown> = {}) => ({
  id: 41,
  compoundId: 7,
  compoundName: '阳光花园',
  householdId: 31,
  householdLabel: '1号楼 2单元 301',
  kind: 'repair',
  category: 'plumbing',
  against: null,
  description: '厨房水管漏水',
  photos: [],
  preferredTime: '尽快',
  level: 'company',
  status: 'accepted',
  companyName: '安居物业',
  acceptDepartment: '鹿城物业客服',
  acceptPersonName: '鹿城物业客服',
  acceptedAt: '2025-01-01T01:00:00Z',
  resolveDueAt: '2025-01-02T01:00:00Z',
  dueAt: '2025-01-02T01:00:00Z',
  result: null,
  resultPhotos: [],
  workerName: null,
  workerPhone: null,
  rating: null,
  ratingTags: null,
  rejectedOnce: false,
  answer: null,
  timeLeftSeconds: 3 * 3600,
  overdue: false,
  createdAt: '2025-01-01T00:00:00Z',
  ...over,
});
const signedInStaff = () => {
  storage.token = 'staff-jwt';
  storage.user = staff;
};
const query = (req: Sent, key: string) => JSON.parse(new URL(req.url, 'http://x').searchParams.get(key) ?? 'null');

test('staff login: Chinese validation, POST /auth/login, keeps the token where the wrapper reads it, opens the queue', async () => {
  stub.replies = (req) =>
    req.url.endsWith('/auth/login') && req.data.password === 'baotou2024'
      ? { statusCode: 200, data: { token: 'staff-jwt', user: staff } }
      : { statusCode: 401, data: { error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } } };
  const page = openPage('packages/workorders/login/index');
  await until(() => page.querySelectorAll('.field-input').length === 2, 'login form');
  tapText(page, '.btn-primary', '登录');
  await until(() => text(page).includes('请输入用户名') && text(page).includes('请输入密码'), 'validation messages');
  expect(sent).toHaveLength(0);

  const [user, password] = page.querySelectorAll('.field-input');
  user.dispatchEvent('input', { detail: { value: ' company ' } });
  password.dispatchEvent('input', { detail: { value: 'nope' } });
  await sleep(20);
  tapText(page, '.btn-primary', '登录');
  await until(() => text(page).includes('用户名或密码错误'), 'bad credentials');
  expect(storage.token).toBeUndefined();

  password.dispatchEvent('input', { detail: { value: 'baotou2024' } });
  await sleep(20);
  tapText(page, '.btn-primary', '登录');
  await until(() => calls.find(([n, url]) => n === 'redirectTo' && url === '/packages/workorders/list/index'), 'open the queue');
  expect(sent.at(-1)).toMatchObject({ method: 'POST', data: { username: 'company', password: 'baotou2024' } });
  expect(sent.at(-1)!.header.Authorization).toBeUndefined();
  expect(storage.token).toBe('staff-jwt');
  expect(storage.user).toEqual(staff);
});

test('staff login: a resident or bureau account is not kept', async () => {
  stub.replies = () => ({ statusCode: 200, data: { token: 'street-jwt', user: { ...staff, role: 'street_staff' } } });
  const page = openPage('packages/workorders/login/index');
  await until(() => page.querySelectorAll('.field-input').length === 2, 'login form');
  const [user, password] = page.querySelectorAll('.field-input');
  user.dispatchEvent('input', { detail: { value: 'street' } });
  password.dispatchEvent('input', { detail: { value: 'baotou2024' } });
  await sleep(20);
  tapText(page, '.btn-primary', '登录');
  await until(() => text(page).includes('仅物业服务企业工作人员可以使用此入口'), 'refusal');
  expect(storage.token).toBeUndefined();
  expect(calls.some(([n]) => n === 'redirectTo')).toBe(false);
});

test('queue: without a staff session it asks for the staff login and calls nothing', async () => {
  storage.token = 'resident-jwt';
  storage.user = { id: 5, name: '微信用户', role: 'resident' };
  openPage('packages/workorders/list/index');
  await until(() => calls.find(([n, url]) => n === 'redirectTo' && url === '/packages/workorders/login/index'), 'redirect to login');
  expect(sent).toHaveLength(0);
});

test('queue: open repairs by time left, overdue first and flagged', async () => {
  signedInStaff();
  stub.replies = (req) =>
    req.header.Authorization === 'Bearer staff-jwt' && apiPath(req).startsWith('/tickets?')
      ? {
          statusCode: 200,
          data: [
            ticket({ id: 41, timeLeftSeconds: 3 * 3600 + 300 }),
            ticket({ id: 42, status: 'submitted', description: '楼道灯不亮', timeLeftSeconds: -(3600 + 600), overdue: true }),
          ],
        }
      : { statusCode: 401, data: null };
  const page = openPage('packages/workorders/list/index');
  await until(() => page.querySelectorAll('.wo').length === 2, 'two work orders');
  const req = sent[0];
  expect(query(req, 'filter')).toEqual({ kind: 'repair', open: true });
  expect(query(req, 'sort')).toEqual(['dueAt', 'ASC']);
  const cards = page.querySelectorAll('.wo').map((c: any) => c.dom.textContent);
  expect(cards[0]).toContain('#42');
  expect(cards[0]).toContain('已超时 1 小时 10 分钟');
  expect(cards[0]).toContain('超时');
  expect(cards[1]).toContain('剩余 3 小时 5 分钟');
  expect(text(page)).toContain('1 个工单已超时');
  page.querySelectorAll('.wo')[1].dispatchEvent('tap');
  await until(() => calls.find(([n, url]) => n === 'navigateTo' && url === '/packages/workorders/detail/index?id=41'), 'open one');
});

test('work order: the steps the state machine allows; one-click dispatch validates, then posts', async () => {
  signedInStaff();
  let current = ticket();
  stub.replies = (req) => {
    const p = apiPath(req);
    if (p === '/tickets/41') return { statusCode: 200, data: current };
    if (p.startsWith('/ticket-events?')) return { statusCode: 200, data: [] };
    if (p === '/tickets/41/dispatch') {
      current = ticket({ status: 'dispatched', workerName: req.data.workerName, workerPhone: '137****1111' });
      return { statusCode: 200, data: current };
    }
    return { statusCode: 404, data: null };
  };
  const page = openPage('packages/workorders/detail/index', { id: '41' });
  await until(() => text(page).includes('厨房水管漏水'), 'the repair');
  const buttons = () => page.querySelectorAll('.wo-action').map((b: any) => b.dom.textContent.trim());
  expect(buttons()).toEqual(['开始处理', '一键派工', '完工提交']);

  tapText(page, '.wo-action', '一键派工');
  await until(() => text(page).includes('维修人员不能为空'), 'name required');
  const [name, phone] = page.querySelectorAll('.field-input');
  name.dispatchEvent('input', { detail: { value: '张师傅' } });
  phone.dispatchEvent('input', { detail: { value: '12345678901' } });
  await sleep(20);
  tapText(page, '.wo-action', '一键派工');
  await until(() => text(page).includes('维修人员电话必须是11位手机号'), 'mobile check');
  expect(sent.some((r) => r.method === 'POST')).toBe(false);

  phone.dispatchEvent('input', { detail: { value: '13700001111' } });
  await sleep(20);
  tapText(page, '.wo-action', '一键派工');
  await until(() => text(page).includes('已派工'), 'dispatched');
  const post = sent.find((r) => r.method === 'POST')!;
  expect(apiPath(post)).toBe('/tickets/41/dispatch');
  expect(post.data).toEqual({ workerName: '张师傅', workerPhone: '13700001111' });
  expect(post.header.Authorization).toBe('Bearer staff-jwt');
  expect(text(page)).toContain('张师傅 137****1111');
  expect(buttons()).toEqual(['开始处理', '改派', '完工提交']);
});

test('work order: an expired staff token is not swapped for a resident: back to the staff login', async () => {
  signedInStaff();
  stub.replies = (req) => {
    if (req.url.endsWith('/auth/wechat')) return { statusCode: 200, data: { token: 'resident-jwt', user: { id: 5, name: '微信用户', role: 'resident' } } };
    if (req.header.Authorization === 'Bearer staff-jwt')
      return { statusCode: 401, data: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } } };
    return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '工单不存在' } } };
  };
  openPage('packages/workorders/detail/index', { id: '41' });
  await until(() => calls.find(([n, url]) => n === 'redirectTo' && String(url).startsWith('/packages/workorders/login/index')), 'back to login');
  expect(storage.token).toBeUndefined();
  expect(storage.user).toBeUndefined();
});

test('board (tickets subpackage): a verified resident sees department, masked person, time limit and result', async () => {
  storage.token = 'jwt-1';
  const claim = {
    id: 1,
    householdId: 31,
    compoundId: 7,
    compoundName: '阳光花园',
    buildingName: '1号楼',
    unitName: '2单元',
    room: '301',
    name: '张三',
    phone: '138****8000',
    status: 'verified',
    reason: null,
    createdAt: '2025-01-01T00:00:00Z',
  };
  stub.replies = (req) => {
    if (req.url.endsWith('/household-claims')) return { statusCode: 200, data: [claim] };
    if (apiPath(req) === '/mini/compounds/7/ticket-board') {
      return {
        statusCode: 200,
        data: [
          {
            id: 3,
            kind: 'complaint',
            category: 'sanitation',
            against: 'company',
            level: 'community',
            status: 'resolved',
            acceptDepartment: '沼潭社区物业纠纷调解室',
            acceptPersonName: '王*',
            acceptedAt: '2025-01-01T02:00:00Z',
            timeLimit: '2025-01-08T02:00:00Z',
            result: '已约谈物业',
            answer: null,
            createdAt: '2025-01-01T00:00:00Z',
          },
          {
            id: 2,
            kind: 'dispute',
            category: 'parking',
            against: null,
            level: 'community',
            status: 'submitted',
            acceptDepartment: null,
            acceptPersonName: null,
            acceptedAt: null,
            timeLimit: null,
            result: null,
            answer: null,
            createdAt: '2025-01-01T00:00:00Z',
          },
        ],
      };
    }
    return { statusCode: 404, data: null };
  };
  const page = openPage('packages/tickets/board/index', { compoundId: '7' });
  await until(() => page.querySelectorAll('.board-entry').length === 2, 'two entries');
  const [first, second] = page.querySelectorAll('.board-entry').map((c: any) => c.dom.textContent);
  expect(first).toContain('投诉 · 环境卫生');
  expect(first).toContain('沼潭社区物业纠纷调解室');
  expect(first).toContain('王*');
  expect(first).toContain('前办理完成');
  expect(first).toContain('已约谈物业');
  expect(second).toContain('纠纷 · 停车纠纷');
  expect(second).toContain('待受理');
});
