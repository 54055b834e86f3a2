import { z } from 'zod';
import { contactPhone, intId, isoDate, mobilePhone, optionalText, regionCodeField, text } from '../places/fields';
import { isValidCreditCode } from './creditCode';
import { projectPricingFields } from '../quality/schemas';

export const companySchema = z.strictObject({
  name: text('企业名称', 100),
  creditCode: z
    .string({ error: '统一社会信用代码必须是文字' })
    .trim()
    .toUpperCase()
    .refine(isValidCreditCode, '统一社会信用代码无效（校验位不符，GB 32100-2015）'),
  legalRepresentative: text('法定代表人', 40),
  contactName: optionalText('联系人', 40),
  contactPhone: contactPhone('联系电话').nullish(),
  address: optionalText('地址', 200),
  regionCode: regionCodeField('注册地区'),
  staffCount: z.number({ error: '职工人数必须是数字' }).int('职工人数必须是整数').min(0, '职工人数不能为负').max(1000000, '职工人数过大').nullish(),
});

export const projectSchema = z
  .strictObject({
    companyId: intId('物业企业'),
    compoundId: intId('小区'),
    startDate: isoDate('合同开始日期'),
    endDate: isoDate('合同结束日期'),
    feeFenPerM2Month: z.number({ error: '物业费必须是数字' }).int('物业费须为整数分').min(0, '物业费不能为负').max(100000, '物业费过高'),
    serviceLevel: z.number({ error: '服务等级必须是数字' }).int().min(1, '服务等级为1–5级').max(5, '服务等级为1–5级'),
    contractFilingNo: optionalText('合同备案号', 40),
    contractFilingDate: isoDate('合同备案日期').nullish(),
    managerName: text('项目经理', 40),
    managerPhone: mobilePhone('项目经理电话').nullish(),
    managerFilingNo: optionalText('项目经理备案号', 40),
    ...projectPricingFields,
  })
  .refine((p) => p.endDate >= p.startDate, { message: '合同结束日期不能早于开始日期', path: ['endDate'] });
