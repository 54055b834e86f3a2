import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { currentCompound } from '../../../services/places';
import { committeeFees, percent, urgeDefaulters, yuan, type CommitteeFees } from './api';
import '../committees.scss';

/**
 * For members of the compound's committee (DOMAIN.md §12; action plan 四(三)2): this year's
 * collection rate and the long-term defaulters, shown only as room and amount, with a 催缴 reminder
 * the platform records. The committee urges; nothing here cuts a service (Civil Code Art. 944).
 */
export default function DefaultersPage() {
  const compound = currentCompound();
  const [data, setData] = useState<CommitteeFees | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!compound) return;
    try {
      setData(await committeeFees(compound.id));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  const urge = async (householdId: number) => {
    if (!compound) return;
    const res = await urgeDefaulters(compound.id, [householdId]);
    Taro.showToast({ title: res.sent.length ? '已发送催缴提醒' : (res.skipped[0]?.reason ?? '未发送'), icon: 'none' });
    load();
  };

  if (!compound)
    return (
      <View className="page">
        <View className="empty">请先扫描小区二维码进入小区</View>
      </View>
    );
  if (error)
    return (
      <View className="page">
        <View className="empty">{error}</View>
      </View>
    );
  if (!data) return <View className="page" />;
  const c = data.collection;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{compound.name} 物业费收缴率</Text>
        <View data-testid="fees-rate">
          按金额：{percent(c.rateBp)}（{yuan(c.collectedFen)} / {yuan(c.dueFen)}）
        </View>
        <View className="muted">
          按户数：{percent(c.householdBp)}（{c.paidHouseholds}/{c.households} 户）　统计期间 {data.from} 至 {data.to}
        </View>
      </View>
      <View className="card">
        <Text className="card-title">长期欠费（逾期{data.longTermMonths}个月以上）</Text>
        <View className="muted">仅显示房号和欠费金额。依管理规约催缴，不得停水停电或限制通行。</View>
        {data.defaulters.length === 0 && <View className="empty">暂无长期欠费</View>}
        {data.defaulters.map((d) => (
          <View key={d.householdId} className="row" data-testid="defaulter">
            <Text>
              {d.buildingName}
              {d.unitName}
              {d.room}　欠费 {yuan(d.owedFen)}（自 {d.oldestPeriod.slice(0, 7)} 起 {d.bills} 笔）
            </Text>
            {d.lastUrgedAt && <Text className="muted">　上次催缴 {d.lastUrgedAt.slice(0, 10)}</Text>}
            <Button size="mini" className="btn-plain" onClick={() => urge(d.householdId)}>
              催缴
            </Button>
          </View>
        ))}
      </View>
    </View>
  );
}
