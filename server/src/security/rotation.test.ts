import { idNumberCheckChar } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { createPersonalDataCipher, type PersonalDataCipher } from '../places/personalData';
import { ENCRYPTED_COLUMNS, rotatePersonalData, rotationProgress } from './rotation';
import { legacyEncrypt, legacyHash } from './testing/legacyFormat';

/**
 * Issue 17: personal data moves from AES-256-GCM (the stored format before it) to SM4 under a new
 * key version by a background re-encryption that never loses a record — here on real PostgreSQL
 * while 20 writers create and change owners and residents bind homes by phone.
 */
const idNumberOf = (first17: string) => first17 + idNumberCheckChar(first17);
const NEW_KEY = 'test-rotation-key-one-0123456789abcdef';

let t: TestApi;
let cipher: PersonalDataCipher;
let key0: string;

/** Every value back in the pre-issue-17 format under ENCRYPTION_KEY (version 0), indexes as HMAC-SHA256. */
async function storeAsBeforeIssue17() {
  const old = createPersonalDataCipher(t.config.encryptionKey);
  for (const { table, column, index, key = 'id' } of ENCRYPTED_COLUMNS) {
    const rows = await t.query<{ id: number; v: string }>(`SELECT ${key} AS id, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`);
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500).map((r) => {
        const plain = old.decrypt(r.v);
        return [r.id, legacyEncrypt(key0, plain), legacyHash(key0, plain)] as const;
      });
      const params = batch.flat();
      const values = batch.map((_, k) => `($${k * 3 + 1}::int, $${k * 3 + 2}::text, $${k * 3 + 3}::text)`).join(', ');
      const setIndex = index ? `, ${index} = v.h` : '';
      await t.query(`UPDATE ${table} SET ${column} = v.c${setIndex} FROM (VALUES ${values}) AS v(id, c, h) WHERE ${table}.${key} = v.id`, params);
    }
  }
}

async function everyValue() {
  const out: { table: string; column: string; id: number; v: string; index: string | null }[] = [];
  for (const { table, column, index, key = 'id' } of ENCRYPTED_COLUMNS) {
    const rows = await t.query<{ id: number; v: string; h: string | null }>(
      `SELECT ${key} AS id, ${column} AS v, ${index ?? 'NULL'} AS h FROM ${table} WHERE ${column} IS NOT NULL ORDER BY ${key}`,
    );
    out.push(...rows.map((r) => ({ table, column, id: r.id, v: r.v, index: r.h })));
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApi({ PERSONAL_DATA_KEYS: `1:${NEW_KEY}` });
  cipher = createPersonalDataCipher(t.config.personalData);
  key0 = t.config.encryptionKey;
  expect(t.config.personalData).toMatchObject({ algorithm: 'sm4-cbc-hmac-sm3', activeKeyId: 1 });
  await storeAsBeforeIssue17();
}, 120_000);
afterAll(() => t?.close());

test('rows stored before issue 17 are matched by phone before any rotation (the binding verifies)', async () => {
  const [home] = await t.query<{ id: number; name: string; phone_enc: string; phone_hash: string }>(
    `SELECT h.id, o.name, o.phone_enc, o.phone_hash FROM households h JOIN owners o ON o.id = h.owner_id WHERE o.phone_enc IS NOT NULL AND NOT o.developer ORDER BY h.id LIMIT 1`,
  );
  expect(home.phone_enc.startsWith('v2:')).toBe(false);
  const token = await t.residentToken('rotation-before');
  const res = await t.api
    .post('/api/household-claims')
    .set('Authorization', `Bearer ${token}`)
    .send({ householdId: home.id, name: home.name, phone: cipher.decrypt(home.phone_enc) });
  expect(res.body.status).toBe('verified');
});

test('only the city admin starts or reads a rotation', async () => {
  for (const user of ['d150203', 'street', 'party']) {
    const token = await t.login(user);
    expect((await t.api.post('/api/security/rotate-keys').set('Authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await t.api.get('/api/security/rotate-keys').set('Authorization', `Bearer ${token}`)).status).toBe(403);
  }
  const res = await t.api.get('/api/security/rotate-keys').set('Authorization', `Bearer ${await t.login('city')}`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ algorithm: 'sm4-cbc-hmac-sm3', activeKeyId: 1, run: null });
  expect(res.body.remaining).toBeGreaterThan(1000);
});

test('rotation from AES-GCM to SM4 under 20 parallel writers: every record decrypts and matches, none lost', async () => {
  const before = await everyValue();
  const plainBefore = new Map(before.map((r) => [`${r.table}.${r.column}#${r.id}`, cipher.decrypt(r.v)]));
  const ownerCount = async () => Number((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM owners'))[0].n);
  const ownersBefore = await ownerCount();
  const city = await t.login('city');
  // Homes with an owner (not a developer) whose phone is on record, one per writer, and owners to change.
  const homes = await t.query<{ id: number; owner_id: number; name: string; region_code: string }>(
    `SELECT DISTINCT ON (h.owner_id) h.id, h.owner_id, o.name, o.region_code FROM households h JOIN owners o ON o.id = h.owner_id
      WHERE o.phone_enc IS NOT NULL AND NOT o.developer ORDER BY h.owner_id DESC, h.id LIMIT 40`,
  );
  const bindHomes = homes.slice(0, 20);
  const changeOwners = homes.slice(20, 40);

  const started = await t.api.post('/api/security/rotate-keys').set('Authorization', `Bearer ${city}`);
  expect(started.status).toBe(202);
  // A second rotation alongside (as `npm run rotate-keys` from a shell would be): small batches, so writers land between them.
  const cli = rotatePersonalData(t.database.db, cipher, { batchSize: 50 });
  const writers = Array.from({ length: 20 }, async (_, i) => {
    const created = await t.api
      .post('/api/owners')
      .set('Authorization', `Bearer ${city}`)
      .send({
        name: `轮换业主${i}`,
        regionCode: changeOwners[i].region_code,
        phone: `1370000${String(i).padStart(4, '0')}`,
        idNumber: idNumberOf(`15020219900101${100 + i}`),
      });
    const changed = await t.api
      .put(`/api/owners/${changeOwners[i].owner_id}`)
      .set('Authorization', `Bearer ${city}`)
      .send({ name: changeOwners[i].name, regionCode: changeOwners[i].region_code, phone: `1360000${String(i).padStart(4, '0')}` });
    const token = await t.residentToken(`rotation-writer-${i}`);
    const phone = plainBefore.get(`owners.phone_enc#${bindHomes[i].owner_id}`)!;
    const bound = await t.api
      .post('/api/household-claims')
      .set('Authorization', `Bearer ${token}`)
      .send({ householdId: bindHomes[i].id, name: bindHomes[i].name, phone });
    return { created, changed, bound };
  });
  const results = await Promise.all(writers);
  const cliResult = await cli;
  // Wait for the background run the route started.
  let progress;
  for (let i = 0; i < 600; i++) {
    progress = (await t.api.get('/api/security/rotate-keys').set('Authorization', `Bearer ${city}`)).body;
    if (!progress.run.running) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  for (const r of results) {
    expect([r.created.status, r.changed.status]).toEqual([201, 200]);
    expect(r.bound.body.status).toBe('verified');
  }
  expect(cliResult.failed).toEqual([]);
  expect(progress.run).toMatchObject({ running: false, error: null, failed: [] });
  expect(progress.remaining).toBe(0);
  // Between them the two runs rotated everything but values a writer replaced first (how they split
  // the work depends on timing: either may find nothing left).
  expect(cliResult.rotated + progress.run.rotated).toBeGreaterThanOrEqual(before.filter((r) => !cipher.isCurrent(r.v)).length - 20);

  // Every record: under SM4 and key 1, decrypts, and the untouched ones say what they said before.
  const after = await everyValue();
  const changedIds = new Set(changeOwners.map((o) => o.owner_id));
  for (const r of after) {
    expect(r.v.startsWith('v2:sm4-cbc-hmac-sm3:1:')).toBe(true);
    const plain = cipher.decrypt(r.v);
    const was = plainBefore.get(`${r.table}.${r.column}#${r.id}`);
    if (was !== undefined && !(r.table === 'owners' && r.column === 'phone_enc' && changedIds.has(r.id))) expect(plain).toBe(was);
    // Every blind index is the new one (HMAC-SM3 under key 1) of what the row holds: lookups match.
    if (r.index !== null || ENCRYPTED_COLUMNS.find((c) => c.table === r.table && c.column === r.column)?.index) expect(r.index).toBe(cipher.hash(plain));
  }
  // No row lost: the values before, plus the new owners' phone and ID number, plus the bindings' phones.
  expect(await ownerCount()).toBe(ownersBefore + 20);
  const count = (table: string, column: string, list: typeof before) => list.filter((r) => r.table === table && r.column === column).length;
  expect(count('owners', 'phone_enc', after)).toBe(count('owners', 'phone_enc', before) + 20);
  expect(count('owners', 'id_number_enc', after)).toBe(count('owners', 'id_number_enc', before) + 20);
  expect(count('household_claims', 'phone_enc', after)).toBe(count('household_claims', 'phone_enc', before) + 20);
  for (const { table, column } of ENCRYPTED_COLUMNS)
    if (table !== 'owners' && table !== 'household_claims') expect(count(table, column, after)).toBe(count(table, column, before));
  // The changed owners hold the phone their writer gave, found by its index.
  for (let i = 0; i < 20; i++) {
    const [o] = await t.query<{ id: number }>('SELECT id FROM owners WHERE phone_hash = $1 AND id = $2', [
      cipher.hash(`1360000${String(i).padStart(4, '0')}`),
      changeOwners[i].owner_id,
    ]);
    expect(o?.id).toBe(changeOwners[i].owner_id);
  }
  // Once nothing remains under them, the old key and algorithm may leave the ring: everything opens under key 1 alone.
  const onlyNew = createPersonalDataCipher({ algorithm: 'sm4-cbc-hmac-sm3', keys: [{ id: 1, secret: NEW_KEY }], activeKeyId: 1 });
  for (const r of after) expect(() => onlyNew.decrypt(r.v)).not.toThrow();
  expect((await rotationProgress(t.database.db, onlyNew)).remaining).toBe(0);
}, 300_000);

test("sibling: a write landing between a batch's read and its write-back is kept, not overwritten with the old value", async () => {
  // Put one owner back under the old key, then change their phone while the rotation holds the old value.
  const [o] = await t.query<{ id: number; name: string; region_code: string; phone_enc: string }>(
    `SELECT id, name, region_code, phone_enc FROM owners WHERE phone_enc IS NOT NULL AND NOT developer ORDER BY id LIMIT 1`,
  );
  const phone = cipher.decrypt(o.phone_enc);
  await t.query('UPDATE owners SET phone_enc = $1, phone_hash = $2 WHERE id = $3', [legacyEncrypt(key0, phone), legacyHash(key0, phone), o.id]);
  const city = await t.login('city');
  let wrote = false;
  const result = await rotatePersonalData(t.database.db, cipher, {
    afterRead: async (table, ids) => {
      if (table !== 'owners' || wrote || !ids.includes(o.id)) return;
      wrote = true;
      const res = await t.api
        .put(`/api/owners/${o.id}`)
        .set('Authorization', `Bearer ${city}`)
        .send({ name: o.name, regionCode: o.region_code, phone: '13512345678' });
      expect(res.status).toBe(200);
    },
  });
  expect(wrote).toBe(true);
  expect(result.failed).toEqual([]);
  expect(result.raced).toBeGreaterThanOrEqual(1);
  const [after] = await t.query<{ phone_enc: string; phone_hash: string }>('SELECT phone_enc, phone_hash FROM owners WHERE id = $1', [o.id]);
  expect(cipher.decrypt(after.phone_enc)).toBe('13512345678');
  expect(after.phone_hash).toBe(cipher.hash('13512345678'));
}, 120_000);

test('sibling: a rotation run again is a no-op, and both ends are audited', async () => {
  const again = await rotatePersonalData(t.database.db, cipher);
  expect(again).toEqual({ rotated: 0, raced: 0, failed: [] });
  const audits = await t.query<{ action: string }>(`SELECT action FROM audit_logs WHERE entity = 'security' ORDER BY id`);
  expect(audits.map((a) => a.action)).toEqual(['rotate_keys_started', 'rotate_keys_finished']);
});
