/**
 * The committee subpackage's paper / door-to-door ballot page in the compiled weapp build (mini/dist),
 * in jsdom with miniprogram-simulate: the real wxml and Taro runtime, a stubbed `wx` (the same harness
 * as weapp-pages.test.ts, plus wx.chooseImage and wx.uploadFile). Needs `npm run build:weapp -w mini` first.
 */
import { calls, installWeapp, openPage, resetWeapp, sent, sleep, storage, stub, tapText, text, until, type Reply } from '../support/weapp';
const uploaded: { url: string; filePath: string; name: string; header: Record<string, string> }[] = [];
const uploadReply: () => Reply = () => ({
  statusCode: 201,
  data: JSON.stringify({ id: 88, mime: 'image/jpeg', size: 2048, sha256: 'ab', url: '/api/uploads/88' }),
});

beforeAll(() => {
  installWeapp({
    chooseImage: (o: any) => {
      calls.push(['chooseImage', o.count]);
      setTimeout(() => {
        o.success?.({ tempFilePaths: ['wxfile://tmp/scan-1.jpg'], tempFiles: [{ path: 'wxfile://tmp/scan-1.jpg', size: 2048 }] });
        o.complete?.({});
      });
    },
    uploadFile: (o: any) => {
      uploaded.push({ url: o.url, filePath: o.filePath, name: o.name, header: o.header ?? {} });
      setTimeout(() => {
        o.success?.(uploadReply());
        o.complete?.({});
      });
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
  });
});

beforeEach(resetWeapp);

const vote = {
  id: 3,
  compoundId: 7,
  compoundName: '阳光花园',
  committeeId: 1,
  title: '关于续聘物业服务企业的表决',
  description: null,
  matter: 'hire_dismiss_company',
  kind: 'vote',
  scopeType: 'units',
  scopeIds: [12],
  opensAt: null,
  closesAt: '2099-01-01T00:00:00Z',
  status: 'open',
  followMajority: false,
  eligibleCount: 8,
  ballotCount: 2,
  createdAt: '2025-01-01T00:00:00Z',
};

test('paper ballot page (committee subpackage): a home in scope, the choice, the scan through wx.uploadFile, then the receipt', async () => {
  storage.token = 'jwt-1';
  uploaded.length = 0;
  stub.replies = (req) => {
    if (req.header.Authorization !== 'Bearer jwt-1') return { statusCode: 401, data: null };
    if (req.url.endsWith('/votes/3') && req.method === 'GET') return { statusCode: 200, data: vote };
    if (req.url.endsWith('/mini/compounds/7/buildings')) {
      return {
        statusCode: 200,
        data: [
          { id: 2, name: '2号楼', units: [{ id: 21, name: '1单元' }] },
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
    }
    if (req.url.endsWith('/mini/units/12/rooms'))
      return {
        statusCode: 200,
        data: [
          { householdId: 31, room: '301' },
          { householdId: 30, room: '201' },
        ],
      };
    if (req.url.endsWith('/votes/3/ballots') && req.method === 'POST') return { statusCode: 201, data: { receipt: 'ABCDEFGH23' } };
    return { statusCode: 404, data: null };
  };
  const page = openPage('packages/committees/ballot/index', { vote: '3' });
  await until(() => text(page).includes('1号楼'), 'buildings in scope');
  expect(text(page)).toContain('关于续聘物业服务企业的表决');
  // The vote covers unit 12 only: building 2 and unit 11 cannot be picked.
  expect(text(page)).not.toContain('2号楼');
  tapText(page, '.chip', '1号楼');
  await until(() => text(page).includes('2单元'), 'unit chips');
  expect(page.querySelectorAll('.chip').map((c: any) => c.dom.textContent.trim())).not.toContain('1单元');
  tapText(page, '.chip', '2单元');
  await until(() => text(page).includes('301'), 'room chips');
  // Rooms in natural order.
  const rooms = page
    .querySelectorAll('.chip')
    .map((c: any) => c.dom.textContent.trim())
    .filter((t: string) => /^\d+$/.test(t));
  expect(rooms).toEqual(['201', '301']);
  tapText(page, '.chip', '301');
  tapText(page, '.chip', '同意');
  await sleep(20);

  // Paper is the default channel; without its scan nothing is sent.
  tapText(page, '.btn-primary', '提交选票');
  await until(() => text(page).includes('请上传纸质选票扫描件'), 'scan required');
  expect(sent.some((r) => r.method === 'POST')).toBe(false);

  tapText(page, '.file-pick', '+ 拍摄或选择选票照片');
  await until(() => text(page).includes('照片1.jpg'), 'scan listed');
  expect(uploaded).toHaveLength(1);
  expect(uploaded[0]).toMatchObject({ filePath: 'wxfile://tmp/scan-1.jpg', name: 'file', header: { Authorization: 'Bearer jwt-1' } });
  expect(uploaded[0].url).toMatch(/^https?:\/\/.*\/api\/uploads$/);

  tapText(page, '.btn-primary', '提交选票');
  await until(() => text(page).includes('ABCDEFGH23'), 'receipt');
  expect(text(page)).toContain('1号楼 2单元 301：同意（纸质票）');
  const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/votes/3/ballots'))!;
  expect(post.data).toEqual({ householdId: 31, choice: 'agree', channel: 'paper', scanUrl: '/api/uploads/88' });
});

test('paper ballot page: a door-to-door ballot needs its scan too (issue 9 §5) and sends it', async () => {
  storage.token = 'jwt-1';
  stub.replies = (req) => {
    if (req.url.endsWith('/votes/3') && req.method === 'GET') return { statusCode: 200, data: { ...vote, scopeType: 'compound', scopeIds: [] } };
    if (req.url.endsWith('/mini/compounds/7/buildings')) return { statusCode: 200, data: [{ id: 1, name: '1号楼', units: [{ id: 12, name: '2单元' }] }] };
    if (req.url.endsWith('/mini/units/12/rooms')) return { statusCode: 200, data: [{ householdId: 31, room: '301' }] };
    if (req.url.endsWith('/votes/3/ballots') && req.method === 'POST') return { statusCode: 201, data: { receipt: 'KLMNPQRS45' } };
    return { statusCode: 404, data: null };
  };
  const page = openPage('packages/committees/ballot/index', { vote: '3' });
  await until(() => text(page).includes('1号楼'), 'buildings');
  tapText(page, '.chip', '入户');
  tapText(page, '.chip', '1号楼');
  await until(() => text(page).includes('2单元'), 'unit chips');
  tapText(page, '.chip', '2单元');
  await until(() => text(page).includes('301'), 'room chips');
  tapText(page, '.chip', '301');
  tapText(page, '.chip', '反对');
  await sleep(20);
  expect(text(page)).toContain('入户表决票照片（必填）');
  tapText(page, '.btn-primary', '提交选票');
  await until(() => text(page).includes('请上传入户表决票扫描件'), 'scan required');
  expect(sent.some((r) => r.method === 'POST')).toBe(false);
  tapText(page, '.file-pick', '+ 拍摄或选择选票照片');
  await until(() => text(page).includes('照片1.jpg'), 'scan listed');
  tapText(page, '.btn-primary', '提交选票');
  await until(() => text(page).includes('KLMNPQRS45'), 'receipt');
  const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/votes/3/ballots'))!;
  expect(post.data).toEqual({ householdId: 31, choice: 'disagree', channel: 'door', scanUrl: '/api/uploads/88' });
});
