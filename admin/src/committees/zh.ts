// Resource and field names of the committee resources; also the Excel column headers.
// Registered in i18n/zh.ts's resourcesZh.
export const committeesZh = {
  committees: {
    name: '业主组织 |||| 业主组织',
    fields: {
      id: 'ID',
      compoundId: '小区',
      compoundName: '小区',
      regionCode: '所属社区',
      kind: '类型',
      status: '状态',
      electedAt: '选举日期',
      termStart: '任期开始',
      termEnd: '任期届满',
      filedAt: '备案日期',
      memberCount: '委员人数',
      partyMemberCount: '党员人数',
      lastDisclosureAt: '最近公开',
      alerts: '预警',
      members: '委员',
    },
  },
  'committee-members': {
    name: '业委会委员 |||| 业委会委员',
    fields: {
      id: 'ID',
      committeeId: '业主组织',
      compoundId: '小区',
      ownerId: '业主',
      name: '姓名',
      phone: '手机号',
      regionCode: '所属社区',
      role: '职务',
      partyMember: '党员',
      crossAppointment: '交叉任职',
      termStart: '任期开始',
      termEnd: '任期届满',
    },
  },
  'committee-formation': {
    name: '业委会组建率 |||| 业委会组建率',
    fields: {
      code: '区划代码',
      name: '区划',
      residential: '住宅小区数',
      withCommittee: '已成立业委会（物管会）',
      rate: '组建率',
      target: '年度目标',
      met: '是否达标',
    },
  },
} as const;
