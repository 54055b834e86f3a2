import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { assertEncryptionKeyFits } from './encryptionKeyCheck';
import { keptSecrets, LEGACY_DEV_KEY } from './localSecrets';

// Issue 9 §3: with no JWT_SECRET / ENCRYPTION_KEY set, an installation generates its own secrets
// once and keeps them in its data folder, so no two installations share one.

const dirs: string[] = [];
const freshDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-secrets-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('keptSecrets(dataDir)', () => {
  test('first start creates DATA_DIR/secrets.json (mode 0600); later starts reuse it', () => {
    const dir = path.join(freshDir(), 'data');
    const first = keptSecrets(dir);
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(keptSecrets(dir)).toEqual(first);
    expect(first.legacyEncryptionKey).toBeUndefined();
    expect(first.encryptionKey).not.toBe(LEGACY_DEV_KEY);
  });

  test('two installations never share a secret', () => {
    const a = keptSecrets(freshDir());
    const b = keptSecrets(freshDir());
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.encryptionKey).not.toBe(b.encryptionKey);
    expect(a.fundPaymentSecret).not.toBe(b.fundPaymentSecret);
  });

  test('a data folder whose embedded database predates the file keeps the key its data is under, marked; a new JWT secret all the same', () => {
    const dir = freshDir();
    fs.mkdirSync(path.join(dir, 'pglite'));
    const s = keptSecrets(dir);
    expect(s).toMatchObject({ encryptionKey: LEGACY_DEV_KEY, legacyEncryptionKey: true });
    expect(s.jwtSecret).not.toBe(LEGACY_DEV_KEY);
    expect(keptSecrets(dir)).toEqual(s);
  });

  test('sibling: a file missing a secret gets it added, the stored encryption key kept; an unreadable one stops the start', () => {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ encryptionKey: 'an-existing-key-0123456789' }));
    const s = keptSecrets(dir);
    expect(s.encryptionKey).toBe('an-existing-key-0123456789');
    expect(s.jwtSecret.length).toBeGreaterThanOrEqual(32);
    const bad = freshDir();
    fs.writeFileSync(path.join(bad, 'secrets.json'), '{"jwtSecret":');
    expect(() => keptSecrets(bad)).toThrow(/secrets\.json/);
  });

  test('issue 17: personal-data key versions added to the file by hand are kept, also when a missing secret is filled in', () => {
    const dir = freshDir();
    const keys = `1:${'k'.repeat(32)}`;
    fs.writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ encryptionKey: 'an-existing-key-0123456789', personalDataKeys: keys }));
    expect(keptSecrets(dir).personalDataKeys).toBe(keys);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).personalDataKeys).toBe(keys);
    expect(keptSecrets(dir).personalDataKeys).toBe(keys);
  });
});

describe('start-up check: ENCRYPTION_KEY must open the stored personal data', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  test('the key the data was stored under passes; another key fails clearly', async () => {
    await expect(assertEncryptionKeyFits(t.database.db, t.config.encryptionKey)).resolves.toBeUndefined();
    await expect(assertEncryptionKeyFits(t.database.db, 'some-other-key-0123456789abcdef')).rejects.toThrow(/ENCRYPTION_KEY/);
  });

  test('sibling: data under the old built-in key is named as such, with what to do', async () => {
    await t.query('UPDATE owners SET phone_enc = NULL');
    const { createPersonalDataCipher } = await import('../places/personalData');
    await t.query('UPDATE owners SET phone_enc = $1 WHERE id = (SELECT min(id) FROM owners)', [
      createPersonalDataCipher(LEGACY_DEV_KEY).encrypt('13800000000'),
    ]);
    await expect(assertEncryptionKeyFits(t.database.db, t.config.encryptionKey)).rejects.toThrow(new RegExp(`ENCRYPTION_KEY=${LEGACY_DEV_KEY}`));
    await expect(assertEncryptionKeyFits(t.database.db, LEGACY_DEV_KEY)).resolves.toBeUndefined();
  });
});
