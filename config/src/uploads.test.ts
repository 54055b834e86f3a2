import { loadConfig } from './index';

describe('upload settings (issue 9 §7, issue 15)', () => {
  test('defaults: the folder under DATA_DIR, 5 MB a file, 200 files and 200 MB a day', () => {
    expect(loadConfig({ DATA_DIR: '/srv/bt' }).uploads).toEqual({
      dir: '/srv/bt/uploads',
      maxBytes: 5 * 1024 * 1024,
      quota: { bytesPerDay: 200 * 1024 * 1024, filesPerDay: 200 },
      orphanHours: 24,
    });
    expect(loadConfig({ DATA_DIR: '/srv/bt/', UPLOAD_DIR: '/mnt/shared/uploads' }).uploads.dir).toBe('/mnt/shared/uploads');
  });

  test('bad values are refused at start-up', () => {
    for (const bad of ['0', '-1', '1.5', 'many', String(51 * 1024 * 1024)]) expect(() => loadConfig({ UPLOAD_MAX_BYTES: bad })).toThrow(/UPLOAD_MAX_BYTES/);
    for (const bad of ['0', '1.5', 'soon', String(24 * 366)]) expect(() => loadConfig({ UPLOAD_ORPHAN_HOURS: bad })).toThrow(/UPLOAD_ORPHAN_HOURS/);
    expect(loadConfig({ UPLOAD_ORPHAN_HOURS: '2' }).uploads.orphanHours).toBe(2);
  });
});
