import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import type { Ticket } from '../../../services/tickets';
import { isStaffSession, listQueue, staffLogout, staffUser, type QueueTab } from '../../../services/workorders';
import { CATEGORY_LABEL, STATUS_LABEL, when } from '../../tickets/labels';
import { byTimeLeft, timeLeftText } from '../queue';
import '../workorders.scss';

const LOGIN_URL = '/packages/workorders/login/index';

/** The company's repairs queue: least time left first, overdue flagged; finished work on the second tab. */
export default function WorkorderListPage() {
  const [tab, setTab] = useState<QueueTab>('open');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<Ticket[] | null>(null);
  const user = staffUser();

  const load = async (which = tab, q = search) => {
    if (!isStaffSession()) {
      Taro.redirectTo({ url: LOGIN_URL });
      return;
    }
    try {
      const rows = await listQueue(which, q);
      setItems(which === 'open' ? [...rows].sort(byTimeLeft) : rows);
    } catch {
      if (!isStaffSession()) Taro.redirectTo({ url: LOGIN_URL });
    }
  };
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  const switchTab = (t: QueueTab) => {
    setTab(t);
    setItems(null);
    load(t);
  };
  const logout = () => {
    staffLogout();
    Taro.redirectTo({ url: LOGIN_URL });
  };

  const overdueCount = tab === 'open' ? (items ?? []).filter((t) => t.overdue).length : 0;
  return (
    <View className="page">
      <View className="staff-bar">
        <Text>{user?.name ?? ''}</Text>
        <Text className="staff-logout" onClick={logout}>
          退出登录
        </Text>
      </View>
      <View className="tabs">
        <View className={tab === 'open' ? 'tab tab-on' : 'tab'} onClick={() => switchTab('open')}>
          待处理
        </View>
        <View className={tab === 'done' ? 'tab tab-on' : 'tab'} onClick={() => switchTab('done')}>
          已完成
        </View>
      </View>
      <Input
        className="search"
        value={search}
        placeholder="搜索工单号或描述"
        confirmType="search"
        onInput={(e) => setSearch(e.detail.value)}
        onConfirm={() => load()}
      />
      {overdueCount > 0 && <View className="card overdue">{overdueCount} 个工单已超时，请尽快处理</View>}
      {items && items.length === 0 && <View className="card empty">{tab === 'open' ? '暂无待处理的报修' : '暂无已完成的报修'}</View>}
      {(items ?? []).map((t) => (
        <View
          key={t.id}
          className={t.overdue ? 'card wo wo-overdue' : 'card wo'}
          onClick={() => Taro.navigateTo({ url: `/packages/workorders/detail/index?id=${t.id}` })}
        >
          <View className="wo-head">
            <Text className="wo-title">
              #{t.id} {CATEGORY_LABEL[t.category] ?? t.category}
            </Text>
            <Text className={`wo-status wo-status-${t.status}`}>{STATUS_LABEL[t.status]}</Text>
          </View>
          <View className="wo-desc">{t.description}</View>
          <View className="muted">
            {t.compoundName} {t.householdLabel ?? ''}
          </View>
          {t.preferredTime && <View className="muted">期望上门：{t.preferredTime}</View>}
          {tab === 'open' ? (
            <View className={t.overdue ? 'overdue' : 'wo-left'}>
              {timeLeftText(t.timeLeftSeconds)}
              {t.overdue && <Text className="overdue-flag">超时</Text>}
            </View>
          ) : (
            <View className="muted">提交于 {when(t.createdAt)}</View>
          )}
        </View>
      ))}
    </View>
  );
}
