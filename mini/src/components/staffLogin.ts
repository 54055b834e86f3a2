type Errors<K extends string> = Partial<Record<K, string>>;

/** The staff login form's own checks, in Chinese on the field, before anything is sent. */
export function validateLogin({ username, password }: { username: string; password: string }): Errors<'username' | 'password'> {
  const e: Errors<'username' | 'password'> = {};
  if (!username.trim()) e.username = '请输入用户名';
  if (!password) e.password = '请输入密码';
  return e;
}
