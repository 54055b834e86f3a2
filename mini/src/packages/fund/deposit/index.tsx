import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { createPayment, formatYuan, listMyLedgers, parseYuan, simulatePay, type FundLedger } from '../../../services/fund';
import { requestWechatPayment, type PayOrderCreated } from '../../../services/fees';
import { request } from '../../../services/request';
import '../fund.scss';

// In WeChat the payment provider's own sheet takes the payment; in H5 and development the local
// provider's pay step stands in for it.
const localProvider = process.env.TARO_ENV === 'h5' || process.env.NODE_ENV !== 'production';

function amountError(text: string): string | null {
  if (text.trim() === '') return '请输入交存金额';
  const fen = parseYuan(text);
  if (fen === null) return '金额应为数字，最多两位小数';
  if (fen === 0) return '金额应大于零';
  return null;
}

/** Online self-deposit: order → pay → the callback posts a self_deposit; the balance refreshes. */
export default function FundDepositPage() {
  const householdId = Number(useRouter().params.householdId);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [ledger, setLedger] = useState<FundLedger | null>(null);
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [paidFen, setPaidFen] = useState<number | null>(null);

  const load = async () => {
    try {
      const [l] = await listMyLedgers(householdId);
      setLedger(l ?? null);
      // A home owing its first deposit is asked for exactly that amount (issue 16 §2).
      if (l && l.firstDepositOwedFen > 0) setAmount((a) => a || formatYuan(l.firstDepositOwedFen).replace(/,/g, ''));
    } catch {
      setLoggedIn(isLoggedIn());
    }
  };

  useDidShow(() => {
    if (isLoggedIn()) load();
  });

  const suggestions = ledger ? suggestAmounts(ledger) : [];
  const error = touched ? amountError(amount) : null;

  const pay = async () => {
    setTouched(true);
    if (amountError(amount)) return;
    const fen = parseYuan(amount)!;
    const { confirm } = await Taro.showModal({ title: '确认交存', content: `向本户维修资金交存 ${formatYuan(fen)} 元` });
    if (!confirm) return;
    setBusy(true);
    try {
      const payment = await createPayment(householdId, fen);
      const wechat = (payment as typeof payment & { payment?: PayOrderCreated }).payment;
      if (localProvider) await simulatePay(payment.paymentId);
      else if (wechat) {
        // WeChat Pay's sheet (issue 13); the deposit is booked when WeChat's notification arrives.
        await requestWechatPayment(wechat);
        for (let i = 0; i < 15 && (await request<{ status: string }>(`/fund-payments/${payment.paymentId}`, { loading: false })).status === 'pending'; i++) {
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      setPaidFen(fen);
      setAmount('');
      setTouched(false);
      await load();
      Taro.showToast({ title: '交存成功', icon: 'success' });
    } catch {
      // The request wrapper already showed the server's reason.
    } finally {
      setBusy(false);
    }
  };

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后交存维修资金"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (!ledger) return <View className="page" />;

  return (
    <View className="page">
      <View className="card">
        <Text className="fund-room">{`${ledger.buildingName} ${ledger.unitName ?? ''} ${ledger.room}`}</Text>
        <View className="muted">当前余额（元）</View>
        <Text className="fund-balance" data-testid="fund-balance">
          {formatYuan(ledger.balanceFen)}
        </Text>
        {paidFen !== null && <View className="fund-plus" data-testid="fund-paid">{`已交存 ${formatYuan(paidFen)} 元`}</View>}
        {ledger.firstDepositOwedFen > 0 && <View className="fund-owed">{`本户尚未首次交存，应交 ${formatYuan(ledger.firstDepositOwedFen)} 元`}</View>}
      </View>
      <View className="card">
        <Text className="fund-section">交存金额（元）</Text>
        {suggestions.length > 0 && (
          <View className="fund-quick">
            {suggestions.map(([label, fen]) => (
              <View
                className="fund-quick-item"
                key={label}
                onClick={() => {
                  setAmount(formatYuan(fen).replace(/,/g, ''));
                  setTouched(true);
                }}
              >
                {`${label} ${formatYuan(fen)}`}
              </View>
            ))}
          </View>
        )}
        <Input
          className="fund-input"
          type="digit"
          placeholder="输入金额，如 500.00"
          value={amount}
          onInput={(e) => {
            setAmount(e.detail.value);
            setTouched(true);
          }}
        />
        {error && <View className="fund-error">{error}</View>}
        <Button className="btn-primary" loading={busy} disabled={busy} onClick={pay}>
          确认交存
        </Button>
        <View className="muted">交存后资金进入小区维修资金专户，记入本户分户账。</View>
      </View>
    </View>
  );
}

/** The first deposit owed; else a top-up to 30% or to the full first deposit, when the balance is below it. */
function suggestAmounts(l: FundLedger): [string, number][] {
  if (l.firstDepositOwedFen > 0) return [['首次交存', l.firstDepositOwedFen]];
  const out: [string, number][] = [];
  const toFull = l.firstDepositFen - l.balanceFen;
  if (l.topUpDue) {
    const toThreshold = Math.ceil((l.firstDepositFen * 3) / 10) - l.balanceFen;
    if (toThreshold > 0) out.push(['补足至30%', toThreshold]);
  }
  if (toFull > 0) out.push(['补足至首次交存额', toFull]);
  return out;
}
