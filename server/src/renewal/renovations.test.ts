import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 11: 老旧小区改造 — the owners agree (a vote of the votes engine) before a contract and works. */
let t: TestApi;
let street: string;
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const one = async <T>(q: string, p: unknown[] = []) => (await t.query<T>(q, p))[0];
let compoundId: number;
let id: number;
const step = (path: string, body: Record<string, unknown> = {}, token = street) => t.api.post(`/api/renovations/${id}/${path}`).set(auth(token)).send(body);
const newVote = async (compound: number, status: string, approved?: boolean) =>
  (
    await one<{ id: number }>(
      `INSERT INTO votes (compound_id, region_code, title, matter, kind, closes_at, status, result, closed_at)
       SELECT id, region_code, '老旧小区改造内容、服务标准和收费', 'other', 'consultation', now() + interval '7 days', $2::vote_status, $3::jsonb, CASE WHEN $2 = 'closed' THEN now() END
         FROM compounds WHERE id = $1 RETURNING id`,
      [compound, status, approved === undefined ? null : JSON.stringify({ approved })],
    )
  ).id;

beforeAll(async () => {
  t = await createTestApi();
  street = await t.login('street');
  ({ id: compoundId } = await one<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203001%' ORDER BY id LIMIT 1`));
});
afterAll(() => t.close());

test('the street creates a project: items, budget as their sum, schedule', async () => {
  const res = await t.api
    .post('/api/renovations')
    .set(auth(street))
    .send({
      compoundId,
      title: '2026年老旧小区综合改造',
      plannedStart: '2026-04-01',
      plannedEnd: '2026-10-31',
      items: [
        { name: '雨污分流', budgetFen: 120000000 },
        { name: '加装围墙和门岗', budgetFen: 35000050 },
      ],
      serviceStandard: '改造后引入准物业，按二级服务标准',
      feeFenPerSqmMonth: 35,
    });
  expect([res.status, res.body.error]).toEqual([201, undefined]);
  expect(res.body).toMatchObject({ budgetFen: 155000050, status: 'planned', voteId: null });
  id = res.body.id;
});

test.each<[string, Record<string, unknown>, string]>([
  ['no items', { items: [] }, 'items'],
  ['a fractional budget', { items: [{ name: '道路', budgetFen: 1.5 }] }, 'items.0.budgetFen'],
  ['an end before the start', { plannedEnd: '2026-01-01' }, 'plannedEnd'],
])('refused with the field named: %s', async (_n, patch, field) => {
  const res = await t.api
    .post('/api/renovations')
    .set(auth(street))
    .send({ compoundId, title: '改造', plannedStart: '2026-04-01', plannedEnd: '2026-10-31', items: [{ name: '道路', budgetFen: 100 }], ...patch });
  expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect(Object.keys(res.body.error.fields)).toContain(field);
});

test('starting works or signing before the owners decided → 409, nothing changed', async () => {
  for (const [path, body] of [
    ['start-works', {}],
    ['contract', { contractRef: 'HT-2026-001' }],
  ] as const) {
    const res = await step(path, body);
    expect([path, res.status, res.body.error?.code]).toEqual([path, 409, 'OWNERS_DECISION_PENDING']);
  }
  expect((await one<{ status: string }>(`SELECT status FROM renovations WHERE id = $1`, [id])).status).toBe('planned');
});

test('only a vote of the same compound can be linked', async () => {
  const { id: other } = await one<{ id: number }>(`SELECT id FROM compounds WHERE id <> $1 ORDER BY id LIMIT 1`, [compoundId]);
  const res = await step('link-vote', { voteId: await newVote(other, 'open') });
  expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
});

test('an open vote is no decision; a failed one stops the project', async () => {
  const open = await newVote(compoundId, 'open');
  expect((await step('link-vote', { voteId: open })).status).toBe(200);
  const pending = await step('start-works');
  expect([pending.status, pending.body.error?.code]).toEqual([409, 'OWNERS_DECISION_PENDING']);
  expect((await step('link-vote', { voteId: await newVote(compoundId, 'closed', false) })).status).toBe(200);
  const failed = await step('contract', { contractRef: 'HT-2026-001' });
  expect([failed.status, failed.body.error?.code]).toEqual([409, 'OWNERS_DECISION_FAILED']);
});

test('after the owners agree: contract, works, progress, acceptance', async () => {
  const linked = await step('link-vote', { voteId: await newVote(compoundId, 'closed', true) });
  expect(linked.body.voteOutcome).toBe('passed');
  const early = await step('start-works');
  expect([early.status, early.body.error?.code]).toEqual([409, 'CONTRACT_MISSING']);
  expect((await step('contract', { contractRef: 'HT-2026-001' })).body).toMatchObject({ status: 'contracted', contractRef: 'HT-2026-001' });
  const edit = await t.api.put(`/api/renovations/${id}`).set(auth(street)).send({ title: '改名' });
  expect([edit.status, edit.body.error?.code]).toEqual([409, 'RENOVATION_LOCKED']);
  expect((await step('start-works')).body.status).toBe('in_progress');
  expect((await step('progress', { progressPercent: 60, note: '雨污分流完成' })).body.progressPercent).toBe(60);
  const back = await step('progress', { progressPercent: 40 });
  expect([back.status, back.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  const unfinished = await step('accept', { acceptedOn: '2026-10-30' });
  expect([unfinished.status, unfinished.body.error?.code]).toEqual([409, 'WORKS_UNFINISHED']);
  expect((await step('progress', { progressPercent: 100 })).status).toBe(200);
  expect((await step('accept', { acceptedOn: '2026-10-30', note: '验收合格' })).body).toMatchObject({ status: 'accepted', acceptedOn: '2026-10-30' });
  const twice = await step('accept', { acceptedOn: '2026-10-31' });
  expect([twice.status, twice.body.error?.code]).toEqual([409, 'RENOVATION_STATE']);
  const audited = await t.query<{ action: string }>(`SELECT action FROM audit_logs WHERE entity = 'renovations' AND entity_id = $1 ORDER BY id`, [String(id)]);
  expect(audited.map((a) => a.action)).toEqual(['create', 'link_vote', 'link_vote', 'link_vote', 'contract', 'start_works', 'progress', 'progress', 'accept']);
});

test('community staff and other streets may not act on it', async () => {
  const community = await step('progress', { progressPercent: 100 }, await t.login('community'));
  expect([community.status, community.body.error?.code]).toEqual([403, 'ROLE_FORBIDDEN']);
  const otherDistrict = await step('progress', { progressPercent: 100 }, await t.login('d150204'));
  expect(otherDistrict.status).toBe(404);
});
