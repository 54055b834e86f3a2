import request from 'supertest';
import type { Server } from 'node:http';
import { createApp } from '../../server/src/app';
import { openDatabase, type Database } from '../../server/src/db/client';
import { createTestDatabase } from './pg';
import { DEMO_PASSWORD, testConfig } from './testConfig';
import { startWechatStandIn } from './wechatStandIn';

export type Agent = ReturnType<typeof request>;

/**
 * The whole API in-process over a fresh clone of the demo database on the real PostgreSQL
 * server, with WeChat pointed at a local stand-in.
 */
export async function createTestApi(overrides: Record<string, string> = {}) {
  const dbHandle = await createTestDatabase();
  const wechatCreds = { appId: 'wxtest000000000001', secret: 'test-secret' };
  const wechat = await startWechatStandIn(wechatCreds);
  const config = testConfig({ WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: wechatCreds.appId, WECHAT_SECRET: wechatCreds.secret, ...overrides });
  const database: Database = await openDatabase({ databaseUrl: dbHandle.url, dataDir: '' });
  const app = createApp({ database, config, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const api = request(server);
  const tokens = new Map<string, string>();

  async function login(username: string): Promise<string> {
    if (!tokens.has(username)) {
      const res = await api.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.token);
    }
    return tokens.get(username)!;
  }

  async function residentToken(openid: string): Promise<string> {
    const res = await api.post('/api/auth/wechat').send({ code: `code-${openid}` });
    if (res.status !== 200) throw new Error(`wechat login: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  /** Runs SQL on the test database directly (to check what is, or is not, stored). */
  async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: dbHandle.url });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  return {
    api,
    server,
    config,
    database,
    /** The test database's connection URL (a copy of the seeded template, dropped by close()). */
    databaseUrl: dbHandle.url,
    wechat,
    login,
    residentToken,
    query,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await wechat.close();
      await dbHandle.drop();
    },
  };
}
export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
