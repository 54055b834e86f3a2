import type { AddressInfo } from 'node:net';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { createTestApi, type TestApi } from '../support/api';

// The console's real client, ra-data-simple-rest, against the real API on PostgreSQL.
let t: TestApi;
let provider: (username: string) => Promise<DataProvider>;
beforeAll(async () => {
  t = await createTestApi();
  const { port } = t.server.address() as AddressInfo;
  provider = async (username) => {
    const token = await t.login(username);
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${token}` }) });
    return simpleRestProvider(`http://127.0.0.1:${port}/api`, httpClient);
  };
});
afterAll(() => t.close());

describe('ra-data-simple-rest contract', () => {
  test('getList pages, sorts, filters and reads the total from Content-Range', async () => {
    const dp = await provider('city');
    const page = await dp.getList('households', { pagination: { page: 2, perPage: 10 }, sort: { field: 'room', order: 'DESC' }, filter: { compoundId: 1 } });
    expect(page.data).toHaveLength(10);
    expect(page.total).toBeGreaterThan(20);
    const rooms = page.data.map((h) => h.room);
    expect([...rooms].sort().reverse()).toEqual(rooms);
    const q = await dp.getList('compounds', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: { q: 'BT000' } });
    expect(q.data.every((c) => c.code.startsWith('BT000'))).toBe(true);
  });

  test('getOne, getMany, getManyReference, regions keyed by code', async () => {
    const dp = await provider('d150203');
    const region = await dp.getOne('regions', { id: '150203001' });
    expect(region.data).toMatchObject({ id: '150203001', level: 'street', name: '沼潭街道' });
    const list = await dp.getList('compounds', { pagination: { page: 1, perPage: 3 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const ids = list.data.map((c) => c.id);
    const many = await dp.getMany('compounds', { ids });
    expect(many.data.map((c) => c.id).sort()).toEqual([...ids].sort());
    const ref = await dp.getManyReference('buildings', {
      target: 'compoundId',
      id: ids[0],
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    expect(ref.data.every((b) => b.compoundId === ids[0])).toBe(true);
    expect(ref.total).toBe(ref.data.length);
  });

  test('create, update (whole record sent back) and delete', async () => {
    const dp = await provider('community');
    const created = await dp.create('compounds', {
      data: {
        code: 'RA0001',
        name: '契约测试小区',
        regionCode: '150203001001',
        address: '沼潭路1号',
        totalArea: 5000,
        type: 'old',
        managementMode: 'quasi',
        facilitiesComplete: true,
      },
    });
    expect(created.data.id).toEqual(expect.any(Number));
    const updated = await dp.update('compounds', { id: created.data.id, data: { ...created.data, name: '契约测试小区（改）' }, previousData: created.data });
    expect(updated.data.name).toBe('契约测试小区（改）');
    expect(updated.data.totalArea).toBe('5000.00');
    const deleted = await dp.delete('compounds', { id: created.data.id, previousData: updated.data });
    expect(deleted.data.id).toBe(created.data.id);
    await expect(dp.getOne('compounds', { id: created.data.id })).rejects.toMatchObject({ status: 404 });
  });

  test.each([
    'regions',
    'compounds',
    'buildings',
    'units',
    'households',
    'owners',
    'companies',
    'projects',
    'users',
    'audit-logs',
    'committees',
    'committee-members',
    'disclosures',
    'fund-accounts',
    'fund-ledgers',
    'fund-entries',
  ])('%s: a row reads the same in the list as on its own page', async (resource) => {
    const dp = await provider('city');
    const list = await dp.getList(resource, { pagination: { page: 1, perPage: 3 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
    expect(list.data.length).toBeGreaterThan(0);
    for (const row of list.data) expect((await dp.getOne(resource, { id: row.id })).data).toEqual(row);
  });

  test('getMany answers every id asked for, beyond one page', async () => {
    const dp = await provider('city');
    const ids = (await t.query<{ id: number }>('SELECT id FROM households ORDER BY id LIMIT 40')).map((r) => r.id);
    const many = await dp.getMany('households', { ids });
    expect(many.data).toHaveLength(40);
  });

  test('a whole household record sent back updates; changing its unit is refused', async () => {
    const dp = await provider('community');
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM households WHERE region_code = '150203001001' ORDER BY id LIMIT 1`);
    const { data } = await dp.getOne('households', { id });
    const updated = await dp.update('households', { id, data: { ...data, area: '99.99' }, previousData: data });
    expect(updated.data.area).toBe('99.99');
    await expect(dp.update('households', { id, data: { ...data, unitId: data.unitId + 1 }, previousData: data })).rejects.toMatchObject({ status: 400 });
  });

  test('errors reach the client as HttpError with the Chinese message and the status', async () => {
    const dp = await provider('d150202');
    const [other] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203%' LIMIT 1`);
    await expect(dp.getOne('compounds', { id: other.id })).rejects.toMatchObject({ status: 404 });
    await expect(dp.update('compounds', { id: other.id, data: { name: 'x' }, previousData: {} as never })).rejects.toMatchObject({ status: 403 });
    await expect(dp.getList('compounds', { pagination: { page: 1, perPage: 5 }, sort: { field: 'address', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
      status: 400,
    });
  });
});
