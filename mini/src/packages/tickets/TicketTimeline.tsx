import { Text, View } from '@tarojs/components';

import type { TicketEvent } from '../../services/tickets';
import { ACTION_LABEL, LEVEL_LABEL, when } from './labels';

/** 办理进度: a ticket's events as residents and field staff both read them. */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  return (
    <View className="card">
      <Text className="step-title">办理进度</Text>
      {events.map((e) => (
        <View key={e.id} className="timeline-item">
          <Text className="timeline-action">{ACTION_LABEL[e.action] ?? e.action}</Text>
          <Text className="muted">
            {when(e.at)} · {e.actorName}
            {e.fromLevel && e.fromLevel !== e.toLevel ? ` · 转${LEVEL_LABEL[e.toLevel]}` : ''}
          </Text>
          {e.note && <View className="muted">{e.note}</View>}
        </View>
      ))}
    </View>
  );
}
