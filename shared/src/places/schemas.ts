import { z } from 'zod';
import { AREA_BASES, CLAIM_STATUSES, COMPOUND_TYPES, MANAGEMENT_MODES, REGION_LEVELS } from './enums';
import { coordinate, idNumberField, intId, mobilePhone, positiveArea, regionCodeField, text } from './fields';

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}不在可选范围内` });

export const regionCreateSchema = z.strictObject({
  id: regionCodeField(),
  name: text('名称', 40),
  level: choice('级别', REGION_LEVELS).optional(),
  parentCode: regionCodeField('上级代码').nullish(),
});
export const regionUpdateSchema = z.strictObject({ name: text('名称', 40) });

export const compoundSchema = z.strictObject({
  code: z
    .string({ error: '小区编码必须是文字' })
    .trim()
    .regex(/^[A-Z0-9]{4,20}$/, '小区编码须为4–20位大写字母或数字'),
  name: text('小区名称', 60),
  regionCode: z.string({ error: '所属社区必须选择' }).regex(/^\d{12}$/, '所属社区必须是12位社区代码'),
  address: text('地址', 200),
  lat: coordinate('纬度', 90).nullish(),
  lng: coordinate('经度', 180).nullish(),
  totalArea: positiveArea('总建筑面积'),
  buildYear: z.number({ error: '建成年份必须是数字' }).int('建成年份必须是整数').min(1900, '建成年份无效').max(2100, '建成年份无效').nullish(),
  type: choice('小区类型', COMPOUND_TYPES),
  managementMode: choice('管理模式', MANAGEMENT_MODES),
  facilitiesComplete: z.boolean({ error: '设施是否完善必须是是/否' }).default(false),
  followMajority: z.boolean({ error: '从众条款必须是是/否' }).default(false),
});

export const buildingSchema = z.strictObject({
  compoundId: intId('小区'),
  name: text('楼栋名称', 30),
  floors: z.number({ error: '层数必须是数字' }).int('层数必须是整数').min(1, '层数至少为1').max(200, '层数无效').nullish(),
});

export const unitSchema = z.strictObject({
  buildingId: intId('楼栋'),
  name: text('单元名称', 30),
});

export const householdSchema = z.strictObject({
  unitId: intId('单元'),
  room: text('房号', 20),
  area: positiveArea('专有部分面积'),
  areaBasis: choice('面积依据', AREA_BASES),
  ownerId: intId('业主').nullish(),
  developerUnsold: z.boolean({ error: '开发商未售必须是是/否' }).default(false),
});

export const ownerSchema = z.strictObject({
  name: text('姓名', 40),
  phone: mobilePhone().nullish(),
  idNumber: idNumberField().nullish(),
  regionCode: regionCodeField('登记地区'),
  /** 开发建设单位: everything it holds counts as one owner in votes (SPC interpretation Art. 9). */
  developer: z.boolean({ error: '开发建设单位标记须为是或否' }).default(false),
});

export const claimCreateSchema = z.strictObject({
  householdId: intId('房屋'),
  name: text('姓名', 40),
  phone: mobilePhone(),
});
export const claimRejectSchema = z.strictObject({ reason: text('驳回理由', 200) });
export { CLAIM_STATUSES };
/** Staff revoking a claim (verified or pending) say why; the resident reads it. */
export const claimEndSchema = z.strictObject({ reason: text('解除理由', 200) });
