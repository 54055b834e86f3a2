/** Enum tuples of the workforce registry (action plan 四(十三); DOMAIN.md §13), used by zod, Drizzle and the UIs. */

/**
 * Posts on a property project. The first six are the specialist posts of DOMAIN.md §13 (持证上岗:
 * electrician, lift, fire-control room, boiler, secondary water supply, project manager); whether a
 * given person counts as specialist is stored on the staff row (defaulting from the post).
 */
export const STAFF_POSTS = [
  'electrician',
  'lift',
  'fire_control_room',
  'boiler',
  'secondary_water_supply',
  'project_manager',
  'customer_service',
  'security',
  'cleaning',
  'greening',
  'maintenance',
  'management',
  'other',
] as const;
export type StaffPost = (typeof STAFF_POSTS)[number];

export const SPECIALIST_POSTS: readonly StaffPost[] = ['electrician', 'lift', 'fire_control_room', 'boiler', 'secondary_water_supply', 'project_manager'];

export const STAFF_POST_LABELS: Record<StaffPost, string> = {
  electrician: '电工',
  lift: '电梯管理员',
  fire_control_room: '消防控制室值班员',
  boiler: '锅炉工',
  secondary_water_supply: '二次供水管理员',
  project_manager: '项目经理',
  customer_service: '客服',
  security: '秩序维护（保安）',
  cleaning: '保洁',
  greening: '绿化',
  maintenance: '维修工',
  management: '管理人员',
  other: '其他',
};

/** 岗前培训 / 继续教育 / 技能竞赛 (research §7 rule 3). */
export const TRAINING_KINDS = ['pre_job', 'continuing', 'skills_contest'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  pre_job: '岗前培训',
  continuing: '继续教育',
  skills_contest: '技能竞赛',
};

/** What a workforce import sheet holds. */
export const STAFF_IMPORT_KINDS = ['staff', 'trainings'] as const;
export type StaffImportKind = (typeof STAFF_IMPORT_KINDS)[number];
export const STAFF_IMPORT_KIND_LABELS: Record<StaffImportKind, string> = { staff: '员工花名册', trainings: '培训记录' };

/** Whether a post is a specialist post by default (DOMAIN.md §13). Throws on a value outside STAFF_POSTS. */
export function isSpecialistPost(post: StaffPost): boolean {
  if (!(STAFF_POSTS as readonly string[]).includes(post)) throw new Error(`unknown staff post: ${String(post)}`);
  return SPECIALIST_POSTS.includes(post);
}
