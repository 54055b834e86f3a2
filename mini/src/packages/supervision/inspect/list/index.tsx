import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { INSPECTION_KIND_LABELS } from '@baotou/shared';

import { formatTime } from '../../../../services/disclosures';
import { inspectLogout, inspectStaff, listInspections, type InspectionSummary } from '../api';
import '../inspect.scss';

/** The staff member's recent inspections or patrols, and the way to record a new one. */
export default function InspectListPage() {
  const [list, setList] = useState<InspectionSummary[] | null>(null);
  const staff = inspectStaff();

  useDidShow(() => {
    if (!inspectStaff()) {
      Taro.redirectTo({ url: '/packages/supervision/inspect/login/index' });
      return;
    }
    listInspections()
      .then(setList)
      .catch(() => setList([]));
  });

  return (
    <View className="page">
      <View className="staff-bar">
        <Text>{staff?.name ?? ''}</Text>
        <Text
          className="staff-logout"
          onClick={() => {
            inspectLogout();
            Taro.redirectTo({ url: '/packages/supervision/inspect/login/index' });
          }}
        >
          退出
        </Text>
      </View>
      <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/supervision/inspect/new/index' })}>
        {staff?.role === 'company_staff' ? '新建日常巡查' : '新建监督检查'}
      </Button>
      {list === null && <View className="empty">加载中…</View>}
      {list?.length === 0 && <View className="empty">暂无记录</View>}
      {list?.map((i) => (
        <View key={i.id} className="card" data-testid="inspection-item">
          <Text className="card-title">{i.compoundName}</Text>
          <View>
            {INSPECTION_KIND_LABELS[i.kind]} · {formatTime(i.inspectedAt)}
          </View>
          <View>{i.failedCount > 0 ? `不合格 ${i.failedCount} 项，未销号隐患 ${i.openHazards} 项` : '全部合格'}</View>
        </View>
      ))}
    </View>
  );
}
