import { sql } from 'drizzle-orm';
import { hazardDeadline, type ChecklistCategory, type HazardSeverity } from '@baotou/shared';
import type { Tx } from '../db/client';
import { hazardEvents, hazards, inspectionChecklistItems, inspections, type InspectionResultRow } from '../db/schema';
import { reportHazard } from '../supervision/hazards';

type Item = [code: string, category: ChecklistCategory, text: string, severity: HazardSeverity, onSpot: boolean, fireLane: boolean, source: string];

/** DOMAIN.md §10's checklist (research domain-2026-11.md §3 rule 1), each with the document it comes from. */
export const DEMO_CHECKLIST: Item[] = [
  ['FL-01', 'fire_lane', '消防车通道畅通，无车辆、杂物占用', 'general', false, true, '《消防法》第28条；XF 1283-2015 第6.1.4条'],
  ['FL-02', 'fire_lane', '消防车通道标识、禁停标线清晰完整', 'general', false, true, 'XF 1283-2015 第6.1.5条；包府办发〔2022〕73号 四(八)'],
  ['FL-03', 'fire_lane', '消防登高操作场地无障碍物、无绿化遮挡', 'major', false, true, '《消防法》第28条；XF 1283-2015 第6.1.4条'],
  ['EX-01', 'exits', '安全出口未锁闭、未堵塞', 'major', true, false, '公安部令第61号 第31条'],
  ['EX-02', 'exits', '疏散通道、楼梯间无杂物堆放', 'general', true, false, '公安部令第61号 第31条'],
  ['EX-03', 'exits', '应急照明、疏散指示标志完好有效', 'general', false, false, 'XF 1283-2015；公安部令第61号'],
  ['EX-04', 'exits', '常闭式防火门处于关闭状态，闭门器完好', 'general', true, false, '公安部令第61号 第31条'],
  ['FF-01', 'fire_facilities', '消火栓可正常使用、无遮挡', 'major', true, false, '公安部令第61号 第31条；《消防法》第28条'],
  ['FF-02', 'fire_facilities', '灭火器配置齐全、压力正常、在有效期内', 'general', false, false, 'XF 1283-2015 第6.1.2条'],
  ['FF-03', 'fire_facilities', '火灾自动报警、自动喷水灭火系统运行正常', 'major', false, false, '《消防法》第16条'],
  ['FF-04', 'fire_facilities', '消防控制室有人值班', 'major', true, false, '公安部令第61号 第31条'],
  ['FF-05', 'fire_facilities', '建筑消防设施年度全面检测报告在12个月内', 'general', false, false, '《消防法》第16条'],
  ['EB-01', 'ebike', '门厅、走道、楼梯间、安全出口无电动自行车停放或充电', 'major', true, false, '应急管理部令第5号 第37条'],
  ['EB-02', 'ebike', '电梯阻车装置有效，电动自行车不进电梯', 'general', false, false, '应急管理部令第5号；包府办发〔2022〕73号 四(八)'],
  ['EB-03', 'ebike', '集中充电场所防火分隔、配置灭火器、充满自动断电', 'general', false, false, '应急管理部令第5号 第37条'],
  ['MS-01', 'micro_station', '微型消防站站长1名、队员不少于5名', 'general', false, false, '公消〔2015〕301号'],
  ['MS-02', 'micro_station', '每班不少于3人在岗，器材齐全有效', 'general', false, false, '公消〔2015〕301号'],
  ['MS-03', 'micro_station', '12个月内组织过消防演练', 'general', false, false, '应急管理部令第5号'],
  ['DI-01', 'disclosure', '服务事项、收费标准等信息按规定公开', 'general', false, false, '包府办发〔2022〕73号 四(九)'],
  ['IC-01', 'illegal_construction', '无私搭乱建、违法建设', 'general', false, false, '包府办发〔2022〕73号 四(八)；XF 1283-2015 第6.1.4条'],
  ['CL-01', 'cleanliness', '公共区域清洁，垃圾日产日清', 'general', false, false, '包府办发〔2022〕73号 四(九)'],
];

/**
 * Issue 10 demo: the checklist, and in 沼潭社区 (the demo street/community accounts' area) one
 * inspection that found a blocked fire lane, now overdue and reported to the street, plus one clean
 * patrol by the project's company. Rows are written directly (no uploads exist in the demo).
 */
export async function seedSupervisionInspections(tx: Tx) {
  const items = await tx
    .insert(inspectionChecklistItems)
    .values(
      DEMO_CHECKLIST.map(([code, category, text, severity, onSpot, fireLane, sourceDocument], i) => ({
        code,
        category,
        text,
        severity,
        onSpot,
        fireLane,
        sourceDocument,
        sortOrder: (i + 1) * 10,
      })),
    )
    .returning();
  const [project] = (
    await tx.execute(sql`SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p WHERE p.region_code LIKE '150203001%' ORDER BY p.id LIMIT 1`)
  ).rows as { id: number; company_id: number; compound_id: number; region_code: string }[];
  const [inspector] = (await tx.execute(sql`SELECT id FROM users WHERE username = 'community'`)).rows as { id: number }[];
  if (!project || !inspector) return;
  const foundAt = new Date(Date.now() - 10 * 24 * 3600_000);
  const fireLane = items.find((i) => i.code === 'FL-01')!;
  const results: InspectionResultRow[] = items.slice(0, 8).map((item) => ({
    itemId: item.id,
    code: item.code,
    category: item.category,
    text: item.text,
    severity: item.severity,
    result: item.id === fireLane.id ? 'failed' : 'passed',
    photos: [],
    note: item.id === fireLane.id ? '3号楼北侧消防车通道被私家车占用' : null,
    correctedOnSpot: false,
    rectificationPhotos: [],
  }));
  const base = { projectId: project.id, companyId: project.company_id, compoundId: project.compound_id, regionCode: project.region_code };
  const [inspection] = await tx
    .insert(inspections)
    .values({ ...base, kind: 'inspection', inspectorId: inspector.id, inspectedAt: foundAt, failedCount: 1, results, note: '季度消防安全检查' })
    .returning();
  const [hazard] = await tx
    .insert(hazards)
    .values({
      ...base,
      inspectionId: inspection.id,
      kind: 'inspection',
      itemId: fireLane.id,
      category: 'fire_lane',
      description: `${fireLane.text}：3号楼北侧消防车通道被私家车占用`,
      severity: 'general',
      onSpot: false,
      fireLane: true,
      foundBy: inspector.id,
      foundAt,
      deadlineAt: hazardDeadline({ foundAt, severity: 'general', onSpot: false }, { hazardGeneralHours: 168, hazardMajorHours: 24 }),
    })
    .returning();
  await tx
    .insert(hazardEvents)
    .values({ hazardId: hazard.id, action: 'found', actorId: inspector.id, actorName: '沼潭社区居委会', note: '3号楼北侧消防车通道被私家车占用', at: foundAt });
  await reportHazard(tx, null, hazard, 'overdue', new Date(foundAt.getTime() + 8 * 24 * 3600_000));
  const [companyUser] = (await tx.execute(sql`SELECT id FROM users WHERE company_id = ${project.company_id} LIMIT 1`)).rows as { id: number }[];
  if (companyUser) {
    const patrol = items
      .filter((i) => i.category === 'fire_lane' || i.category === 'exits')
      .map((item) => ({
        itemId: item.id,
        code: item.code,
        category: item.category,
        text: item.text,
        severity: item.severity,
        result: 'passed' as const,
        photos: [],
        note: null,
        correctedOnSpot: false,
        rectificationPhotos: [],
      }));
    await tx.insert(inspections).values({
      ...base,
      kind: 'patrol',
      inspectorId: companyUser.id,
      inspectedAt: new Date(Date.now() - 24 * 3600_000),
      results: patrol,
      note: '日常消防巡查',
    });
  }
}
