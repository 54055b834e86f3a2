import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { formatYuan, getReceipt, PAYMENT_METHOD_LABELS, periodLabel, type Receipt } from '../../../services/fees';
import { formatTime } from '../../../services/disclosures';
import '../fees.scss';

/** An electronic receipt: its number, the home, each bill paid, the total; printable in H5. */
export default function ReceiptPage() {
  const id = Number(useRouter().params.id);
  const [r, setR] = useState<Receipt | null>(null);
  useDidShow(() => {
    getReceipt(id).then(setR, () => undefined);
  });
  if (!r) return <View className="page" />;
  return (
    <View className="page">
      <View className="card">
        <Text className="fees-section">物业费电子收据</Text>
        <View className="muted">收据编号</View>
        <Text className="fees-receipt-no" data-testid="receipt-no">
          {r.receiptNo}
        </Text>
        <View className="muted">{`${r.compoundName} ${r.buildingName} ${r.unitName ?? ''} ${r.room}`}</View>
        <View className="muted">{`收款单位：${r.companyName}`}</View>
        <View className="muted">{`${PAYMENT_METHOD_LABELS[r.method]}  ${formatTime(r.issuedAt)}`}</View>
      </View>
      <View className="card">
        {r.lines.map((l) => (
          <View className="fees-receipt-line" key={l.billId}>
            <Text>{`${l.feeItemName} ${periodLabel(l)}`}</Text>
            <Text>{`¥${formatYuan(l.amountFen)}`}</Text>
          </View>
        ))}
        <View className="fees-total">
          <Text>合计</Text>
          <Text className="fees-total-num" data-testid="receipt-total">{`¥${formatYuan(r.amountFen)}`}</Text>
        </View>
        {r.refundedFen > 0 && <View className="muted">{`已退款 ¥${formatYuan(r.refundedFen)}`}</View>}
      </View>
      {process.env.TARO_ENV === 'h5' && (
        <Button className="btn-plain fees-no-print" onClick={() => window.print()}>
          打印收据
        </Button>
      )}
    </View>
  );
}
