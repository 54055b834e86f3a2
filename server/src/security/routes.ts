import type Router from '@koa/router';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import type { PersonalDataCipher } from '../places/personalData';
import { rotatePersonalData, rotationProgress, type RotationResult } from './rotation';

/**
 * Key rotation of personal data (docs/SECURITY.md), city admin only:
 * `POST /api/security/rotate-keys` starts a background re-encryption in this process (202; a second
 * start while one runs here joins it); `GET /api/security/rotate-keys` → progress counted from the
 * data (`remaining` is 0 once every value is under the active key) and this process's run, if any.
 * The run is audited when it starts and when it ends. `npm run rotate-keys` does the same from a shell.
 */
export function registerSecurityRoutes(router: Router, db: Db, cipher: PersonalDataCipher): void {
  let run: { startedAt: Date; finishedAt?: Date; result?: RotationResult; error?: string; promise: Promise<void> } | undefined;

  router.post('/api/security/rotate-keys', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin']);
    if (!run || run.finishedAt) {
      const progress = await rotationProgress(db, cipher);
      await db.transaction((tx) => writeAudit(tx, actor, { action: 'rotate_keys_started', entity: 'security', entityId: 'personal-data', after: progress }));
      const started: NonNullable<typeof run> = {
        startedAt: new Date(),
        promise: rotatePersonalData(db, cipher, { onBatch: (r) => (started.result = r) })
          .then(async (result) => {
            started.result = result;
            await db.transaction((tx) =>
              writeAudit(tx, actor, {
                action: 'rotate_keys_finished',
                entity: 'security',
                entityId: 'personal-data',
                after: { rotated: result.rotated, raced: result.raced, failed: result.failed.length },
              }),
            );
          })
          .catch((err) => {
            started.error = (err as Error).message;
          })
          .finally(() => {
            started.finishedAt = new Date();
          }),
      };
      run = started;
    }
    ctx.status = 202;
    ctx.body = await present();
  });

  router.get('/api/security/rotate-keys', async (ctx) => {
    requireActor(ctx, ['city_admin']);
    ctx.body = await present();
  });

  async function present() {
    return {
      ...(await rotationProgress(db, cipher)),
      run: run
        ? {
            running: !run.finishedAt,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt ?? null,
            rotated: run.result?.rotated ?? 0,
            raced: run.result?.raced ?? 0,
            failed: run.result?.failed ?? [],
            error: run.error ?? null,
          }
        : null,
    };
  }
}
