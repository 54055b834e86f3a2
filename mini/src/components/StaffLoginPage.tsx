import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { ApiError } from '../services/request';
import { validateLogin } from './staffLogin';

interface Props {
  /** The card's title: what the staff sign in to do. */
  title: string;
  /** Which console accounts may sign in here. */
  hint: string;
  /** The package's login call: keeps the token where that package's requests read it. */
  login: (username: string, password: string) => Promise<unknown>;
  /** Where the page goes once signed in (the URL it redirects to). */
  next: () => string;
}

/**
 * The one staff sign-in page of the mini: inspectors, community and property staff sign in with
 * their console account (residents keep the WeChat login). Packages differ only in `login` and `next`.
 */
export function StaffLoginPage({ title, hint, login, next }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problems = validateLogin({ username, password });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await login(username, password);
      Taro.redirectTo({ url: next() });
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields ?? { form: e.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{title}</Text>
        <View className="field">
          <Text className="field-label">用户名</Text>
          <Input className="field-input" value={username} placeholder="请输入用户名" onInput={(e) => setUsername(e.detail.value)} />
          {errors.username && <View className="field-error">{errors.username}</View>}
        </View>
        <View className="field">
          <Text className="field-label">密码</Text>
          <Input className="field-input" password value={password} placeholder="请输入密码" onInput={(e) => setPassword(e.detail.value)} onConfirm={submit} />
          {errors.password && <View className="field-error">{errors.password}</View>}
        </View>
        {errors.form && <View className="field-error">{errors.form}</View>}
        <View className="login-hint">{hint}</View>
      </View>
      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
        登录
      </Button>
    </View>
  );
}
