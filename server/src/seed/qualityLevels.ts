import { sql } from 'drizzle-orm';
import { REQUIREMENT_CATEGORIES, REQUIREMENT_CATEGORY_LABELS } from '@baotou/shared';
import type { Tx } from '../db/client';
import { awards, costReports, levelAssessments, serviceLevels, upgradePlanItems, upgradePlans } from '../db/schema';
import type { Random } from './random';

const PLACEHOLDER_SOURCE = '占位：内蒙古《居住物业管理服务标准》尚未取得，待市住建局按原文补充';
const LEVEL_NAMES = ['一级', '二级', '三级'];
const STAR_NAMES = ['五星', '四星', '三星', '二星', '一星'];

/**
 * Issue 12 demo: a placeholder service-level scale (marked as such) and star scale, a few projects
 * with accepted levels, one district's upgrade plan and a few companies' cost reports. Fee guidance
 * ships empty (DOMAIN.md §11).
 */
export async function seedQualityLevels(tx: Tx, r: Random) {
  const levels = await tx
    .insert(serviceLevels)
    .values(
      LEVEL_NAMES.map((name, i) => ({
        scale: 'level' as const,
        code: `L${i + 1}`,
        order: i + 1,
        name: `${name}（占位）`,
        items: REQUIREMENT_CATEGORIES.map((category) => ({ category, text: `${REQUIREMENT_CATEGORY_LABELS[category]}达到${name}要求（占位条目）` })),
        sourceDocument: PLACEHOLDER_SOURCE,
        placeholder: true,
      })),
    )
    .returning();
  await tx.insert(serviceLevels).values(
    STAR_NAMES.map((name, i) => ({
      scale: 'star' as const,
      code: `S${5 - i}`,
      order: i + 1,
      name: `${name}（占位）`,
      sourceDocument: PLACEHOLDER_SOURCE,
      placeholder: true,
    })),
  );

  // Projects of the second and third companies: the demo `company` account's own projects stay unassessed.
  const projects = (
    await tx.execute(
      sql`SELECT id, company_id, region_code FROM projects WHERE company_id IN (SELECT id FROM companies ORDER BY id OFFSET 1 LIMIT 2) ORDER BY id LIMIT 6`,
    )
  ).rows as { id: number; company_id: number; region_code: string }[];
  const allMet = levels[0].items.map((_, item) => ({ item, met: true, photos: [] }));
  for (const [i, p] of projects.entries()) {
    const level = levels[i % 3];
    await tx.insert(levelAssessments).values({
      projectId: p.id,
      companyId: p.company_id,
      regionCode: p.region_code,
      levelId: level.id,
      status: i === 5 ? 'applied' : 'accepted',
      // the demo holds no files: its applicants handed their evidence in on paper
      evidence: [],
      applicationNote: `申请认定${level.name}（证明材料已线下报送）`,
      ...(i === 5 ? {} : { results: allMet, decisionNote: '逐项核查达标', decidedOn: `2026-0${r.int(1, 6)}-15` }),
    });
  }

  // One plan: the district of the project assessed at level 3, to bring it to level 2.
  const third = projects[2];
  if (third) {
    const [plan] = await tx
      .insert(upgradePlans)
      .values({
        regionCode: third.region_code.slice(0, 6),
        year: 2026,
        measures: '完善设施设备维护台账，增加保洁频次，设立24小时客服',
        deadline: '2026-12-31',
        status: 'approved',
        approvedOn: '2026-03-01',
      })
      .returning();
    await tx
      .insert(upgradePlanItems)
      .values({ planId: plan.id, projectId: third.id, regionCode: third.region_code, currentLevelId: levels[2].id, targetLevelId: levels[1].id });
  }

  // the level-1 project was named a regional excellent project, with its reward paid (以效定奖)
  const first = projects[0];
  if (first) {
    await tx.insert(awards).values({
      projectId: first.id,
      regionCode: first.region_code,
      kind: 'regional_excellent',
      year: 2026,
      document: '包头市物业服务区域优秀项目名单（演示数据）',
      rewardFen: 3000000,
      rewardPaidOn: '2026-06-30',
    });
  }

  const companyIds = [...new Set(projects.map((p) => p.company_id))];
  for (const companyId of companyIds) {
    for (const year of [2025, 2026]) {
      const w = () => r.int(50, 400) * 10000;
      await tx.insert(costReports).values({
        companyId,
        regionCode: sql`(SELECT region_code FROM companies WHERE id = ${companyId})`,
        year,
        staffFen: w() * 4,
        sharedFacilitiesFen: w(),
        cleaningFen: w(),
        greeningFen: w(),
        securityFen: w(),
        officeFen: w(),
        depreciationFen: w(),
        insuranceFen: w(),
        otherFen: 0,
      });
    }
  }
}
