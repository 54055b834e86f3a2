// A leaf module (no imports): the audit log's export columns read these while shared's modules load.

/** The audit log's columns as the console's table and the .xlsx export head them. */
export const AUDIT_LOG_FIELD_LABELS = {
  id: 'ID',
  actorId: '操作人ID',
  actorName: '操作人',
  action: '操作',
  entity: '对象类型',
  entityId: '对象ID',
  before: '修改前',
  after: '修改后',
  changes: '变更内容',
  ip: '来源地址',
  userAgent: '客户端',
  seq: '审计链序号',
  at: '时间',
  regionCode: '所属区划',
} as const;
