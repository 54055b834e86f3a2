import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { ScanFirst } from '../../../components/ScanFirst';
import { isLoggedIn } from '../../../services/auth';
import { listMembers, myCommittees, type CommitteeMember } from '../../../services/committees';
import { formatTime } from '../../../services/disclosures';
import { currentCompound } from '../../../services/places';
import { formatPercent, listVotes, VOTE_STATUS_LABELS, type Vote } from '../../../services/votes';
import '../committees.scss';

const ROLE_LABEL: Record<string, string> = { chair: '主任', vice_chair: '副主任', member: '委员' };

/**
 * For members of the compound's in-office committee: publish statements, decisions and minutes,
 * start votes and consultations, and watch their turnout.
 */
export default function CommitteeHomePage() {
  const compound = currentCompound();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [member, setMember] = useState<boolean | null>(null);
  const [votes, setVotes] = useState<Vote[]>([]);
  const [members, setMembers] = useState<CommitteeMember[]>([]);

  const load = async () => {
    if (!compound) return;
    try {
      const mine = await myCommittees();
      const isMember = mine.some((c) => c.compoundId === compound.id);
      setMember(isMember);
      if (isMember) {
        const [v, m] = await Promise.all([listVotes(compound.id, false), listMembers(compound.id).catch(() => [])]);
        setVotes(v);
        setMembers(m);
      }
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
          reason="业委会委员登录后履职"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (member === false) {
    return (
      <View className="page">
        <View className="card">
          <Text className="card-title">{compound.name}</Text>
          <View className="muted">您不是本小区在任业主委员会（物业管理委员会）成员。委员须先绑定并认证本人名下的房屋。</View>
        </View>
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
          绑定房屋
        </Button>
      </View>
    );
  }
  if (member === null) return <View className="page" />;

  const go = (url: string) => Taro.navigateTo({ url });
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{compound.name}</Text>
        <View className="muted">业主委员会工作台</View>
        {members.length > 0 && (
          <View className="muted" style={{ marginTop: '8px' }}>
            {members.map((m) => `${ROLE_LABEL[m.role] ?? ''} ${m.name}`).join('　')}
          </View>
        )}
      </View>
      <Button className="btn-primary" onClick={() => go('/packages/committees/statement/index')}>
        发布收支公开
      </Button>
      <Button className="btn-plain" onClick={() => go('/packages/committees/notice/index')}>
        发布决定或会议纪要
      </Button>
      <Button className="btn-plain" onClick={() => go('/packages/committees/vote-new/index')}>
        发起表决或征询
      </Button>
      <Button className="btn-plain" onClick={() => go('/packages/disclosures/list/index')}>
        查看已公开信息
      </Button>
      <Button className="btn-plain" onClick={() => go('/packages/committees/defaulters/index')}>
        物业费收缴与催缴
      </Button>

      <Text className="section-title">表决与投票率</Text>
      {votes.length === 0 && <View className="muted">还没有发起表决</View>}
      {votes.map((v) => (
        <View key={v.id} className="card" onClick={() => go(`/packages/votes/detail/index?id=${v.id}`)}>
          <View>
            <Text className={`tag ${v.status === 'open' ? '' : 'tag-grey'}`}>{VOTE_STATUS_LABELS[v.status]}</Text>
          </View>
          <Text className="vote-title">{v.title}</Text>
          <View className="row">
            <Text className="muted">{`截止 ${formatTime(v.closesAt)}`}</Text>
            <Text>{`投票率 ${formatPercent(v.ballotCount, v.eligibleCount)}（${v.ballotCount}/${v.eligibleCount}）`}</Text>
          </View>
          {v.status === 'open' && (
            <View
              className="enter-ballots"
              onClick={(e) => {
                e.stopPropagation();
                go(`/packages/committees/ballot/index?vote=${v.id}`);
              }}
            >
              录入纸质/入户选票
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
