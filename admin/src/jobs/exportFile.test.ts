import { exportFileState } from './exportFile';

// Issue 15, a large export as a job: the 后台任务 page offered 下载文件 on a file expired days ago (a
// click ended in an alert) and never said until when the file could be fetched.
const result = {
  fileName: '房屋_20261201.xlsx',
  rowCount: 6708,
  expiresAt: '2026-12-02T04:29:27.326Z',
  downloadUrl: '/api/exports/368a6dcb-0fa7-41b2-bbd4-aa1ab2228b0d/file',
};

test('before expiry: the link and the Beijing time it can be fetched until', () => {
  expect(exportFileState(result, new Date('2026-12-01T05:00:00Z'))).toEqual({
    kind: 'ready',
    url: result.downloadUrl,
    fileName: '房屋_20261201.xlsx',
    until: '2026-12-02 12:29',
  });
});

test('at and after expiry: no link, only when it expired', () => {
  expect(exportFileState(result, new Date('2026-12-02T04:29:27.326Z'))).toEqual({ kind: 'expired', at: '2026-12-02 12:29' });
  expect(exportFileState(result, new Date('2026-12-09T00:00:00Z'))).toEqual({ kind: 'expired', at: '2026-12-02 12:29' });
});

test('a result that is not an export has no file', () => {
  expect(exportFileState({ moved: 3 })).toBeNull();
});
