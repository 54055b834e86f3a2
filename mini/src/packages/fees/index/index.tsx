import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import {
  BILL_STATUS_LABELS,
  createPayOrder,
  formatYuan,
  listBills,
  listFeePayments,
  oldestFirst,
  PAYMENT_METHOD_LABELS,
  periodLabel,
  requestWechatPayment,
  waitPaid,
  type Bill,
  type FeePayment,
} from '../../../services/fees';
import { formatTime } from '../../../services/disclosures';
import '../fees.scss';

// In WeChat the payment sheet takes the payment; the H5 build opens the development stand-in page.
const weapp = process.env.TARO_ENV === 'weapp';

/** A home's bills: the open ones to pay (all chosen, oldest first, by default), then what was paid. */
export default function FeesPage() {
  const householdId = Number(useRouter().params.householdId);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [bills, setBills] = useState<Bill[] | null>(null);
  const [payments, setPayments] = useState<FeePayment[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [b, p] = await Promise.all([listBills(householdId), listFeePayments(householdId)]);
      setBills(b);
      setPayments(p);
      setChosen(new Set(b.filter((x) => x.status === 'unpaid' || x.status === 'partly_paid').map((x) => x.id)));
    } catch {
      setLoggedIn(isLoggedIn());
    }
  };
  useDidShow(() => {
    if (isLoggedIn()) load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  const open = oldestFirst((bills ?? []).filter((b) => b.status === 'unpaid' || b.status === 'partly_paid'));
  const closed = (bills ?? []).filter((b) => b.status === 'paid' || b.status === 'reversed').reverse();
  const totalFen = open.filter((b) => chosen.has(b.id)).reduce((s, b) => s + b.owedFen, 0);

  const toggle = (id: number) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const pay = async () => {
    const ids = open.filter((b) => chosen.has(b.id)).map((b) => b.id);
    if (!ids.length) {
      Taro.showToast({ title: '请选择要缴纳的账单', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const order = await createPayOrder(ids);
      if (!weapp) {
        Taro.navigateTo({ url: `/packages/fees/pay/index?orderId=${order.orderId}&amountFen=${order.amountFen}` });
        return;
      }
      try {
        await requestWechatPayment(order);
      } catch {
        Taro.showToast({ title: '已取消支付', icon: 'none' });
        return;
      }
      const paid = await waitPaid(order.orderId);
      if (paid.receiptId) Taro.redirectTo({ url: `/packages/fees/receipt/index?id=${paid.receiptId}` });
      else Taro.showToast({ title: '支付结果确认中，请稍后刷新', icon: 'none' });
    } catch {
      // The request wrapper already showed the server's reason.
    } finally {
      setBusy(false);
      load();
    }
  };

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后查看并缴纳物业费"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (!bills) return <View className="page" />;

  return (
    <View className="page">
      <View className="card">
        <Text className="fees-section">待缴账单</Text>
        {open.length === 0 && <View className="empty">没有待缴的账单</View>}
        {open.map((b) => (
          <View className="fees-bill" key={b.id} data-testid={`bill-${b.id}`} onClick={() => toggle(b.id)}>
            <View className={`fees-check ${chosen.has(b.id) ? 'fees-check-on' : ''}`} />
            <View className="fees-bill-main">
              <Text className="fees-bill-name">{`${b.feeItemName} ${periodLabel(b)}`}</Text>
              <View className="muted">
                {BILL_STATUS_LABELS[b.status]}
                {b.overdueDays > 0 && <Text className="fees-overdue">{` 已逾期${b.overdueDays}天`}</Text>}
              </View>
            </View>
            <Text className="fees-bill-amount">{`¥${formatYuan(b.owedFen)}`}</Text>
          </View>
        ))}
        {open.length > 0 && (
          <>
            <View className="fees-total">
              <Text>{`已选 ${open.filter((b) => chosen.has(b.id)).length} 张，合计`}</Text>
              <Text className="fees-total-num" data-testid="fees-total">{`¥${formatYuan(totalFen)}`}</Text>
            </View>
            <Button className="btn-primary" loading={busy} disabled={busy || totalFen === 0} onClick={pay}>
              微信支付
            </Button>
            <View className="muted">默认先缴最早的账单；可点选要缴纳的账单。线上缴费须缴清所选账单。</View>
          </>
        )}
      </View>
      <View className="card">
        <Text className="fees-section">缴费记录</Text>
        {payments.length === 0 && <View className="empty">还没有缴费记录</View>}
        {payments.map((p) => (
          <View className="fees-bill" key={p.id}>
            <View className="fees-bill-main">
              <Text className="fees-bill-name">{`${PAYMENT_METHOD_LABELS[p.method]} ${formatTime(p.paidAt)}`}</Text>
              {p.refundedFen > 0 && <View className="muted">{`已退款 ¥${formatYuan(p.refundedFen)}`}</View>}
              {p.receiptId && (
                <Text className="fees-link" onClick={() => Taro.navigateTo({ url: `/packages/fees/receipt/index?id=${p.receiptId}` })}>
                  {`收据 ${p.receiptNo}`}
                </Text>
              )}
            </View>
            <Text className="fees-bill-amount fees-paid">{`¥${formatYuan(p.amountFen)}`}</Text>
          </View>
        ))}
      </View>
      {closed.length > 0 && (
        <View className="card">
          <Text className="fees-section">历史账单</Text>
          {closed.map((b) => (
            <View className="fees-bill" key={b.id}>
              <View className="fees-bill-main">
                <Text className="fees-bill-name">{`${b.feeItemName} ${periodLabel(b)}`}</Text>
                <View className="muted">{BILL_STATUS_LABELS[b.status]}</View>
              </View>
              <Text className="fees-bill-amount">{`¥${formatYuan(b.amountFen)}`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
