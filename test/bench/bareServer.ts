import http from 'node:http';
import { Pool } from 'pg';

/**
 * The baseline: the household list query served by bare node:http + pg, with no framework,
 * no auth, no jurisdiction and no validation — the same SQL our resource runs.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const LIST_SQL = `
  SELECT h.id, h.compound_id AS "compoundId", h.building_id AS "buildingId",
         (SELECT b.name FROM buildings b WHERE b.id = h.building_id) AS "buildingName",
         h.unit_id AS "unitId", (SELECT u.name FROM units u WHERE u.id = h.unit_id) AS "unitName",
         h.room, h.area, h.area_basis AS "areaBasis", h.owner_id AS "ownerId",
         (SELECT o.name FROM owners o WHERE o.id = h.owner_id) AS "ownerName",
         h.developer_unsold AS "developerUnsold", h.region_code AS "regionCode"
    FROM households h WHERE h.compound_id = $1 ORDER BY h.room_sort ASC, h.id ASC LIMIT $2 OFFSET $3`;

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const filter = JSON.parse(url.searchParams.get('filter') ?? '{}');
    const [start, end] = JSON.parse(url.searchParams.get('range') ?? '[0,24]');
    const [rows, total] = await Promise.all([
      pool.query(LIST_SQL, [filter.compoundId, end - start + 1, start]),
      pool.query('SELECT count(*)::int AS n FROM households WHERE compound_id = $1', [filter.compoundId]),
    ]);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Range', `households ${start}-${start + rows.rows.length - 1}/${total.rows[0].n}`);
    res.end(JSON.stringify(rows.rows));
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
