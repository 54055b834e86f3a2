import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { ScanFirst } from '../../../components/ScanFirst';
import { isLoggedIn } from '../../../services/auth';
import { currentCompound, listMyClaims } from '../../../services/places';
import { formatTime } from '../../../services/disclosures';
import { formatPercent, listVotes, VOTE_KIND_LABELS, VOTE_MATTER_LABELS, VOTE_STATUS_LABELS, type Vote } from '../../../services/votes';
import '../votes.scss';

function VoteCard({ vote }: { vote: Vote }) {
  return (
    <View className="card vote-card" onClick={() => Taro.navigateTo({ url: `/packages/votes/detail/index?id=${vote.id}` })}>
      <View>
        <Text className={`tag ${vote.status === 'open' ? '' : 'tag-grey'}`}>{VOTE_STATUS_LABELS[vote.status]}</Text>
        <Text className="tag tag-grey">{VOTE_KIND_LABELS[vote.kind]}</Text>
      </View>
      <Text className="vote-title">{vote.title}</Text>
      <View className="muted">{VOTE_MATTER_LABELS[vote.matter] ?? vote.matter}</View>
      <View className="row">
        <Text className="muted">{`截止 ${formatTime(vote.closesAt)}`}</Text>
        <Text className="muted">{`已投 ${vote.ballotCount}/${vote.eligibleCount}（${formatPercent(vote.ballotCount, vote.eligibleCount)}）`}</Text>
      </View>
    </View>
  );
}

/** The compound's votes for residents: open ones first, then closed with their results. */
export default function VoteListPage() {
  const compound = currentCompound();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [votes, setVotes] = useState<Vote[] | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);

  const load = async () => {
    if (!compound) return;
    try {
      const [list, claims] = await Promise.all([listVotes(compound.id), listMyClaims()]);
      setVotes(list);
      setVerified(claims.some((c) => c.compoundId === compound.id && c.status === 'verified'));
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

  if (!compound) return <ScanFirst />;
  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后参与本小区业主表决"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }

  const open = (votes ?? []).filter((v) => v.status === 'open');
  const closed = (votes ?? []).filter((v) => v.status === 'closed');
  return (
    <View className="page">
      {verified === false && (
        <View className="card">
          <View className="muted">业主表决按房屋投票：请先绑定并认证您在本小区的房屋。</View>
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
            绑定房屋
          </Button>
        </View>
      )}
      {votes && votes.length === 0 && verified !== false && <View className="empty">本小区暂无表决</View>}
      {open.length > 0 && <Text className="section-title">进行中</Text>}
      {open.map((v) => (
        <VoteCard key={v.id} vote={v} />
      ))}
      {closed.length > 0 && <Text className="section-title">已截止</Text>}
      {closed.map((v) => (
        <VoteCard key={v.id} vote={v} />
      ))}
    </View>
  );
}
