import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { listMyTickets, type Ticket } from '../../../services/tickets';
import { CATEGORY_LABEL, KIND_LABEL, LEVEL_LABEL, STATUS_LABEL, when } from '../labels';
import '../tickets.scss';

export default function MyTicketsPage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const load = async () => {
    try {
      setTickets(await listMyTickets());
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
          reason="登录后查看您的工单"
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
      {tickets && tickets.length === 0 && <View className="card empty">还没有工单</View>}
      {(tickets ?? []).map((t) => (
        <View key={t.id} className="card ticket" onClick={() => Taro.navigateTo({ url: `/packages/tickets/detail/index?id=${t.id}` })}>
          <View className="ticket-head">
            <Text>
              {KIND_LABEL[t.kind]} · {CATEGORY_LABEL[t.category]}
            </Text>
            <Text className={`ticket-status ticket-status-${t.status}`}>{STATUS_LABEL[t.status]}</Text>
          </View>
          <View className="muted">{t.description}</View>
          <View className="muted">
            {LEVEL_LABEL[t.level]}处理 · {when(t.createdAt)}
            {t.overdue ? ' · 已超时' : ''}
          </View>
        </View>
      ))}
      <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/tickets/new/index' })}>
        新的报修 / 投诉
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/tickets/board/index' })}>
        本小区受理公示
      </Button>
    </View>
  );
}
