/**
 * Loads pages of the compiled weapp build (mini/dist) in jsdom with miniprogram-simulate and WeChat's
 * own template compiler (miniprogram-compiler's wcc): the real wxml, the real Taro runtime, a stubbed `wx`.
 * Needs `npm run build:weapp -w mini` first.
 */
import { apiPath, calls, installWeapp, openPage, resetWeapp, sent, sleep, storage, stub, tapText, text, until } from '../support/weapp';

const compound = {
  id: 7,
  code: 'BT150203001',
  name: '阳光花园',
  address: '阿尔丁大街1号',
  type: 'commodity',
  managementMode: 'professional',
  districtName: '昆都仑区',
  streetName: '友谊街道',
  communityName: '阳光社区',
  companyName: '包头市安居物业服务有限公司',
  buildingCount: 2,
  householdCount: 8,
};

beforeAll(() => {
  installWeapp();
});

beforeEach(resetWeapp);

test('scan page: reads the URL-encoded scene, looks the compound up, remembers it and opens home', async () => {
  stub.replies = (req) =>
    req.url.endsWith(`/public/compounds/by-code/${compound.code}`) ? { statusCode: 200, data: compound } : { statusCode: 404, data: null };
  openPage('pages/scan/index', { scene: encodeURIComponent(compound.code) });
  await until(() => calls.find(([name]) => name === 'redirectTo'), 'redirect to home');
  expect(apiPath(sent[0])).toBe(`/public/compounds/by-code/${compound.code}`);
  expect(sent[0].url).toMatch(/^https?:\/\//); // weapp calls the configured API_BASE, not a relative path
  expect(sent[0].header.Authorization).toBeUndefined(); // public endpoint
  expect(storage.compound).toEqual(compound);
  expect(calls).toContainEqual(['redirectTo', '/pages/home/index']);
  // The loading overlay was closed again.
  expect(calls.filter(([n]) => n === 'showLoading').length).toBe(calls.filter(([n]) => n === 'hideLoading').length);
});

test("scan page: an unknown code shows the server's Chinese message and stays", async () => {
  stub.replies = () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '小区不存在' } } });
  const page = openPage('pages/scan/index', { scene: 'BT0000' });
  await until(() => text(page).includes('小区不存在'), 'error text');
  expect(calls.some(([n]) => n === 'redirectTo')).toBe(false);
});

test('home page: shows the remembered compound and 绑定房屋 opens the places subpackage', async () => {
  storage.compound = compound;
  stub.replies = () => ({ statusCode: 200, data: { ...compound, householdCount: 9 } });
  const page = openPage('pages/home/index');
  await until(() => text(page).includes('阳光花园'), 'compound name');
  expect(text(page)).toContain('昆都仑区 · 友谊街道 · 阳光社区');
  expect(text(page)).toContain('包头市安居物业服务有限公司');
  const counts = () =>
    page
      .querySelectorAll('.home-count-num')
      .map((c: any) => c.dom.textContent.trim())
      .join(',');
  await until(() => counts() === '2,9', 'refreshed household count');
  tapText(page, '.btn-primary', '绑定房屋');
  await until(() => calls.find(([n, url]) => n === 'navigateTo' && url === '/packages/places/bind/index'), 'navigation');
});

test('bind page (subpackage): logs in with wx.login, picks building → unit → room, submits and shows 已认证', async () => {
  storage.compound = compound;
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
    if (req.url.endsWith('/auth/wechat')) return { statusCode: 200, data: { token: 'jwt-1', user: { id: 5, name: '微信用户', role: 'resident' } } };
    if (req.header.Authorization !== 'Bearer jwt-1') return { statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '请先登录' } } };
    if (req.url.endsWith('/mini/compounds/7/buildings'))
      return {
        statusCode: 200,
        data: [
          {
            id: 1,
            name: '1号楼',
            units: [
              { id: 11, name: '1单元' },
              { id: 12, name: '2单元' },
            ],
          },
        ],
      };
    if (req.url.endsWith('/mini/units/12/rooms'))
      return {
        statusCode: 200,
        data: [
          { householdId: 30, room: '201' },
          { householdId: 31, room: '301' },
        ],
      };
    if (req.url.endsWith('/household-claims') && req.method === 'POST') return { statusCode: 201, data: claim };
    return { statusCode: 404, data: null };
  };
  const page = openPage('packages/places/bind/index');
  await until(() => page.querySelectorAll('.chip').length > 0, 'building chips');
  expect(apiPath(sent[0])).toBe('/auth/wechat');
  expect(sent[0]).toMatchObject({ method: 'POST', data: { code: 'wx-code-1' } });
  tapText(page, '.chip', '1号楼');
  await until(() => text(page).includes('2单元'), 'unit chips');
  tapText(page, '.chip', '2单元');
  await until(() => text(page).includes('301'), 'room chips');
  tapText(page, '.chip', '301');
  await until(() => page.querySelectorAll('.field-input').length === 2, 'owner form');

  const [nameInput, phoneInput] = page.querySelectorAll('.field-input');
  nameInput.dispatchEvent('input', { detail: { value: '张三' } });
  phoneInput.dispatchEvent('input', { detail: { value: '1380013' } });
  await sleep(20);
  tapText(page, '.btn-primary', '提交绑定');
  await until(() => text(page).includes('手机号必须是11位手机号'), 'validation message');
  expect(sent.some((r) => r.method === 'POST' && r.url.endsWith('/household-claims'))).toBe(false);

  phoneInput.dispatchEvent('input', { detail: { value: '13800138000' } });
  await sleep(20);
  tapText(page, '.btn-primary', '提交绑定');
  await until(() => text(page).includes('已认证'), 'verified result');
  const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/household-claims'))!;
  expect(post.data).toEqual({ householdId: 31, name: '张三', phone: '13800138000' });
  await until(() => calls.find(([n, url]) => n === 'redirectTo' && url === '/pages/me/index'), 'go to my homes', 4000);
});

test('me page: lists my claims with 已认证 / 待审核 / 已驳回 and the reason', async () => {
  storage.token = 'jwt-1';
  const base = {
    compoundId: 7,
    compoundName: '阳光花园',
    buildingName: '1号楼',
    unitName: '1单元',
    name: '张三',
    phone: '138****8000',
    createdAt: '2025-01-01T00:00:00Z',
  };
  stub.replies = (req) =>
    req.url.endsWith('/household-claims') && req.header.Authorization === 'Bearer jwt-1'
      ? {
          statusCode: 200,
          data: [
            { ...base, id: 1, householdId: 1, room: '101', status: 'verified', reason: null },
            { ...base, id: 2, householdId: 2, room: '102', status: 'pending', reason: null },
            { ...base, id: 3, householdId: 3, room: '103', status: 'rejected', reason: '姓名与登记不符' },
          ],
        }
      : { statusCode: 401, data: null };
  const page = openPage('pages/me/index');
  await until(() => page.querySelectorAll('.claim').length === 3, 'three claims');
  const cards = page.querySelectorAll('.claim').map((c: any) => c.dom.textContent);
  expect(cards[0]).toContain('1号楼 1单元 101');
  expect(cards[0]).toContain('已认证');
  expect(cards[1]).toContain('待审核');
  expect(cards[2]).toContain('已驳回');
  expect(cards[2]).toContain('驳回原因：姓名与登记不符');
});

test('request wrapper: a 401 clears the stale token, logs in again and retries once', async () => {
  storage.token = 'stale';
  stub.replies = (req) => {
    if (req.url.endsWith('/auth/wechat')) return { statusCode: 200, data: { token: 'jwt-2', user: { id: 5, name: '微信用户', role: 'resident' } } };
    if (req.header.Authorization !== 'Bearer jwt-2') return { statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '登录已过期' } } };
    return { statusCode: 200, data: [] };
  };
  const page = openPage('pages/me/index');
  await until(() => text(page).includes('还没有绑定房屋'), 'empty list after re-login');
  expect(sent.map((r) => `${r.method} ${apiPath(r)} ${r.header.Authorization ?? '-'}`)).toEqual([
    'GET /household-claims Bearer stale',
    'POST /auth/wechat -',
    'GET /household-claims Bearer jwt-2',
  ]);
  expect(storage.token).toBe('jwt-2');
  expect(calls.some(([n]) => n === 'showToast')).toBe(false);
});
