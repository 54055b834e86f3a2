export interface OwnerInput {
  name: string
  phone: string
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_RE = /^1[3-9]\d{9}$/

/** As the API's claim schema (@baotou/shared claimCreateSchema: name ≤ 40 characters after trimming). */
export const NAME_MAX = 40

/**
 * Field → Chinese message; empty when the input can be submitted. A mirror of the API's rule (the
 * mini build compiles mini/src only); test/weapp/bind-validate.test.ts checks that the two agree.
 */
export function validateOwner({ name, phone }: OwnerInput): Partial<Record<keyof OwnerInput, string>> {
  const errors: Partial<Record<keyof OwnerInput, string>> = {}
  const n = name.trim()
  if (!n) errors.name = '请输入业主姓名'
  else if (n.length > NAME_MAX) errors.name = '姓名过长'
  const p = phone.trim()
  if (!p) errors.phone = '请输入手机号'
  else if (!/^\d{11}$/.test(p)) errors.phone = '手机号应为11位数字'
  else if (!MOBILE_RE.test(p)) errors.phone = '手机号格式不正确'
  return errors
}
