import { Client } from 'pg';

/**
 * A city-sized data set generated inside PostgreSQL (generate_series): `compounds` compounds over
 * the demo communities, each with 5 buildings × 2 units × `perUnit` households, plus owners.
 * Expects the demo seed (regions, companies, users) to be there already.
 */
export async function generateCity(url: string, opts: { compounds: number; perUnit: number }, log: (s: string) => void) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = Date.now();
    await c.query(
      `
      INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode, facilities_complete, build_year)
      SELECT 'BK' || lpad(g::text, 6, '0'), '基准小区' || g, comm.code, '基准路' || g || '号', 50000,
             (ARRAY['commodity','old','single_building','resettlement'])[1 + g % 4]::compound_type,
             (ARRAY['professional','quasi','community','self','none'])[1 + g % 5]::management_mode, true, 2000 + g % 20
        FROM generate_series(1, $1::int) g
        JOIN LATERAL (SELECT code FROM regions WHERE level = 'community' ORDER BY code OFFSET (g % (SELECT count(*) FROM regions WHERE level = 'community')) LIMIT 1) comm ON true`,
      [opts.compounds],
    );
    await c.query(`
      INSERT INTO buildings (compound_id, region_code, name, floors)
      SELECT c.id, c.region_code, b || '号楼', 18 FROM compounds c, generate_series(1, 5) b WHERE c.code LIKE 'BK%'`);
    await c.query(`
      INSERT INTO units (building_id, compound_id, region_code, name)
      SELECT b.id, b.compound_id, b.region_code, u || '单元' FROM buildings b JOIN compounds c ON c.id = b.compound_id, generate_series(1, 2) u WHERE c.code LIKE 'BK%'`);
    log(`  compounds, buildings, units: ${Date.now() - t0} ms`);
    const t1 = Date.now();
    await c.query(
      `
      INSERT INTO owners (name, region_code, phone_masked, id_number_masked)
      SELECT '业主' || g, '150203001001', '138****' || lpad((g % 10000)::text, 4, '0'), NULL
        FROM generate_series(1, $1::int) g`,
      [opts.compounds * 10 * opts.perUnit],
    );
    await c.query(
      `
      INSERT INTO households (compound_id, building_id, unit_id, region_code, room, area, area_basis, owner_id, developer_unsold)
      SELECT u.compound_id, u.building_id, u.id, u.region_code,
             ((r - 1) / 2 + 1)::text || lpad(((r - 1) % 2 + 1)::text, 2, '0'),
             45 + (u.id * 7 + r * 13) % 13500 / 100.0, 'registered', NULL, false
        FROM units u JOIN compounds c ON c.id = u.compound_id, generate_series(1, $1::int) r
       WHERE c.code LIKE 'BK%'`,
      [opts.perUnit],
    );
    await c.query(`UPDATE households SET owner_id = id WHERE owner_id IS NULL AND NOT developer_unsold AND id <= (SELECT max(id) FROM owners)`);
    log(`  households and owners: ${Date.now() - t1} ms`);
    await c.query('ANALYZE');
    const { rows } = await c.query(`SELECT (SELECT count(*) FROM compounds)::int AS compounds, (SELECT count(*) FROM households)::int AS households`);
    return rows[0] as { compounds: number; households: number };
  } finally {
    await c.end();
  }
}
