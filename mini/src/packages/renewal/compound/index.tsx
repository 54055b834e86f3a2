import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { MANAGEMENT_MODE_LABELS, RENOVATION_STATUS_LABELS, VOTE_STATUS_LABELS, type ManagementMode } from '@baotou/shared';

import { getCompoundRenewal, type CompoundRenewal } from '../../../services/renewalSurvey';
import '../renewal.scss';

const decisionText = (d: NonNullable<NonNullable<CompoundRenewal['renovation']>['decision']>) =>
  d.status === 'closed' ? (d.approved ? '业主表决通过' : '业主表决未通过') : `业主表决${VOTE_STATUS_LABELS[d.status as keyof typeof VOTE_STATUS_LABELS] ?? ''}`;

/** Residents: how their compound is managed, its quasi-property company, and its renovation with the owners' decision. */
export default function CompoundRenewalPage() {
  const { params } = useRouter();
  const [c, setC] = useState<CompoundRenewal | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    getCompoundRenewal(Number(params.compoundId)).then(setC, () => setFailed(true));
  }, [params.compoundId]);

  if (failed)
    return (
      <View className="page">
        <View className="empty">暂无信息</View>
      </View>
    );
  if (!c)
    return (
      <View className="page">
        <View className="empty">加载中…</View>
      </View>
    );
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{c.name}</Text>
        <View className="kv">
          <Text className="kv-key">管理模式</Text>
          <Text data-testid="management-mode">{MANAGEMENT_MODE_LABELS[c.managementMode as ManagementMode] ?? '—'}</Text>
        </View>
        {c.quasiCompany && (
          <View className="kv">
            <Text className="kv-key">准物业服务企业</Text>
            <Text>{`${c.quasiCompany.name}（${c.quasiCompany.startDate}起）`}</Text>
          </View>
        )}
      </View>
      <View className="card">
        <Text className="section-title">老旧小区改造</Text>
        {!c.renovation && <Text className="muted">暂无改造项目</Text>}
        {c.renovation && (
          <>
            <View className="kv">
              <Text className="kv-key">项目</Text>
              <Text>{c.renovation.title}</Text>
            </View>
            <View className="kv">
              <Text className="kv-key">进度</Text>
              <Text>{RENOVATION_STATUS_LABELS[c.renovation.status as keyof typeof RENOVATION_STATUS_LABELS] ?? '—'}</Text>
            </View>
            <View className="kv">
              <Text className="kv-key">业主决定</Text>
              <Text>{c.renovation.decision ? decisionText(c.renovation.decision) : '尚未表决'}</Text>
            </View>
          </>
        )}
      </View>
    </View>
  );
}
