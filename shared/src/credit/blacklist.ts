import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadOrLinkUrlSchema } from '../uploads/schemas';

/**
 * Serious violations that put a property company on the integrity blacklist (诚信档案黑名单):
 * DOMAIN.md §5 "Blacklist" (action plan 四(九)1; Baoji's list, research/domain-2026-11.md §1 rule 7).
 */
export const BLACKLIST_REASONS = ['fund_misappropriation', 'left_without_handover', 'bid_collusion', 'major_safety_accident', 'assessment_fraud'] as const;
export type BlacklistReason = (typeof BLACKLIST_REASONS)[number];
export const BLACKLIST_REASON_LABELS: Record<BlacklistReason, string> = {
  fund_misappropriation: '骗取、挪用或侵占维修资金',
  left_without_handover: '未办理交接擅自撤离',
  bid_collusion: '串通投标',
  major_safety_accident: '发生重大安全责任事故',
  assessment_fraud: '信用评价中弄虚作假',
};

/** 黑名单 / 已移出: a listing is active until its removal is recorded on the same row. */
export const BLACKLIST_STATES = ['active', 'removed'] as const;
export type BlacklistState = (typeof BLACKLIST_STATES)[number];
export const BLACKLIST_STATE_LABELS: Record<BlacklistState, string> = { active: '黑名单', removed: '已移出' };

/** Roles that may list or remove a company: the city and district housing bureaus (DOMAIN.md §5). */
export const BLACKLIST_AUTHORITIES = ['city_admin', 'district_staff'] as const;

/** An uploaded file (`/api/uploads/<id>`, the uploader's own) or a public https link, with its name. */
export const blacklistEvidenceSchema = z
  .array(
    z.strictObject({
      name: text('文件名称', 100),
      url: uploadOrLinkUrlSchema(),
    }),
    { error: '证据材料必须是列表' },
  )
  .min(1, '请上传至少一份证据材料')
  .max(20, '证据材料不能超过20项');

export const blacklistCreateSchema = z.strictObject({
  companyId: intId('物业企业'),
  reason: z.enum(BLACKLIST_REASONS, { error: '列入事由的取值无效' }),
  document: text('文件文号', 100),
  listedOn: isoDate('列入日期'),
  facts: text('违法违规事实', 2000),
  evidence: blacklistEvidenceSchema,
});
export type BlacklistCreate = z.infer<typeof blacklistCreateSchema>;

export const blacklistRemoveSchema = z.strictObject({
  removalReason: text('移出理由', 500),
  removalDocument: text('移出文件文号', 100),
  removedOn: isoDate('移出日期').optional(),
  note: optionalText('备注', 200),
});
export type BlacklistRemove = z.infer<typeof blacklistRemoveSchema>;

/** Whose contract the letter asks to end: the owners' assembly where one has a committee in office, else the developer. */
export const LETTER_ADDRESSEES = ['owners_assembly', 'developer'] as const;
export type LetterAddressee = (typeof LETTER_ADDRESSEES)[number];

export interface TerminationLetterInput {
  company: { name: string; creditCode: string };
  reason: BlacklistReason;
  /** The listing's document number, e.g. 包住建罚〔2026〕12号. */
  document: string;
  /** 'YYYY-MM-DD' (Beijing). */
  listedOn: string;
  facts: string;
  /** The listing authority, e.g. 包头市住房和城乡建设局. */
  authority: string;
  compounds: { name: string; address: string; ownersCommittee: boolean }[];
}

export interface TerminationLetter {
  compoundName: string;
  addressee: LetterAddressee;
  /** The salutation line, e.g. "XX小区业主大会（业主委员会）：". */
  to: string;
  title: string;
  paragraphs: string[];
  signature: string;
  date: string;
}

const chineseDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
};

/**
 * The written recommendation to end the service contract, one per compound the blacklisted company
 * serves (action plan 四(九)1; DOMAIN.md §5 "Blacklist"): addressed to the compound's owners'
 * assembly (through its committee) where a committee is in office, else to the developer (建设单位),
 * who signed the preliminary contract. Pure text; the server renders it to PDF.
 * Throws on a reason outside BLACKLIST_REASONS or a malformed date.
 */
export function terminationLetters(input: TerminationLetterInput): TerminationLetter[] {
  const reason = BLACKLIST_REASON_LABELS[input.reason];
  if (!reason) throw new Error(`unknown blacklist reason: ${input.reason}`);
  const listed = chineseDate(input.listedOn);
  return input.compounds.map((c) => {
    const addressee: LetterAddressee = c.ownersCommittee ? 'owners_assembly' : 'developer';
    const to = addressee === 'owners_assembly' ? `${c.name}业主大会（业主委员会）：` : `${c.name}开发建设单位：`;
    const party = addressee === 'owners_assembly' ? '业主大会' : '贵单位';
    return {
      compoundName: c.name,
      addressee,
      to,
      title: '关于建议解除物业服务合同的函',
      paragraphs: [
        `为你小区（${c.name}，${c.address}）提供物业服务的${input.company.name}（统一社会信用代码：${input.company.creditCode}），因${reason}，经我局依据${input.document}认定，已于${listed}列入包头市物业服务企业诚信档案黑名单。`,
        `违法违规事实：${input.facts}`,
        `根据《包头市健全物业管理工作提升服务质量三年行动方案（2022—2024年）》（包府办发〔2022〕73号）关于严重违法违规企业列入诚信档案黑名单、书面建议解除物业服务合同的规定，建议${party}依照《中华人民共和国民法典》第九百四十六条及物业服务合同的约定，依法启动解除物业服务合同、另行选聘物业服务企业的程序，并督促该企业依法办理交接，确保服务不中断。`,
        '黑名单内企业不得在本市承接新的物业服务项目。如有疑问，请与我局联系。',
      ],
      signature: input.authority,
      date: listed,
    };
  });
}
