import { and, eq, ilike, inArray, like, ne, sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone, ownerSchema, phoneKind, samePersonName } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { AppError, badRequest } from '../http/errors';
import type { Db, Tx } from '../db/client';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { owners } from '../db/schema';
import type { PersonalDataCipher } from './personalData';
import { PLACE_WRITERS, regionWriteAllowed } from './scopes';
import { endClaimsOnOwnerIdentityChange } from './claims';

/** Values for the owners table from a phone / ID number as entered (undefined: leave unchanged). */
export function personalColumns(cipher: PersonalDataCipher, phone: string | null | undefined, idNumber: string | null | undefined) {
  const out: Record<string, string | null> = {};
  if (phone !== undefined) {
    out.phoneEnc = phone ? cipher.encrypt(phone) : null;
    out.phoneHash = phone ? cipher.hash(phone) : null;
    out.phoneMasked = phone ? maskPhone(phone) : null;
  }
  if (idNumber !== undefined) {
    out.idNumberEnc = idNumber ? cipher.encrypt(idNumber) : null;
    out.idNumberMasked = idNumber ? maskIdNumber(idNumber) : null;
    out.idNumberHash = idNumber ? cipher.hash(idNumber) : null;
  }
  return out;
}

/**
 * Whether an owner row's identity differs between two versions: the name (as samePersonName
 * compares it), or the phone or ID number as decrypted (a value re-encrypted under another key, or
 * retyped unchanged, is the same person).
 */
export function identityChanged(cipher: PersonalDataCipher, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const plain = (v: unknown) => (typeof v === 'string' && v ? cipher.decrypt(v) : null);
  return (
    !samePersonName(before.name as string, after.name as string) ||
    plain(before.phoneEnc) !== plain(after.phoneEnc) ||
    plain(before.idNumberEnc) !== plain(after.idNumberEnc)
  );
}

/**
 * One ID number, one owner (the vote tally counts heads by owner id): 409 OWNER_DUPLICATE_ID_NUMBER
 * when another owner holds it under any key in the ring. Serialised by an advisory lock on the
 * number's active-key index, so two registrations of one number at once cannot both pass.
 */
async function assertIdNumberFree(tx: Tx, cipher: PersonalDataCipher, idNumber: string | null | undefined, selfId?: number): Promise<void> {
  if (!idNumber) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'owner-id-number:' + cipher.hash(idNumber)}))`);
  const [dup] = await tx
    .select({ id: owners.id })
    .from(owners)
    .where(and(inArray(owners.idNumberHash, cipher.hashCandidates(idNumber)), selfId === undefined ? undefined : ne(owners.id, selfId)))
    .limit(1);
  if (dup) throw new AppError('OWNER_DUPLICATE_ID_NUMBER', 409, '该身份证号已登记为其他业主', { idNumber: '该身份证号已登记为其他业主' });
}

/**
 * Owners registered before id_number_hash existed get it at start-up (the index needs the key, so
 * the migration cannot fill it). Batches of 500; returns the number of rows filled.
 */
export async function backfillIdNumberHashes(db: Db, cipher: PersonalDataCipher): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({ id: owners.id, enc: owners.idNumberEnc })
      .from(owners)
      .where(and(sql`${owners.idNumberEnc} IS NOT NULL`, sql`${owners.idNumberHash} IS NULL`))
      .limit(500);
    if (rows.length === 0) return filled;
    for (const r of rows) {
      await db
        .update(owners)
        .set({ idNumberHash: cipher.hash(cipher.decrypt(r.enc!)) })
        .where(and(eq(owners.id, r.id), sql`${owners.idNumberHash} IS NULL`));
    }
    filled += rows.length;
  }
}

/** A client sending back the masked value it was shown means "unchanged". */
const ownerUpdateSchema = ownerSchema.extend({
  phone: ownerSchema.shape.phone.optional(),
  idNumber: ownerSchema.shape.idNumber.optional(),
});

export function ownersResource(cipher: PersonalDataCipher): ResourceDef {
  return {
    name: 'owners',
    label: '业主',
    table: owners,
    id: owners.id,
    idKind: 'int',
    fields: {
      id: owners.id,
      name: owners.name,
      phone: owners.phoneMasked,
      idNumber: owners.idNumberMasked,
      regionCode: owners.regionCode,
      developer: owners.developer,
      householdCount: sql<number>`(SELECT count(*)::int FROM households h WHERE h.owner_id = "owners"."id")`,
      createdAt: owners.createdAt,
    },
    sortable: { id: owners.id, name: owners.name, regionCode: owners.regionCode, createdAt: owners.createdAt },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => ilike(owners.name, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      // By phone through the blind index (the phone itself is encrypted): the whole number, under every key in the ring.
      phone: (v) => {
        const phone = filterValue.string('phone', v, 20).trim();
        if (phoneKind(phone) !== 'mobile') throw badRequest('INVALID_FILTER', '按手机号查找须输入完整的11位手机号', { phone: '须输入完整的11位手机号' });
        return inArray(owners.phoneHash, cipher.hashCandidates(phone));
      },
      regionCode: (v) => like(owners.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
      developer: (v) => eq(owners.developer, filterValue.bool('developer', v)),
    },
    readScope: (actor) => (isBureau(actor) && actor.role !== 'party_staff' ? regionCondition(actor, owners.regionCode) : 'deny'),
    write: {
      roles: PLACE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['householdCount', 'createdAt', 'updatedAt'],
      normalize: dropMaskedPersonalFields,
      create: {
        schema: ownerSchema,
        prepare: async (input, c) => {
          await assertIdNumberFree(c.tx, cipher, input.idNumber);
          return {
            name: input.name,
            regionCode: input.regionCode,
            developer: input.developer,
            ...personalColumns(cipher, input.phone ?? null, input.idNumber ?? null),
          };
        },
      },
      update: {
        schema: ownerUpdateSchema,
        prepare: async (input, c) => {
          await assertIdNumberFree(c.tx, cipher, input.idNumber, c.existing!.id as number);
          return { name: input.name, regionCode: input.regionCode, developer: input.developer, ...personalColumns(cipher, input.phone, input.idNumber) };
        },
        // Another name, phone or ID number may be another person: the bindings made against the old details end.
        async after(row, c) {
          if (identityChanged(cipher, c.existing!, row)) await endClaimsOnOwnerIdentityChange(c.tx, c.actor, row.id as number);
        },
      },
      remove: true,
    },
  };
}

/** Masked values sent back by a form are dropped before validation (they mean "unchanged"). */
export function dropMaskedPersonalFields(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const k of ['phone', 'idNumber']) if (typeof out[k] === 'string' && (out[k] as string).includes('*')) delete out[k];
  return out;
}
