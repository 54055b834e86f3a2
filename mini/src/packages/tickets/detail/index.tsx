import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { getTicket, listTicketEvents, rateTicket, rejectTicket, type Ticket, type TicketEvent } from '../../../services/tickets';
import { Photos } from '../Photo';
import { TicketTimeline } from '../TicketTimeline';
import { AGAINST_LABEL, CATEGORY_LABEL, DEADLINE_LABEL, KIND_LABEL, LEVEL_LABEL, STATUS_LABEL, TAGS, when } from '../labels';
import { InfoRow } from '../../../components/InfoRow';
import '../tickets.scss';

function left(seconds: number | null): string {
  if (seconds === null) return '';
  const h = Math.floor(Math.abs(seconds) / 3600);
  const m = Math.floor((Math.abs(seconds) % 3600) / 60);
  return seconds < 0 ? `已超时 ${h} 小时 ${m} 分` : `剩余 ${h} 小时 ${m} 分`;
}

export default function TicketDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [t, setT] = useState<Ticket | null>(null);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [rating, setRating] = useState(5);
  const [tags, setTags] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);

  const load = async () => {
    try {
      setT(await getTicket(id));
      setEvents(await listTicketEvents(id));
    } catch {
      // shown by the wrapper
    }
  };
  useDidShow(() => {
    load();
  });

  const act = async (fn: () => Promise<Ticket>, done: string) => {
    try {
      setT(await fn());
      setEvents(await listTicketEvents(id));
      Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // shown by the wrapper
    }
  };

  if (!t) return <View className="page" />;
  return (
    <View className="page">
      <View className="card">
        <View className="ticket-head">
          <Text className="card-title">
            {KIND_LABEL[t.kind]} · {CATEGORY_LABEL[t.category]}
          </Text>
          <Text className={`ticket-status ticket-status-${t.status}`}>{STATUS_LABEL[t.status]}</Text>
        </View>
        {t.against && <View className="muted">投诉对象：{AGAINST_LABEL[t.against]}</View>}
        <View className="muted">
          {t.compoundName} {t.householdLabel}
        </View>
        <View>{t.description}</View>
        <Photos ids={t.photos} />
        <View className={t.overdue ? 'overdue' : 'muted'}>
          {LEVEL_LABEL[t.level]}处理{t.dueKind ? ` · 距${DEADLINE_LABEL[t.dueKind]} ${left(t.timeLeftSeconds)}` : ''}
        </View>
      </View>

      <View className="card">
        <InfoRow label="受理部门">{t.acceptDepartment || '—'}</InfoRow>
        <InfoRow label="受理人员">{t.acceptPersonName || '—'}</InfoRow>
        <InfoRow label={DEADLINE_LABEL.response}>{when(t.responseDueAt)}</InfoRow>
        <InfoRow label={DEADLINE_LABEL.resolve}>{when(t.resolveDueAt)}</InfoRow>
        {t.workerName && <InfoRow label="维修人员">{t.workerName}</InfoRow>}
        {t.channel === 'mini' && (
          <InfoRow label="我提供的联系方式" valueClass="shared-contact">
            {t.contactPhone ? `${t.contactName ?? ''} ${t.contactPhone}`.trim() : '未提供'}
          </InfoRow>
        )}
        <InfoRow label="受理结果" valueClass="ticket-result">
          {t.result || '—'}
        </InfoRow>
        <Photos ids={t.resultPhotos} />
        {t.answer && <InfoRow label="书面答复">{t.answer}</InfoRow>}
        {t.rating && (
          <InfoRow label="我的评价" valueClass="my-rating">
            {'★'.repeat(t.rating)}
          </InfoRow>
        )}
        {t.autoConfirmed && <View className="muted auto-confirmed">逾期未评价，系统已自动确认</View>}
      </View>

      {t.status === 'resolved' && !rejecting && (
        <View className="card">
          <Text className="step-title">评价处理结果</Text>
          {t.autoConfirmAt && <View className="muted auto-confirm-at">{when(t.autoConfirmAt)}前未评价的，系统将自动确认（不计评分）</View>}
          <View className="stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <Text key={n} className={n <= rating ? 'star star-on' : 'star'} onClick={() => setRating(n)}>
                ★
              </Text>
            ))}
          </View>
          <View className="chips">
            {TAGS.map(([tag, label]) => (
              <View
                key={tag}
                className={tags.includes(tag) ? 'chip chip-on' : 'chip'}
                onClick={() => setTags(tags.includes(tag) ? tags.filter((x) => x !== tag) : [...tags, tag])}
              >
                {label}
              </View>
            ))}
          </View>
          <Button className="btn-primary" onClick={() => act(() => rateTicket(id, rating, tags), '已确认评价')}>
            提交评价
          </Button>
          {!t.rejectedOnce && (
            <Button className="btn-plain" onClick={() => setRejecting(true)}>
              不满意，退回（仅一次）
            </Button>
          )}
        </View>
      )}
      {t.status === 'resolved' && rejecting && (
        <View className="card">
          <Text className="step-title">退回理由</Text>
          <Input className="desc" value={reason} placeholder="请说明哪里不满意" onInput={(e) => setReason(e.detail.value)} />
          <Button className="btn-primary" disabled={reason.trim().length === 0} onClick={() => act(() => rejectTicket(id, reason.trim()), '已退回')}>
            确认退回
          </Button>
          <Button className="btn-plain" onClick={() => setRejecting(false)}>
            取消
          </Button>
        </View>
      )}

      <TicketTimeline events={events} />
    </View>
  );
}
