import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { currentCompound, listMyClaims } from '../../../services/places';
import { ApiError } from '../../../services/request';
import { AGAINST_LABEL, CATEGORY_LABEL, KIND_LABEL, LEVEL_LABEL, STATUS_LABEL, when } from '../labels';
import { BOARD_PAGE_SIZE, getTicketBoard, type BoardEntry } from './board';
import '../tickets.scss';

interface Compound {
  id: number;
  name: string;
}

/**
 * 受理公示 (action plan 四(七)): the compound's complaints and disputes with the accepting department,
 * the person (masked), the time limit and the result, for residents with a verified home there.
 */
export default function TicketBoardPage() {
  const { params } = useRouter();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [compounds, setCompounds] = useState<Compound[] | null>(null);
  const [compoundId, setCompoundId] = useState<number | null>(null);
  const [entries, setEntries] = useState<BoardEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState('');

  const loadBoard = async (id: number, before?: number) => {
    try {
      const rows = await getTicketBoard(id, before);
      setEntries((prev) => (before ? [...(prev ?? []), ...rows] : rows));
      setMore(rows.length === BOARD_PAGE_SIZE);
      setProblem('');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '加载失败，请稍后重试');
      setLoggedIn(isLoggedIn());
    }
  };

  const load = async () => {
    try {
      // The compounds where this resident has a verified home; the board is theirs to see.
      const verified = (await listMyClaims()).filter((c) => c.status === 'verified');
      const mine: Compound[] = [];
      for (const c of verified) if (!mine.some((m) => m.id === c.compoundId)) mine.push({ id: c.compoundId, name: c.compoundName });
      setCompounds(mine);
      const wanted = Number(params.compoundId) || compoundId || currentCompound()?.id;
      const pick = mine.find((m) => m.id === wanted) ?? mine[0];
      if (!pick) return;
      setCompoundId(pick.id);
      await loadBoard(pick.id);
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
          reason="登录后查看本小区投诉、纠纷的受理公示"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (compounds && compounds.length === 0) {
    return (
      <View className="page">
        <View className="card empty">认证本小区的房屋后，可查看投诉、纠纷的受理公示</View>
        <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
          绑定房屋
        </Button>
      </View>
    );
  }
  return (
    <View className="page">
      {compounds && compounds.length > 1 && (
        <View className="chips">
          {compounds.map((c) => (
            <View
              key={c.id}
              className={c.id === compoundId ? 'chip chip-on' : 'chip'}
              onClick={() => {
                setCompoundId(c.id);
                setEntries(null);
                loadBoard(c.id);
              }}
            >
              {c.name}
            </View>
          ))}
        </View>
      )}
      <View className="muted board-note">本小区投诉、纠纷的受理部门、受理人员、受理时限和受理结果向居民公开；不显示投诉人信息。</View>
      {problem && <View className="card overdue">{problem}</View>}
      {entries && entries.length === 0 && <View className="card empty">本小区暂无投诉、纠纷</View>}
      {(entries ?? []).map((e) => (
        <View key={e.id} className="card board-entry">
          <View className="ticket-head">
            <Text className="card-title">
              {KIND_LABEL[e.kind]} · {CATEGORY_LABEL[e.category] ?? e.category}
            </Text>
            <Text className={`ticket-status ticket-status-${e.status}`}>{STATUS_LABEL[e.status] ?? e.status}</Text>
          </View>
          <View className="muted">
            {e.against ? `投诉对象：${AGAINST_LABEL[e.against]} · ` : ''}
            {LEVEL_LABEL[e.level]}受理 · {when(e.createdAt)}
          </View>
          <View className="row">
            <Text className="muted">受理部门</Text>
            <Text className="board-department">{e.acceptDepartment || '待受理'}</Text>
          </View>
          <View className="row">
            <Text className="muted">受理人员</Text>
            <Text className="board-person">{e.acceptPersonName || '—'}</Text>
          </View>
          <View className="row">
            <Text className="muted">受理时限</Text>
            <Text>{e.timeLimit ? `${when(e.timeLimit)}前办理完成` : '—'}</Text>
          </View>
          <View className="row">
            <Text className="muted">受理结果</Text>
            <Text className="ticket-result">{e.result || (e.status === 'submitted' ? '待受理' : '办理中')}</Text>
          </View>
          {e.answer && (
            <View className="row">
              <Text className="muted">书面答复</Text>
              <Text>{e.answer}</Text>
            </View>
          )}
        </View>
      ))}
      {more && compoundId && entries && (
        <Button className="btn-plain" onClick={() => loadBoard(compoundId, entries[entries.length - 1].id)}>
          加载更多
        </Button>
      )}
    </View>
  );
}
