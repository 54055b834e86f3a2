import { z } from 'zod';
import { intId, text } from '../places/fields';
import { STAFF_ROLES } from './roles';

export const loginSchema = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(40, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(200, '密码过长'),
  /** The authenticator's 6-digit code, or a recovery code, when the account has a second factor (issue 17). */
  otp: z.string({ error: '验证码必须是文字' }).trim().min(1, '请输入验证码').max(40, '验证码过长').optional(),
});

/**
 * POST /api/auth/totp/confirm: the first code the authenticator shows for the new secret. Replacing
 * a factor already in force also takes proof of it: `currentOtp` (the current authenticator's code
 * or a recovery code) or `currentPassword` (issue 17).
 */
export const totpConfirmSchema = z.strictObject({
  otp: z
    .string({ error: '请输入验证码' })
    .trim()
    .regex(/^\d{6}$/, '请输入6位数字验证码'),
  currentOtp: z.string({ error: '验证码必须是文字' }).trim().min(1, '请输入当前验证码').max(40, '验证码过长').optional(),
  currentPassword: z.string({ error: '密码必须是文字' }).min(1, '请输入当前密码').max(200, '密码过长').optional(),
});

export const wechatLoginSchema = z.strictObject({
  code: z.string({ error: '缺少微信登录凭证' }).min(1, '缺少微信登录凭证').max(200, '登录凭证无效'),
});

export const devLoginSchema = z.strictObject({
  openid: z.string({ error: '缺少openid' }).regex(/^[A-Za-z0-9_-]{6,64}$/, 'openid格式无效'),
  name: z.string().trim().max(40, '昵称过长').optional(),
});

/** Length and classes are the settings' rule (passwordPolicy.ts), checked by the server with the username. */
const password = z.string({ error: '密码必须是文字' }).min(1, '请输入密码').max(100, '密码过长');

export const userCreateSchema = z.strictObject({
  username: z
    .string({ error: '用户名必须是文字' })
    .trim()
    .regex(/^[a-z0-9_]{3,32}$/, '用户名须为3–32位小写字母、数字或下划线'),
  name: text('姓名', 40),
  role: z.enum(STAFF_ROLES, { error: '角色不在可选范围内' }),
  /** Required for every role but company staff (checked with the role on the server). */
  regionCode: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/, '所属地区必须是6、9或12位代码')
    .nullish(),
  companyId: intId('所属企业').nullish(),
  disabled: z.boolean().default(false),
  password,
});
/** POST /api/auth/password: one's own password; the new one follows the same rule as an account's. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(200, '密码过长'),
  newPassword: password,
});
export const userUpdateSchema = userCreateSchema.partial().extend({ password: password.optional() });
