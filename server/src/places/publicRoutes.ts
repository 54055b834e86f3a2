import type Router from '@koa/router';
import { and, asc, desc, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Config } from '@baotou/config';
import { ancestry } from '@baotou/shared';
import type { Db } from '../db/client';
import { buildings, companies, compounds, households, projects, regions, units } from '../db/schema';
import { notFound } from '../http/errors';
import { requireActor } from '../auth/middleware';
import { getPresented } from '../http/resource';
import { compoundsResource } from './compounds';
import { compoundScopedRead } from './scopes';
import { labelledQrSvg } from './qrPoster';
import type { Actor } from '../auth/actor';

/** What a compound's QR code opens: WeChat's "scan an ordinary link to open the mini-program" rule maps this URL to the entry page. */
export function scanUrl(config: Config, code: string, origin: string): string {
  const base = (config.publicBaseUrl ?? origin).replace(/\/$/, '');
  return `${base}/h5/#/pages/scan/index?scene=${encodeURIComponent(code)}`;
}

export function registerPublicPlaceRoutes(router: Router, db: Db, config: Config): void {
  const compoundDef = compoundsResource();

  router.get('/api/compounds/:id/qrcode', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    const compound = Number.isSafeInteger(id) && id > 0 ? await getPresented(db, compoundDef, actor, id) : undefined;
    if (!compound) throw notFound('小区');
    const url = scanUrl(config, String(compound.code), `${ctx.protocol}://${ctx.host}`);
    // ?format=svg: the code to print, with the compound's name and code under it.
    if (ctx.query.format === 'svg') {
      const fileName = `${compound.name}（${compound.code}）扫码入驻二维码.svg`;
      ctx.type = 'image/svg+xml';
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${encodeURIComponent(String(compound.code))}.svg"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      ctx.body = await labelledQrSvg(url, String(compound.name), String(compound.code));
      return;
    }
    ctx.type = 'image/png';
    ctx.set('Content-Disposition', `attachment; filename="${compound.code}.png"`);
    ctx.body = await QRCode.toBuffer(url, { type: 'png', width: 512, margin: 2, errorCorrectionLevel: 'M' });
  });

  // The scan-in page: public, no personal data.
  router.get('/api/public/compounds/by-code/:code', async (ctx) => {
    const code = String(ctx.params.code).toUpperCase();
    if (!/^[A-Z0-9]{1,20}$/.test(code)) throw notFound('小区');
    const [c] = await db
      .select({
        id: compounds.id,
        code: compounds.code,
        name: compounds.name,
        address: compounds.address,
        regionCode: compounds.regionCode,
        type: compounds.type,
        managementMode: compounds.managementMode,
        buildingCount: sql<number>`(SELECT count(*)::int FROM buildings b WHERE b.compound_id = "compounds"."id")`,
        householdCount: sql<number>`(SELECT count(*)::int FROM households h WHERE h.compound_id = "compounds"."id")`,
      })
      .from(compounds)
      .where(eq(compounds.code, code));
    if (!c) throw notFound('小区');
    const { district, street } = ancestry(c.regionCode);
    const codes = [district, street, c.regionCode].filter((x): x is string => !!x);
    const names = new Map((await db.select().from(regions).where(inArray(regions.code, codes))).map((r) => [r.code, r.name]));
    const today = new Date().toISOString().slice(0, 10);
    const [company] = await db
      .select({ name: companies.name })
      .from(projects)
      .innerJoin(companies, eq(companies.id, projects.companyId))
      .where(sql`${projects.compoundId} = ${c.id} AND ${projects.startDate} <= ${today} AND ${projects.endDate} >= ${today}`)
      .orderBy(desc(projects.startDate))
      .limit(1);
    ctx.body = {
      id: c.id,
      code: c.code,
      name: c.name,
      address: c.address,
      type: c.type,
      managementMode: c.managementMode,
      districtName: district ? (names.get(district) ?? null) : null,
      streetName: street ? (names.get(street) ?? null) : null,
      communityName: names.get(c.regionCode) ?? null,
      companyName: company?.name ?? null,
      buildingCount: c.buildingCount,
      householdCount: c.householdCount,
    };
  });

  // The bind-home picker: buildings and units of a compound, then rooms of a unit, in natural order.
  // Residents may open any compound's picker: they reach it by scanning the code posted in the
  // compound, and it shows names, room numbers and opaque ids only (no owner, no area). Staff see
  // only compounds in their jurisdiction (company staff: the compounds they serve), as everywhere.
  router.get('/api/mini/compounds/:id/buildings', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('小区');
    const rows = await db
      .select({ buildingId: buildings.id, buildingName: buildings.name, unitId: units.id, unitName: units.name })
      .from(buildings)
      .leftJoin(units, eq(units.buildingId, buildings.id))
      .where(and(eq(buildings.compoundId, id), pickerScope(actor, buildings.regionCode, buildings.compoundId)))
      .orderBy(asc(buildings.nameSort), asc(buildings.id), asc(units.nameSort), asc(units.id));
    const out = new Map<number, { id: number; name: string; units: { id: number; name: string }[] }>();
    for (const r of rows) {
      const b = out.get(r.buildingId) ?? { id: r.buildingId, name: r.buildingName, units: [] };
      if (r.unitId) b.units.push({ id: r.unitId, name: r.unitName! });
      out.set(r.buildingId, b);
    }
    if (
      !out.size &&
      !(
        await db
          .select({ id: compounds.id })
          .from(compounds)
          .where(and(eq(compounds.id, id), pickerScope(actor, compounds.regionCode, compounds.id)))
      ).length
    )
      throw notFound('小区');
    ctx.body = [...out.values()];
  });

  router.get('/api/mini/units/:id/rooms', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('单元');
    const rooms = await db
      .select({ householdId: households.id, room: households.room })
      .from(households)
      .where(and(eq(households.unitId, id), pickerScope(actor, households.regionCode, households.compoundId)))
      .orderBy(asc(households.roomSort), asc(households.id));
    if (
      !rooms.length &&
      !(
        await db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.id, id), pickerScope(actor, units.regionCode, units.compoundId)))
      ).length
    )
      throw notFound('单元');
    ctx.body = rooms;
  });
}

/** Who may use the bind-home picker on rows of a compound: residents any, staff their jurisdiction. */
function pickerScope(actor: Actor, regionColumn: Column, compoundIdColumn: Column): SQL {
  if (actor.role === 'resident') return sql`true`;
  const scope = compoundScopedRead(regionColumn, compoundIdColumn)(actor);
  return scope === 'deny' ? sql`false` : scope;
}
