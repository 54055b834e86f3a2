// Resource and field names of the vote resource; also the Excel column headers.
export const votesZh = {
  votes: {
    name: '业主表决 |||| 业主表决',
    fields: {
      id: 'ID',
      compoundId: '小区',
      compoundName: '小区',
      regionCode: '所属社区',
      committeeId: '发起组织',
      title: '标题',
      description: '说明',
      matter: '表决事项',
      kind: '类型',
      scopeType: '表决范围',
      scopeIds: '范围（楼栋/单元）',
      opensAt: '开始时间',
      closesAt: '截止时间',
      status: '状态',
      followMajority: '从众条款',
      eligibleCount: '应投票房屋数',
      ballotCount: '已投票房屋数',
      turnout: '投票率',
      createdAt: '创建时间',
    },
  },
} as const;
