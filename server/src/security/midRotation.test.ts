import { createTestApi, type TestApi } from '../../../test/support/api';
import { assertEncryptionKeyFits } from '../auth/encryptionKeyCheck';
import { createPersonalDataCipher, type PersonalDataCipher } from '../places/personalData';
import { rotatePersonalData, rotationProgress } from './rotation';
import { legacyEncrypt, legacyHash } from './testing/legacyFormat';

/** Issue 17: rules that look personal data up keep holding while some rows are still under an older key. */
const NEW_KEY = 'test-mid-rotation-key-0123456789abcdef';

let t: TestApi;
let cipher: PersonalDataCipher;
type Member = {
  id: number;
  name: string;
  gender: string;
  joined_on: string;
  org_id: number;
  role: string;
  compound_id: number | null;
  region_code: string;
  phone_enc: string;
};

beforeAll(async () => {
  t = await createTestApi({ PERSONAL_DATA_KEYS: `1:${NEW_KEY}` });
  cipher = createPersonalDataCipher(t.config.personalData);
});
afterAll(() => t?.close());

async function memberWithPhone(offset: number): Promise<Member & { phone: string }> {
  const [m] = await t.query<Member>(
    `SELECT id, name, gender, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, org_id, role, compound_id, region_code, phone_enc FROM party_members WHERE phone_enc IS NOT NULL AND compound_id IS NOT NULL AND role = 'committee_member' ORDER BY id OFFSET $1 LIMIT 1`,
    [offset],
  );
  return { ...m, phone: cipher.decrypt(m.phone_enc) };
}

test('a party member still under the pre-issue-17 index is found: the same name and phone again → 409 PARTY_MEMBER_DUPLICATE', async () => {
  const m = await memberWithPhone(0);
  const key0 = t.config.encryptionKey;
  await t.query('UPDATE party_members SET phone_enc = $1, phone_hash = $2 WHERE id = $3', [legacyEncrypt(key0, m.phone), legacyHash(key0, m.phone), m.id]);
  const res = await t.api
    .post('/api/party-members')
    .set('Authorization', `Bearer ${await t.login('party')}`)
    .send({ name: m.name, gender: m.gender, joinedOn: m.joined_on, orgId: m.org_id, role: m.role, compoundId: m.compound_id, phone: m.phone });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('PARTY_MEMBER_DUPLICATE');
});

test('sibling: a duplicate that slipped in under the new index is reported by the rotation and left readable; the rest rotates', async () => {
  const m = await memberWithPhone(1);
  const key0 = t.config.encryptionKey;
  await t.query('UPDATE party_members SET phone_enc = $1, phone_hash = $2 WHERE id = $3', [legacyEncrypt(key0, m.phone), legacyHash(key0, m.phone), m.id]);
  // as a server with an older build could have written it: the same person again, under the new key
  const [dup] = await t.query<{ id: number }>(
    `INSERT INTO party_members (name, gender, joined_on, org_id, role, compound_id, region_code, phone_enc, phone_hash, phone_masked)
     SELECT name, gender, joined_on, org_id, role, compound_id, region_code, $2, $3, phone_masked FROM party_members WHERE id = $1 RETURNING id`,
    [m.id, cipher.encrypt(m.phone), cipher.hash(m.phone)],
  );
  const result = await rotatePersonalData(t.database.db, cipher);
  expect(result.failed).toEqual([expect.objectContaining({ table: 'party_members', column: 'phone_enc', id: m.id })]);
  const [left] = await t.query<{ phone_enc: string }>('SELECT phone_enc FROM party_members WHERE id = $1', [m.id]);
  expect(cipher.decrypt(left.phone_enc)).toBe(m.phone);
  expect((await rotationProgress(t.database.db, cipher)).remaining).toBe(1);
  // once the duplicate is resolved (here: removed), the next run finishes
  await t.query('DELETE FROM party_members WHERE id = $1', [dup.id]);
  expect((await rotatePersonalData(t.database.db, cipher)).failed).toEqual([]);
  expect((await rotationProgress(t.database.db, cipher)).remaining).toBe(0);
}, 120_000);

test('start-up check: a keyring without the version the data is under is refused; with it, accepted', async () => {
  await expect(assertEncryptionKeyFits(t.database.db, t.config.personalData)).resolves.toBeUndefined();
  await expect(
    assertEncryptionKeyFits(t.database.db, { algorithm: 'sm4-cbc-hmac-sm3', keys: [{ id: 1, secret: NEW_KEY }], activeKeyId: 1 }),
  ).resolves.toBeUndefined();
  await expect(
    assertEncryptionKeyFits(t.database.db, { algorithm: 'sm4-cbc-hmac-sm3', keys: [{ id: 0, secret: t.config.encryptionKey }], activeKeyId: 0 }),
  ).rejects.toThrow(/PERSONAL_DATA_KEYS/);
});
