import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';

import { currentCompound, getCompoundByCode, rememberCompound } from '../../services/places';
import { readScene, sceneFromUrl } from './scene';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';

export default function ScanPage() {
  const [status, setStatus] = useState<'loading' | 'idle' | 'error'>('loading');
  const [message, setMessage] = useState('');
  const remembered = currentCompound();

  const enter = async (code: string) => {
    setStatus('loading');
    try {
      // The page shows the reason itself, so no toast on top of it.
      rememberCompound(await getCompoundByCode(code, { toast: false }));
      Taro.redirectTo({ url: '/pages/home/index' });
    } catch (e) {
      setMessage((e as Error).message || '未找到该小区');
      setStatus('error');
    }
  };

  useLoad((params) => {
    const launchQuery = isH5 ? undefined : Taro.getLaunchOptionsSync?.()?.query;
    const code = readScene(params as Record<string, string>, launchQuery);
    if (code) enter(code);
    else setStatus('idle');
  });

  const scan = async () => {
    try {
      const res = await Taro.scanCode({});
      const code = sceneFromUrl((res && (res.path || res.result)) || '');
      if (code) enter(code);
      else Taro.showToast({ title: '这不是小区二维码', icon: 'none' });
    } catch {
      // The resident cancelled the scan.
    }
  };

  return (
    <View className="page">
      <View className="scan-hero">
        <Text className="scan-title">包头智慧物业</Text>
        {status === 'loading' && <View className="muted">正在进入小区…</View>}
        {status === 'idle' && <View className="muted">请扫描小区门口的二维码进入</View>}
        {status === 'error' && <View className="muted">{message}，请重新扫描小区二维码</View>}
      </View>
      {status !== 'loading' && (
        <View>
          {!isH5 && (
            <Button className="btn-primary" onClick={scan}>
              扫码进入小区
            </Button>
          )}
          {remembered && (
            <Button className="btn-plain" onClick={() => Taro.redirectTo({ url: '/pages/home/index' })}>
              进入 {remembered.name}
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
