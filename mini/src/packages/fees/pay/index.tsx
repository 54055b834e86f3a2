import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { formatYuan, standInPay, waitPaid } from '../../../services/fees';
import '../fees.scss';

/**
 * The H5 build's stand-in for WeChat's payment sheet (development only; the server offers the step
 * only with WeChat Pay's local stand-in): paying asks the stand-in to pay the order, and the
 * stand-in sends its signed notification to the server, exactly as WeChat would.
 */
export default function StandInPayPage() {
  const params = useRouter().params;
  const orderId = Number(params.orderId);
  const amountFen = Number(params.amountFen);
  const [busy, setBusy] = useState(false);

  const pay = async () => {
    setBusy(true);
    try {
      await standInPay(orderId);
      const paid = await waitPaid(orderId);
      if (paid.receiptId) Taro.redirectTo({ url: `/packages/fees/receipt/index?id=${paid.receiptId}` });
      else Taro.showToast({ title: '支付结果确认中，请稍后刷新', icon: 'none' });
    } catch {
      // The request wrapper already showed the server's reason.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card fees-stand-in">
        <View className="muted">开发环境：本页代替微信支付收银台</View>
        <Text className="fees-stand-in-amount">{`¥${formatYuan(amountFen)}`}</Text>
        <Button className="btn-primary" loading={busy} disabled={busy} onClick={pay}>
          确认支付
        </Button>
        <Button className="btn-plain" onClick={() => Taro.navigateBack()}>
          取消
        </Button>
      </View>
    </View>
  );
}
