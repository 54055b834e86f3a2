// Pure rules of the field-staff pages (tested in node by test/weapp/workorders-rules.test.ts).
// The mini build compiles only mini/src, so the company-staff part of TICKET_TRANSITIONS is mirrored
// here; the test checks the mirror against shared's checkTransition for every status, level and kind.

export const MAX_RESULT_PHOTOS = 9
export const MOBILE_RE = /^1[3-9]\d{9}$/

/** The actions field staff take in the mini-program, in the order they usually come. */
export const STAFF_ACTIONS = ['accept', 'dispatch', 'start', 'resolve'] as const
export type StaffAction = (typeof STAFF_ACTIONS)[number]

export interface WorkorderState {
  kind: string
  level: string
  status: string
}

/** TICKET_TRANSITIONS (shared/src/tickets/transitions.ts) for a company_staff handler. */
const STAFF_RULES: Record<StaffAction, { from: string[]; repairOnly?: boolean }> = {
  accept: { from: ['submitted'] },
  dispatch: { from: ['submitted', 'accepted', 'dispatched', 'in_progress'], repairOnly: true },
  start: { from: ['accepted', 'dispatched'] },
  resolve: { from: ['accepted', 'dispatched', 'in_progress'] },
}

/** What company staff may do now: they handle a ticket only while it is at the company level. */
export function staffActions(t: WorkorderState): StaffAction[] {
  if (t.level !== 'company') return []
  return STAFF_ACTIONS.filter((a) => STAFF_RULES[a].from.includes(t.status) && (!STAFF_RULES[a].repairOnly || t.kind === 'repair'))
}

/**
 * After the work is done the case waits for the resident (DOMAIN.md §6; shared TICKET_TRANSITIONS:
 * only the resident, or the automatic confirmation, moves 待评价 on, and only then may it close).
 * What field staff are told about that wait; empty while the work is theirs or the case is closed.
 */
export function residentStepText(t: WorkorderState & { autoConfirmAt?: string | null }, when: (iso: string) => string): string {
  if (t.status === 'resolved') return t.autoConfirmAt ? `等待居民评价，${when(t.autoConfirmAt)}前未评价将自动确认` : '等待居民评价'
  if (t.status === 'confirmed') return '居民已确认，待结案'
  return ''
}

type Errors<K extends string> = Partial<Record<K, string>>

export function validateLogin({ username, password }: { username: string; password: string }): Errors<'username' | 'password'> {
  const e: Errors<'username' | 'password'> = {}
  if (!username.trim()) e.username = '请输入用户名'
  if (!password) e.password = '请输入密码'
  return e
}

export function validateDispatch({ workerName, workerPhone }: { workerName: string; workerPhone: string }): Errors<'workerName' | 'workerPhone'> {
  const e: Errors<'workerName' | 'workerPhone'> = {}
  const name = workerName.trim()
  if (!name) e.workerName = '请输入维修人员姓名'
  else if (name.length > 40) e.workerName = '维修人员姓名不能超过40个字'
  const phone = workerPhone.trim()
  if (phone && !/^\d{11}$/.test(phone)) e.workerPhone = '手机号应为11位数字'
  else if (phone && !MOBILE_RE.test(phone)) e.workerPhone = '手机号格式不正确'
  return e
}

export function validateResolve({ result, photoCount }: { result: string; photoCount: number }): Errors<'result' | 'photos'> {
  const e: Errors<'result' | 'photos'> = {}
  const text = result.trim()
  if (!text) e.result = '请填写处理结果'
  else if (text.length > 1000) e.result = '处理结果不能超过1000个字'
  if (photoCount > MAX_RESULT_PHOTOS) e.photos = `完工照片最多${MAX_RESULT_PHOTOS}张`
  return e
}

/** "剩余 2 天 3 小时" / "剩余 45 分钟" / "已超时 1 小时 5 分钟"; empty when nothing is due. */
export function timeLeftText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return ''
  const abs = Math.abs(seconds)
  const d = Math.floor(abs / 86400)
  const h = Math.floor((abs % 86400) / 3600)
  const m = Math.floor((abs % 3600) / 60)
  const span = d > 0 ? `${d} 天 ${h} 小时` : h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`
  return seconds < 0 ? `已超时 ${span}` : `剩余 ${span}`
}

/** The queue order: least time left first (overdue at the top), then oldest; nothing due goes last. */
export function byTimeLeft<T extends { id: number; timeLeftSeconds: number | null }>(a: T, b: T): number {
  const x = a.timeLeftSeconds
  const y = b.timeLeftSeconds
  if (x === null && y === null) return a.id - b.id
  if (x === null) return 1
  if (y === null) return -1
  return x - y || a.id - b.id
}
