import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

/**
 * Issue 9 §8: street staff could create and publish a `fund_usage` disclosure with any content, and a
 * `street_revocation` whose target stayed published. Kinds the platform writes itself come only from
 * the act they record (a disbursement; the revoke action, which revokes its target in the same
 * transaction): by hand they are 400 KIND_RESERVED. Real PostgreSQL; BT0001 is in 沼潭街道 (`street`).
 */
let t: TestApi;
let compoundId: number;
let member: string;
let street: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const count = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM disclosures'))[0].n;
const statusOf = async (id: number) => (await t.query<{ status: string }>('SELECT status FROM disclosures WHERE id = $1', [id]))[0].status;

beforeAll(async () => {
  t = await createTestApi();
  [{ id: compoundId }] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  member = await residentWithHome(t, 'origin-member', await committeeMemberHome(t, 'BT0001'));
  street = await t.login('street');
});
afterAll(() => t.close());

async function publishedDecision(title: string) {
  const draft = await t.api.post('/api/disclosures').set(bearer(member)).send({ compoundId, kind: 'decision', title, body: '经全体委员过半数同意。' });
  expect(draft.status).toBe(201);
  const pub = await t.api.post(`/api/disclosures/${draft.body.id}/publish`).set(bearer(member));
  expect(pub.status).toBe(200);
  return draft.body.id as number;
}

describe('fund_usage disclosures come only from a disbursement', () => {
  test('street staff creating one by hand → 400 KIND_RESERVED, nothing stored', async () => {
    const before = await count();
    const res = await t.api
      .post('/api/disclosures')
      .set(bearer(street))
      .send({ compoundId, kind: 'fund_usage', title: '维修资金使用公示：外墙维修', body: '实际费用：0.01 元' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KIND_RESERVED');
    expect(res.body.error.fields.kind).toContain('划拨');
    expect(await count()).toBe(before);
    // Nor a committee member, nor the district.
    for (const token of [member, await t.login('d150203')]) {
      expect((await t.api.post('/api/disclosures').set(bearer(token)).send({ compoundId, kind: 'fund_usage', title: '公示' })).body.error.code).toBe(
        'KIND_RESERVED',
      );
    }
    expect(await count()).toBe(before);
  });

  test('a draft of one left from before cannot be published or edited; a published one cannot be "corrected" by hand', async () => {
    const [draft] = await t.query<{ id: number }>(
      `INSERT INTO disclosures (compound_id, region_code, kind, title, body, status) SELECT id, region_code, 'fund_usage', '手工维修资金公示', '任意内容', 'draft' FROM compounds WHERE id = $1 RETURNING id`,
      [compoundId],
    );
    const pub = await t.api.post(`/api/disclosures/${draft.id}/publish`).set(bearer(street));
    expect(pub.status).toBe(400);
    expect(pub.body.error.code).toBe('KIND_RESERVED');
    expect(await statusOf(draft.id)).toBe('draft');
    const put = await t.api.put(`/api/disclosures/${draft.id}`).set(bearer(street)).send({ compoundId, kind: 'fund_usage', title: '改过的公示' });
    expect(put.body.error.code).toBe('KIND_RESERVED');
    const [published] = await t.query<{ id: number }>(
      `INSERT INTO disclosures (compound_id, region_code, kind, title, body, status, published_at) SELECT id, region_code, 'fund_usage', '划拨生成的公示', '各户分摊：……', 'published', now() FROM compounds WHERE id = $1 RETURNING id`,
      [compoundId],
    );
    const corrected = await t.api
      .post(`/api/disclosures/${published.id}/correct`)
      .set(bearer(member))
      .send({ compoundId, kind: 'fund_usage', title: '更正', body: '另一份分摊' });
    expect(corrected.status).toBe(400);
    expect(corrected.body.error.code).toBe('KIND_RESERVED');
    expect(await t.query('SELECT id FROM disclosures WHERE corrects_id = $1', [published.id])).toEqual([]);
  });
});

describe('a street revocation revokes its target in the same transaction', () => {
  test('a revocation made by hand → 400 KIND_RESERVED; the decision stays as it was', async () => {
    const decision = await publishedDecision('关于占用消防通道设置停车位的决定');
    const before = await count();
    const res = await t.api
      .post('/api/disclosures')
      .set(bearer(street))
      .send({ compoundId, kind: 'street_revocation', title: '撤销：关于占用消防通道设置停车位的决定', body: '违反消防法', targetId: decision });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KIND_RESERVED');
    expect(await count()).toBe(before);
    expect(await statusOf(decision)).toBe('published');
  });

  test('the revoke action: the revocation is published and the decision revoked together, audited', async () => {
    const decision = await publishedDecision('关于将绿地改建为收费停车场的决定');
    const res = await t.api.post(`/api/disclosures/${decision}/revoke`).set(bearer(street)).send({ reason: '逾期未改正，依法撤销' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'street_revocation', targetId: decision, status: 'published' });
    expect(await statusOf(decision)).toBe('revoked');
    const [audit] = await t.query<{ after: { revocationId: number } }>(
      `SELECT after FROM audit_logs WHERE entity = 'disclosures' AND entity_id = $1 AND action = 'revoke'`,
      [String(decision)],
    );
    expect(audit.after.revocationId).toBe(res.body.id);
  });

  test('20 revocations of one decision at once: exactly one revocation published, the rest 409 NOT_REVOCABLE', async () => {
    const decision = await publishedDecision('关于公共收益分配的决定');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post(`/api/disclosures/${decision}/revoke`).set(bearer(street)).send({ reason: '违反业主大会议事规则' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(19).fill('NOT_REVOCABLE'));
    expect(await t.query(`SELECT id FROM disclosures WHERE kind = 'street_revocation' AND target_id = $1`, [decision])).toHaveLength(1);
    expect(await statusOf(decision)).toBe('revoked');
  }, 60_000);

  test('a draft revocation left from before cannot be published: its target would stay published', async () => {
    const decision = await publishedDecision('关于更换电梯维保单位的决定');
    const [draft] = await t.query<{ id: number }>(
      `INSERT INTO disclosures (compound_id, region_code, kind, title, body, status, target_id) SELECT id, region_code, 'street_revocation', '撤销', '理由', 'draft', $2 FROM compounds WHERE id = $1 RETURNING id`,
      [compoundId, decision],
    );
    const res = await t.api.post(`/api/disclosures/${draft.id}/publish`).set(bearer(street));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KIND_RESERVED');
    expect(await statusOf(draft.id)).toBe('draft');
    expect(await statusOf(decision)).toBe('published');
    // The street may still discard it.
    expect((await t.api.delete(`/api/disclosures/${draft.id}`).set(bearer(street))).status).toBe(200);
  });
});
