import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';

import { devLogin, devLoginAvailable, login } from '../services/auth';

interface Props {
  /** Why the page needs the resident to log in, shown above the button. */
  reason: string;
  onLoggedIn: () => void;
}

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Shown by pages that need a resident. In WeChat it logs in silently (wx.login → code);
 * in a browser it offers the development login when the server allows it.
 */
export function LoginPanel({ reason, onLoggedIn }: Props) {
  const [busy, setBusy] = useState(!isH5);
  const [failed, setFailed] = useState(false);
  const [devAllowed, setDevAllowed] = useState<boolean | null>(null);
  const [optionsFailed, setOptionsFailed] = useState(false);

  // A network hiccup is not "open this in WeChat": offer to ask again.
  const checkDevLogin = useCallback(() => {
    setOptionsFailed(false);
    devLoginAvailable().then(setDevAllowed, () => setOptionsFailed(true));
  }, []);

  // Pages pass a new onLoggedIn each render; the login started on mount calls the latest one.
  const loggedIn = useRef(onLoggedIn);
  useEffect(() => {
    loggedIn.current = onLoggedIn;
  });

  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setFailed(false);
    try {
      await fn();
      loggedIn.current();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (isH5) {
      checkDevLogin();
    } else {
      run(login);
    }
  }, [checkDevLogin, run]);

  return (
    <View className="card login-panel">
      <Text className="card-title">请先登录</Text>
      <View className="muted" style={{ marginBottom: '24px' }}>
        {reason}
      </View>
      {isH5 ? (
        optionsFailed ? (
          <Button className="btn-primary" onClick={checkDevLogin}>
            网络异常，点击重试
          </Button>
        ) : devAllowed === false ? (
          <View className="muted">请在微信中打开“包头智慧物业”小程序</View>
        ) : (
          <Button className="btn-primary" loading={busy} disabled={busy || devAllowed === null} onClick={() => run(() => devLogin())}>
            微信登录（开发）
          </Button>
        )
      ) : (
        <Button className="btn-primary" loading={busy} disabled={busy} onClick={() => run(login)}>
          {failed ? '重新登录' : '微信一键登录'}
        </Button>
      )}
    </View>
  );
}
