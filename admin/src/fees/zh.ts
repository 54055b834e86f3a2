// Resource and field names of property fees (issue 13); also the Excel column headers.
// Registered in i18n/zh.ts's resourcesZh.
const home = { compoundId: '小区', compoundName: '小区', buildingId: '楼栋', buildingName: '楼栋', unitName: '单元', room: '房号', householdId: '房屋' };

export const feesZh = {
  'fee-items': {
    name: '收费项目 |||| 收费项目',
    fields: {
      id: 'ID', projectId: '服务项目', companyId: '物业企业', companyName: '物业企业', compoundId: '小区', compoundName: '小区', regionCode: '所在地区', kind: '类型', name: '名称',
      feeMilliFenPerM2Month: '单价（毫分/㎡·月）', monthlyFen: '月收费金额（分）', billingCycle: '计费周期', startsOn: '起始计费日期', lateFeeBpPerMonth: '违约金（万分之/月）', active: '启用', createdAt: '登记时间',
    },
  },
  'billing-runs': {
    name: '批量计费 |||| 批量计费',
    fields: {
      id: '批次号', companyId: '物业企业', period: '计费月份', status: '状态', projectsDone: '已完成项目', projectsTotal: '项目数', billsCreated: '生成账单数', billedFen: '计费金额（分）', note: '进度说明', error: '错误',
      jobId: '任务号', compoundNames: '小区', createdByName: '发起人', startedAt: '开始时间', finishedAt: '完成时间', createdAt: '发起时间', projectId: '服务项目', compoundIds: '小区',
    },
  },
  bills: {
    name: '账单 |||| 账单',
    fields: {
      id: '账单号', ...home, projectId: '服务项目', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区', feeItemId: '收费项目', feeItemName: '收费项目', feeItemKind: '收费类型', billingRunId: '计费批次',
      periodStart: '计费期起', periodEnd: '计费期止', months: '月数', areaCenti: '计费面积（0.01㎡）', unitMilliFen: '单价（毫分/㎡·月）', amountFen: '应收（分）', paidFen: '已收（分）', owedFen: '欠费（分）', status: '状态', payer: '缴费义务人',
      dueOn: '缴费期限', overdueDays: '逾期天数', reverseReason: '冲销原因', reversedAt: '冲销时间', createdAt: '出账时间', open: '未缴清', overdue: '已逾期', minOverdueDays: '逾期至少', periodFrom: '计费期起（不早于）', periodTo: '计费期起（不晚于）',
    },
  },
  'fee-payments': {
    name: '缴费记录 |||| 缴费记录',
    fields: {
      id: 'ID', ...home, projectId: '服务项目', companyId: '物业企业', regionCode: '所在地区', method: '收款方式', amountFen: '金额（分）', refundedFen: '已退（分）', reference: '凭证号', payOrderId: '支付订单',
      receiptNo: '收据号', receiptId: '收据', recordedByName: '经办人', paidAt: '缴费时间', billIds: '账单', refunded: '有退款', paidFrom: '缴费日期起', paidTo: '缴费日期止',
    },
  },
  receipts: {
    name: '电子收据 |||| 电子收据',
    fields: { id: 'ID', receiptNo: '收据号', paymentId: '缴费记录', ...home, regionCode: '所在地区', amountFen: '金额（分）', lines: '缴费明细', method: '收款方式', refundedFen: '已退（分）', companyName: '收款单位', issuedAt: '开具时间' },
  },
  'fees-collection': { name: '物业费收缴率 |||| 物业费收缴率', fields: {} },
} as const;
