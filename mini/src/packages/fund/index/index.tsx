import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { FUND_LEDGER_STATUS_LABELS } from '@baotou/shared/src/fund/ledgerStatusLabels';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { formatYuan, listMyLedgers, type FundLedger } from '../../../services/fund';
import { listMyClaims } from '../../../services/places';
import '../fund.scss';

/** Every verified home's maintenance-fund sub-ledger: balance at a glance; tap for the history. */
export default function FundHomePage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [ledgers, setLedgers] = useState<FundLedger[] | null>(null);
  const [verified, setVerified] = useState(0);

  const load = async () => {
    try {
      const [list, claims] = await Promise.all([listMyLedgers(), listMyClaims()]);
      setLedgers(list);
      setVerified(claims.filter((c) => c.status === 'verified').length);
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

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后查看您房屋的维修资金"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }

  return (
    <View className="page">
      {ledgers && ledgers.length === 0 && (
        <View className="card">
          <View className="empty">{verified ? '您的房屋暂未建立维修资金分户账' : '认证房屋后可查看维修资金'}</View>
          {!verified && (
            <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
              绑定房屋
            </Button>
          )}
        </View>
      )}
      {ledgers?.map((l) => (
        <View
          className="card fund-ledger"
          key={l.id}
          data-household={l.householdId}
          onClick={() => Taro.navigateTo({ url: `/packages/fund/ledger/index?householdId=${l.householdId}` })}
        >
          <View>
            <Text className="fund-room">{`${l.buildingName} ${l.unitName ?? ''} ${l.room}`}</Text>
          </View>
          <View className="muted">
            维修资金余额（元）
            {l.status !== 'normal' && (
              <Text className="fund-due" data-testid="fund-status">
                {FUND_LEDGER_STATUS_LABELS[l.status]}
              </Text>
            )}
          </View>
          <Text className="fund-balance">{formatYuan(l.balanceFen)}</Text>
          {l.firstDepositOwedFen > 0 && (
            <View className="fund-owed" data-testid="fund-owed">{`本户尚未首次交存，应交 ${formatYuan(l.firstDepositOwedFen)} 元`}</View>
          )}
          <View className="muted">{`首次交存 ${formatYuan(l.firstDepositFen)} · 收益 ${formatYuan(l.earnedFen)} · 使用 ${formatYuan(l.usedFen)}`}</View>
          {/* The page's actions at a glance (issue 16 §4); taps here do not open the card's history twice. */}
          <View className="fund-actions">
            <Button
              className="btn-plain fund-action"
              onClick={(e) => {
                e.stopPropagation();
                Taro.navigateTo({ url: `/packages/fund/ledger/index?householdId=${l.householdId}` });
              }}
            >
              收支明细
            </Button>
            <Button
              className="btn-primary fund-action"
              data-testid="fund-pay"
              onClick={(e) => {
                e.stopPropagation();
                Taro.navigateTo({ url: `/packages/fund/deposit/index?householdId=${l.householdId}` });
              }}
            >
              {l.firstDepositOwedFen > 0 ? '去交存首次维修资金' : l.status === 'top_up_due' ? '去续交' : '自助交存'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
