import type Router from '@koa/router';
import { eq } from 'drizzle-orm';
import {
  FULL_VIEW_ROLES,
  CROSS_APPOINTMENT_KIND_LABELS,
  PARTY_GENDER_LABELS,
  PARTY_IMPORT_KINDS,
  PARTY_IMPORT_KIND_LABELS,
  PARTY_MEMBER_ROLE_LABELS,
  PARTY_ORG_SETTING_LABELS,
  PARTY_ORG_TYPE_LABELS,
  partyImportCommitSchema,
  partyStatsQuerySchema,
  type PartyImportKind,
} from '@baotou/shared';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { partyMembers } from '../db/schema';
import { registerResource } from '../http/resource';
import { badRequest, forbidden, notFound } from '../http/errors';
import { requireActor } from '../auth/middleware';
import { isBureau, regionAllows } from '../jurisdiction/scope';
import { writeAudit } from '../audit/audit';
import type { PersonalDataCipher } from '../places/personalData';
import { commitImport, readImport, startImport } from './imports';
import { registerPublicPartyRoutes } from './publicRoutes';
import { crossAppointmentsResource, partyMembersResource, partyOrgsResource, redProjectsResource } from './resources';
import { PARTY_WRITERS } from './scope';
import { readSheet, templateWorkbook } from './sheet';
import { readPartyStats } from './stats';
import { readUpload } from './upload';

const list = (labels: Record<string, string>) => Object.values(labels).join('、');
const TEMPLATE_NOTES: [string, string][] = [
  ['组织类型', `可填：${list(PARTY_ORG_TYPE_LABELS)}`],
  ['所在领域', `可填：${list(PARTY_ORG_SETTING_LABELS)}；物业企业党组织须填所在企业，业委会/小区党组织须填小区编码`],
  ['上级组织', '须已登记，或在本表前面的行中'],
  ['成立日期', '日期，如 2021-07-01'],
  ['入党日期', '日期，如 2010-07-01'],
  ['开始日期', '日期，如 2024-01-01'],
  ['结束日期', '日期，可不填（仍在任）'],
  ['性别', `可填：${list(PARTY_GENDER_LABELS)}`],
  ['身份', `可填：${list(PARTY_MEMBER_ROLE_LABELS)}；企业员工/项目负责人须填工作单位，业委会成员须填小区编码，社区工作者须填社区代码`],
  ['所在党组织', '须与系统中登记的党组织名称完全一致'],
  ['所在企业', '须与系统中登记的物业企业名称完全一致'],
  ['工作单位', '须与系统中登记的物业企业名称完全一致'],
  ['小区编码', '如 BT0001（见小区二维码或小区列表）'],
  ['社区代码', '12位行政区划代码'],
  ['任职类型', `可填：${list(CROSS_APPOINTMENT_KIND_LABELS)}`],
  ['企业职工人数', '选填：填写后更新该企业的职工人数（用于党员占比统计）'],
  ['手机号', '选填：11位手机号；同名同手机号视为同一人'],
];

function importKind(v: unknown): PartyImportKind {
  if (!PARTY_IMPORT_KINDS.includes(v as PartyImportKind))
    throw badRequest('BAD_IMPORT_KIND', `导入类型须为：${PARTY_IMPORT_KINDS.map((k) => `${k}（${PARTY_IMPORT_KIND_LABELS[k]}）`).join('、')}`);
  return v as PartyImportKind;
}

export function registerPartyRoutes(router: Router, db: Db, cipher: PersonalDataCipher): void {
  registerPublicPartyRoutes(router, db);

  router.get('/api/party-imports/template.xlsx', async (ctx) => {
    requireActor(ctx, PARTY_WRITERS);
    const kind = importKind(ctx.query.kind ?? 'members');
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="party-${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${PARTY_IMPORT_KIND_LABELS[kind]}导入模板.xlsx`)}`,
    );
    ctx.body = await templateWorkbook(kind, TEMPLATE_NOTES);
  });

  // Upload → file-level checks at once (400/413/415), then rows checked in the background: 202 + progress.
  router.post('/api/party-imports', async (ctx) => {
    const actor = requireActor(ctx, PARTY_WRITERS);
    const upload = await readUpload(ctx);
    const kind = importKind(upload.fields.kind ?? ctx.query.kind);
    const { rows, rowNumbers } = await readSheet(kind, upload.data);
    ctx.status = 202;
    ctx.body = await startImport(db, cipher, actor, kind, upload.fileName, rows, rowNumbers);
  });

  router.get('/api/party-imports/:id', async (ctx) => {
    const actor = requireActor(ctx, PARTY_WRITERS);
    ctx.body = await readImport(db, actor, String(ctx.params.id));
  });

  router.post('/api/party-imports/:id/commit', async (ctx) => {
    const actor = requireActor(ctx, PARTY_WRITERS);
    const { confirmValidOnly } = partyImportCommitSchema.parse(ctx.request.body ?? {});
    ctx.body = await commitImport(db, actor, String(ctx.params.id), confirmValidOnly);
  });

  router.get('/api/party/stats', async (ctx) => {
    const actor = requireActor(ctx);
    if (!isBureau(actor)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看党建统计');
    const { groupBy } = partyStatsQuerySchema.parse(ctx.query);
    ctx.body = await readPartyStats(readDb(db), actor, groupBy);
  });

  // A member's full phone: party-building staff only, each view audited (DOMAIN.md §7).
  router.get('/api/party-members/:id/contact', async (ctx) => {
    const actor = requireActor(ctx, FULL_VIEW_ROLES.partyMemberContact);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw notFound('党员');
    ctx.body = await db.transaction(async (tx) => {
      const [m] = await tx
        .select({ id: partyMembers.id, phoneEnc: partyMembers.phoneEnc, regionCode: partyMembers.regionCode })
        .from(partyMembers)
        .where(eq(partyMembers.id, id));
      if (!m || !regionAllows(actor, m.regionCode)) throw notFound('党员');
      await writeAudit(tx, actor, { action: 'view_personal', entity: 'party-members', entityId: id, regionCode: m.regionCode });
      return { id, phone: m.phoneEnc ? cipher.decrypt(m.phoneEnc) : null };
    });
  });

  for (const def of [partyOrgsResource(), partyMembersResource(cipher), crossAppointmentsResource(), redProjectsResource()]) registerResource(router, db, def);
}
