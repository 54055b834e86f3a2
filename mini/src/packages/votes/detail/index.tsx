import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { myCommittees } from '../../../services/committees';
import { formatTime } from '../../../services/disclosures';
import { listMyClaims, type HouseholdClaim } from '../../../services/places';
import { askSubscription, preloadSubscribeTemplates } from '../../../services/notifications';
import {
  castBallot,
  BALLOT_CHOICE_LABELS,
  closeVote,
  getVote,
  getVoteResult,
  myBallots,
  VOTE_KIND_LABELS,
  VOTE_MATTER_LABELS,
  VOTE_STATUS_LABELS,
  type BallotChoice,
  type MyBallot,
  type Vote,
  type PublishedVoteResult,
  listBallotConflicts,
  type BallotConflict,
} from '../../../services/votes';
import { ResultView } from './ResultView';
import { Conflicts } from './Conflicts';
import '../votes.scss';

const CHOICES: BallotChoice[] = ['agree', 'disagree', 'abstain'];
const POLL_MS = 5000;

interface HomeProps {
  claim: HouseholdClaim;
  ballot: MyBallot | undefined;
  open: boolean;
  onCast: (householdId: number, choice: BallotChoice) => Promise<void>;
}

/** One verified home: its current ballot (with receipt) and, while open, the choice to cast or change. */
function Home({ claim, ballot, open, onCast }: HomeProps) {
  const [choice, setChoice] = useState<BallotChoice | null>(ballot?.choice ?? null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChoice(ballot?.choice ?? null), [ballot?.receipt, ballot?.choice]);
  const label = `${claim.buildingName} ${claim.unitName} ${claim.room}`;
  const submit = async () => {
    // Within the tap: messages when votes open and close (the result).
    const subscribed = askSubscription('vote');
    if (!choice) {
      Taro.showToast({ title: '请选择同意、反对或弃权', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await subscribed;
      await onCast(claim.householdId, choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="home" data-room={label}>
      <Text className="home-room">{label}</Text>
      {ballot ? (
        <View className="muted">
          {`已投：${BALLOT_CHOICE_LABELS[ballot.choice]}（${formatTime(ballot.at)}） 回执码 `}
          <Text className="receipt">{ballot.receipt}</Text>
        </View>
      ) : (
        <View className="muted">尚未投票</View>
      )}
      {open && (
        <View>
          <View className="chips" style={{ marginTop: '12px' }}>
            {CHOICES.map((c) => (
              <View key={c} className={choice === c ? 'chip chip-on' : 'chip'} onClick={() => setChoice(c)}>
                {BALLOT_CHOICE_LABELS[c]}
              </View>
            ))}
          </View>
          <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
            {ballot ? '改投' : '投票'}
          </Button>
        </View>
      )}
    </View>
  );
}

export default function VoteDetailPage() {
  const id = Number(useRouter().params.id);
  useEffect(preloadSubscribeTemplates, []);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [vote, setVote] = useState<Vote | null>(null);
  const [result, setResult] = useState<PublishedVoteResult | null>(null);
  const [homes, setHomes] = useState<HouseholdClaim[]>([]);
  const [ballots, setBallots] = useState<MyBallot[]>([]);
  const [member, setMember] = useState(false);
  const [conflicts, setConflicts] = useState<BallotConflict[]>([]);
  const [failed, setFailed] = useState(false);

  const load = async () => {
    try {
      const v = await getVote(id);
      setVote(v);
      Taro.setNavigationBarTitle({ title: v.title.slice(0, 16) });
      const [r, claims, mine, committees] = await Promise.all([
        getVoteResult(id, true).catch(() => null),
        listMyClaims(),
        myBallots(id).catch(() => [] as MyBallot[]),
        myCommittees().catch(() => []),
      ]);
      setResult(r);
      setHomes(claims.filter((c) => c.compoundId === v.compoundId && c.status === 'verified'));
      setBallots(mine);
      const isMember = committees.some((c) => c.compoundId === v.compoundId);
      setMember(isMember);
      if (isMember) listBallotConflicts(id).then(setConflicts, () => undefined);
    } catch {
      setFailed(true);
      setLoggedIn(isLoggedIn());
    }
  };

  useDidShow(() => {
    if (isLoggedIn()) load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  // Turnout live: poll the tally quietly while the vote is open.
  useEffect(() => {
    if (vote?.status !== 'open') return;
    const timer = setInterval(() => {
      getVote(id, true).then(setVote, () => undefined);
      getVoteResult(id, true).then(setResult, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [vote?.status, id]);

  const cast = async (householdId: number, choice: BallotChoice) => {
    const { receipt } = await castBallot(id, householdId, choice);
    await Taro.showModal({
      title: '投票成功',
      content: `回执码 ${receipt}\n请保存，可凭回执码核验您的选票。截止前可以改投，以最后一次为准。`,
      showCancel: false,
      confirmText: '知道了',
    });
    await load();
  };

  const close = async () => {
    const { confirm } = await Taro.showModal({ title: '截止表决', content: '确定现在截止表决吗？截止后不能再投票。' });
    if (!confirm) return;
    await closeVote(id);
    Taro.showToast({ title: '表决已截止', icon: 'success' });
    await load();
  };

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后参与表决"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (!vote) return <View className="page">{failed && <View className="empty">未找到该表决</View>}</View>;

  const open = vote.status === 'open';
  const byHome = new Map(ballots.map((b) => [b.householdId, b]));
  return (
    <View className="page">
      <View className="card">
        <View>
          <Text className={`tag ${open ? '' : 'tag-grey'}`}>{VOTE_STATUS_LABELS[vote.status]}</Text>
          <Text className="tag tag-grey">{VOTE_KIND_LABELS[vote.kind]}</Text>
        </View>
        <Text className="vote-title">{vote.title}</Text>
        <View className="muted">{`事项：${VOTE_MATTER_LABELS[vote.matter] ?? vote.matter}`}</View>
        <View className="muted">{`范围：${vote.scopeType === 'compound' ? '全体业主' : vote.scopeType === 'buildings' ? '部分楼栋' : '部分单元'}`}</View>
        <View className="muted">{`截止时间：${formatTime(vote.closesAt)}`}</View>
        {vote.description && <View style={{ marginTop: '12px', whiteSpace: 'pre-wrap' }}>{vote.description}</View>}
      </View>

      <View className="card">
        <Text className="section-title">我的房屋</Text>
        {homes.length === 0 && (
          <View>
            <View className="muted">您在本小区还没有已认证的房屋，认证后可投票。</View>
            <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
              绑定房屋
            </Button>
          </View>
        )}
        {homes.length > 0 && open && (
          <View className="muted">每套房屋一票；截止前可以改投，以最后一次为准。您本人投的票不会被他人录入的纸质或入户选票替换。</View>
        )}
        {homes.map((h) => (
          <Home key={h.householdId} claim={h} ballot={byHome.get(h.householdId)} open={open} onCast={cast} />
        ))}
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packages/votes/verify/index?id=${vote.id}` })}>
          核验选票回执
        </Button>
      </View>

      {result && <ResultView vote={vote} result={result} />}

      {member && <Conflicts conflicts={conflicts} />}

      {member && open && (
        <Button className="btn-plain" onClick={close}>
          截止表决
        </Button>
      )}
    </View>
  );
}
