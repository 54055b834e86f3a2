import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** What a compound's page shows when no compound has been scanned yet: the way to the scanner. */
export function ScanFirst() {
  return (
    <View className="page">
      <View className="empty">请先扫描小区二维码进入小区</View>
      <Button className="btn-primary" onClick={() => Taro.redirectTo({ url: '/pages/scan/index' })}>
        去扫码
      </Button>
    </View>
  );
}
