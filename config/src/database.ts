import { z } from 'zod';

/**
 * The database's connections: the primary's pool, and the read replica (issue 15, "A standby
 * database"; docs/OPERATIONS.md § Standby). Operating settings, not any bureau's policy: the document
 * is the operations guide.
 */
export interface DatabaseSettings {
  /**
   * Connections in the primary's pool, per server process (PostgreSQL only; the embedded database is
   * one connection). Processes × this (plus the replica's) must stay within the server's max_connections.
   */
  poolSize: number;
  /**
   * A read-only PostgreSQL (the streaming hot standby) that dashboards, statistics, home-page counts
   * and export counts read from (server/src/db/replica.ts); null = everything reads the primary.
   */
  replicaUrl: string | null;
  /** Connections in the replica's pool. */
  replicaPoolSize: number;
}

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), '必须是 postgresql:// 地址 (a postgresql:// URL)');

const poolSize = z.coerce.number().int().min(1).max(100).default(10);

export const databaseEnvSchema = {
  DATABASE_POOL_SIZE: poolSize,
  /** The hot standby's URL (docs/OPERATIONS.md § Standby); needs DATABASE_URL (the embedded database has no replica). */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  DATABASE_REPLICA_POOL_SIZE: poolSize,
};

export function databaseSettings(e: {
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_REPLICA_URL?: string;
  DATABASE_REPLICA_POOL_SIZE: number;
}): DatabaseSettings {
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new Error('配置错误 (invalid configuration):\nDATABASE_REPLICA_URL: 只读副本需要同时设置 DATABASE_URL (a replica needs a PostgreSQL primary)');
  }
  return { poolSize: e.DATABASE_POOL_SIZE, replicaUrl: e.DATABASE_REPLICA_URL ?? null, replicaPoolSize: e.DATABASE_REPLICA_POOL_SIZE };
}
