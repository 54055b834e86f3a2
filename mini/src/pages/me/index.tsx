import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../components/LoginPanel';
import { isLoggedIn } from '../../services/auth';
import { listMyClaims, withdrawClaim, type HouseholdClaim } from '../../services/places';
// The mini build does not compile @baotou/shared's TypeScript: labels mirror CLAIM_STATUS_LABELS there.
import { CLAIM_STATUS_LABEL } from '../../utils/labels';
import './index.scss';

/** Why a claim ended, as the resident reads it. */
const ENDED_REASON_LABEL: Record<string, string> = { rejected: '驳回原因', revoked: '解除原因', withdrawn: '撤回说明' };

export default function MePage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [claims, setClaims] = useState<HouseholdClaim[] | null>(null);

  const load = async () => {
    try {
      setClaims(await listMyClaims());
    } catch {
      // The wrapper already showed why; keep the last list.
      setLoggedIn(isLoggedIn());
    }
  };

  useDidShow(() => {
    if (isLoggedIn()) load();
  });
  const withdraw = async (c: HouseholdClaim) => {
    const { confirm } = await Taro.showModal({
      title: '撤回绑定',
      content: `撤回后将不能再以该房屋查看维修资金、参加表决或报事报修。确定撤回 ${c.buildingName} ${c.unitName} ${c.room} 吗？`,
      confirmText: '撤回',
    });
    if (!confirm) return;
    try {
      await withdrawClaim(c.id);
      Taro.showToast({ title: '已撤回', icon: 'success' });
    } finally {
      load();
    }
  };

  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后查看您绑定的房屋"
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
      {claims && claims.length === 0 && <View className="empty">还没有绑定房屋</View>}
      {claims?.map((c) => (
        <View className="card claim" key={c.id}>
          <View className="claim-head">
            <Text className="claim-room">{`${c.buildingName} ${c.unitName} ${c.room}`}</Text>
            <Text className={`status status-${c.status}`}>{CLAIM_STATUS_LABEL[c.status] ?? c.status}</Text>
          </View>
          <View className="muted">{c.compoundName}</View>
          <View className="muted">{`业主：${c.name}  ${c.phone}`}</View>
          {c.status !== 'pending' && c.status !== 'verified' && c.reason && (
            <View className="claim-reason">{`${ENDED_REASON_LABEL[c.status]}：${c.reason}`}</View>
          )}
          {c.status === 'verified' && (
            <Button
              className="btn-plain claim-withdraw"
              size="mini"
              onClick={() => Taro.navigateTo({ url: `/packages/places/members/index?householdId=${c.householdId}` })}
            >
              家庭成员与租户
            </Button>
          )}
          {c.status === 'verified' && (
            <Button
              className="btn-plain claim-withdraw"
              size="mini"
              onClick={() => Taro.navigateTo({ url: `/packages/fees/index/index?householdId=${c.householdId}` })}
            >
              物业缴费
            </Button>
          )}
          {(c.status === 'pending' || c.status === 'verified') && (
            <Button className="btn-plain claim-withdraw" size="mini" onClick={() => withdraw(c)}>
              撤回绑定
            </Button>
          )}
        </View>
      ))}
      <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
        绑定房屋
      </Button>
    </View>
  );
}
