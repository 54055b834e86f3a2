/** The mini-program's bind form checks (a mirror, run in node) agree with the API's claim schema in @baotou/shared. */
import { validateOwner } from '../../mini/src/packages/places/bind/validate'
import { claimCreateSchema } from '../../shared/src/places/schemas'

const names = ['张三', ' 李四 ', '欧阳·娜娜', '', '   ', '张'.repeat(32), '张'.repeat(33), '张'.repeat(40), '张'.repeat(41)]
const phones = ['13800138000', ' 13800138000 ', '19912345678', '12800138000', '1380013800', '138001380000', '1380013800a', '04722345678', '', '１３８００１３８０００']

describe('bind form (mini) and claim schema (API) accept the same input', () => {
  test.each(names)('name %j', (name) => {
    const api = claimCreateSchema.shape.name.safeParse(name).success
    expect(validateOwner({ name, phone: '13800138000' }).name === undefined).toBe(api)
  })

  test.each(phones)('phone %j', (phone) => {
    const api = claimCreateSchema.shape.phone.safeParse(phone).success
    expect(validateOwner({ name: '张三', phone }).phone === undefined).toBe(api)
  })
})
