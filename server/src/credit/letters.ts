import { eq, sql } from 'drizzle-orm';
import { terminationLetters, type TerminationLetter } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { blacklistEntries, companies } from '../db/schema';
import { forbidden, notFound } from '../http/errors';
import { isBureau } from '../jurisdiction/scope';
import { createPdf, pdfToBuffer } from '../pdf/document';

/** The housing authority behind a region code: 包头市 / a district's 住房和城乡建设局. */
const authorityOf = (regionName: string) => `${regionName}住房和城乡建设局`;

/**
 * The letters of one listing: one per compound the company's current contracts cover (start ≤ today
 * ≤ end, Beijing), to its owners' assembly where a committee is in office, else to the developer.
 */
export async function listingLetters(db: DbOrTx, actor: Actor, id: number): Promise<{ companyName: string; letters: TerminationLetter[] }> {
  if (!isBureau(actor)) throw forbidden('ROLE_FORBIDDEN', '只有住建等部门可以生成解除合同建议函');
  const [row] = await db
    .select({
      e: blacklistEntries,
      companyName: companies.name,
      creditCode: companies.creditCode,
      regionName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = ${blacklistEntries.regionCode})`,
    })
    .from(blacklistEntries)
    .innerJoin(companies, eq(companies.id, blacklistEntries.companyId))
    .where(eq(blacklistEntries.id, id));
  if (!row) throw notFound('黑名单记录');
  const { rows } = await db.execute(sql`
    SELECT c.name, c.address, EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = c.id AND k.status = 'in_office') AS "ownersCommittee"
      FROM compounds c
     WHERE c.id IN (SELECT p.compound_id FROM projects p WHERE p.company_id = ${row.e.companyId}
                       AND p.start_date <= (now() AT TIME ZONE 'Asia/Shanghai')::date AND p.end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
     ORDER BY c.code`);
  const letters = terminationLetters({
    company: { name: row.companyName, creditCode: row.creditCode },
    reason: row.e.reason,
    document: row.e.document,
    listedOn: row.e.listedOn,
    facts: row.e.facts,
    authority: authorityOf(row.regionName ?? '包头市'),
    compounds: (rows as { name: string; address: string; ownersCommittee: boolean }[]).map((c) => ({
      name: c.name,
      address: c.address,
      ownersCommittee: !!c.ownersCommittee,
    })),
  });
  return { companyName: row.companyName, letters };
}

/** The letters as one printable PDF, a page each (a company serving no compound: one page saying so). */
export async function lettersPdf(companyName: string, letters: TerminationLetter[]): Promise<Buffer> {
  const doc = await createPdf({ info: { Title: `关于建议解除物业服务合同的函（${companyName}）` } });
  if (!letters.length) doc.fontSize(14).text(`${companyName}目前没有在管小区，无需发送解除合同建议函。`);
  letters.forEach((l, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(18).text(l.title, { align: 'center' }).moveDown(1.5);
    doc.fontSize(12).text(l.to).moveDown(0.5);
    for (const p of l.paragraphs) doc.text(`　　${p}`, { align: 'justify', lineGap: 4 }).moveDown(0.5);
    doc.moveDown(2).text(l.signature, { align: 'right' }).text(l.date, { align: 'right' });
  });
  return pdfToBuffer(doc);
}
