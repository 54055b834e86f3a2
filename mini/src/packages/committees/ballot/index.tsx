import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { formatTime } from '../../../services/disclosures';
import { listBuildings, listRooms, type MiniBuilding, type MiniRoom } from '../../../services/places';
import { ApiError } from '../../../services/request';
import { openAttachment, type Attachment } from '../../../services/uploads';
import { BALLOT_CHANNEL_LABELS, BALLOT_CHOICE_LABELS, enterBallot, getVote, type Vote } from '../../../services/votes';
import { naturalCompare } from '../../places/bind/sort';
import { FilePicker } from '../AttachmentsField';
import { ballotBody, buildingsInScope, validateBallot, type Choice, type EntryChannel } from './form';
import '../committees.scss';

interface Entered {
  home: string;
  choice: Choice;
  channel: EntryChannel;
  receipt: string;
  /** The owner had voted themselves: the entry is kept as a conflict, not counted. */
  conflict: boolean;
}

function Chips<T>({ items, label, on, pick }: { items: T[]; label: (t: T) => string; on: (t: T) => boolean; pick: (t: T) => void }) {
  return (
    <View className="chips">
      {items.map((t) => (
        <View key={label(t)} className={on(t) ? 'chip chip-on' : 'chip'} onClick={() => pick(t)}>
          {label(t)}
        </View>
      ))}
    </View>
  );
}

const CHANNELS: EntryChannel[] = ['paper', 'door'];
const CHOICES: Choice[] = ['agree', 'disagree', 'abstain'];

/**
 * A committee member enters the paper ballots collected and the door-to-door ones (DOMAIN.md §1):
 * the home (building, unit, room in the vote's scope), the choice, and the scan of the signed
 * ballot. They count in the same tally as online ballots; the last ballot per home counts, except
 * that a ballot the owner cast themselves is never replaced by an entered one (issue 9 §5).
 */
export default function EnterBallotPage() {
  const voteId = Number(useRouter().params.vote);
  const [vote, setVote] = useState<Vote | null>(null);
  const [failed, setFailed] = useState(false);
  const [buildings, setBuildings] = useState<MiniBuilding[] | null>(null);
  const [building, setBuilding] = useState<MiniBuilding | null>(null);
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const [rooms, setRooms] = useState<MiniRoom[] | null>(null);
  const [room, setRoom] = useState<MiniRoom | null>(null);
  const [channel, setChannel] = useState<EntryChannel>('paper');
  const [choice, setChoice] = useState<Choice | null>(null);
  const [scan, setScan] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [entered, setEntered] = useState<Entered | null>(null);

  useEffect(() => {
    getVote(voteId).then(
      (v) => {
        setVote(v);
        listBuildings(v.compoundId).then(
          (list) =>
            setBuildings(
              buildingsInScope(
                [...list].sort((a, b) => naturalCompare(a.name, b.name)),
                v,
              ).map((b) => ({ ...b, units: [...b.units].sort((x, y) => naturalCompare(x.name, y.name)) })),
            ),
          () => setBuildings([]),
        );
      },
      () => setFailed(true),
    );
  }, [voteId]);

  if (!vote) return <View className="page">{failed && <View className="empty">未找到该表决</View>}</View>;

  const pickBuilding = (b: MiniBuilding) => {
    setBuilding(b);
    setUnit(null);
    setRooms(null);
    setRoom(null);
  };
  const pickUnit = (u: { id: number; name: string }) => {
    setUnit(u);
    setRoom(null);
    setRooms(null);
    listRooms(u.id).then(
      (list) => setRooms([...list].sort((a, b) => naturalCompare(a.room, b.room))),
      () => setRooms([]),
    );
  };

  const draft = { channel, householdId: room?.householdId ?? null, choice, scanUrl: scan[0]?.url ?? null };
  const submit = async () => {
    const found = validateBallot(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const { receipt, conflict } = await enterBallot(vote.id, ballotBody(draft));
      setEntered({ home: `${building!.name} ${unit!.name} ${room!.room}`, choice: choice!, channel, receipt, conflict });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
    } finally {
      setBusy(false);
    }
  };
  const next = () => {
    // The next paper of the same stack: keep the building, unit and channel.
    setEntered(null);
    setRoom(null);
    setChoice(null);
    setScan([]);
    setErrors({});
  };

  if (entered) {
    return (
      <View className="page">
        <View className="card ballot-entered">
          <Text className={entered.conflict ? 'verdict verdict-fail' : 'verdict verdict-pass'}>
            {entered.conflict ? '业主已本人投票，录入未计入' : '选票已录入'}
          </Text>
          <View>{`${entered.home}：${BALLOT_CHOICE_LABELS[entered.choice]}（${BALLOT_CHANNEL_LABELS[entered.channel]}）`}</View>
          {entered.conflict ? (
            <View className="muted">该房屋业主已在线上本人投票，录入的选票不替换业主本人的选票，已记录为冲突，供业主委员会和街道核查。</View>
          ) : (
            <>
              <View className="muted">回执码（请告知业主，可凭此核验选票）</View>
              <Text className="receipt">{entered.receipt}</Text>
              <View className="muted">同一房屋再次录入时以最后一次为准；业主本人线上投票的，以业主本人的选票为准。</View>
            </>
          )}
        </View>
        <Button className="btn-primary" onClick={next}>
          继续录入
        </Button>
        <Button className="btn-plain" onClick={() => Taro.redirectTo({ url: `/packages/votes/detail/index?id=${vote.id}` })}>
          查看计票
        </Button>
      </View>
    );
  }

  const open = vote.status === 'open' && new Date(vote.closesAt).getTime() > Date.now();
  return (
    <View className="page">
      <View className="card">
        <Text className="vote-title">{vote.title}</Text>
        <View className="muted">{`截止 ${formatTime(vote.closesAt)}　已投 ${vote.ballotCount}/${vote.eligibleCount} 户`}</View>
        {!open && <View className="field-error">该表决不在投票期内，不能录入选票</View>}
      </View>

      <View className="card">
        <Text className="step-title">投票方式</Text>
        <Chips items={CHANNELS} label={(c) => BALLOT_CHANNEL_LABELS[c]} on={(c) => c === channel} pick={setChannel} />
        <View className="muted">
          {channel === 'paper'
            ? '纸质选票须上传扫描件或照片，仅本届业委会委员和街道、社区工作人员可查看。'
            : '入户投票由委员上门记录业主意见，须上传业主签字的表决票照片。'}
        </View>
      </View>

      <View className="card">
        <Text className="step-title">选择楼栋</Text>
        {buildings === null && <View className="muted">加载中…</View>}
        {buildings?.length === 0 && <View className="muted">表决范围内没有楼栋</View>}
        {buildings && <Chips items={buildings} label={(b) => b.name} on={(b) => b.id === building?.id} pick={pickBuilding} />}
      </View>
      {building && (
        <View className="card">
          <Text className="step-title">选择单元</Text>
          <Chips items={building.units} label={(u) => u.name} on={(u) => u.id === unit?.id} pick={pickUnit} />
        </View>
      )}
      {unit && (
        <View className="card">
          <Text className="step-title">选择房号</Text>
          {rooms === null && <View className="muted">加载中…</View>}
          {rooms?.length === 0 && <View className="muted">该单元暂无房屋信息</View>}
          {rooms && <Chips items={rooms} label={(r) => r.room} on={(r) => r.householdId === room?.householdId} pick={setRoom} />}
        </View>
      )}
      {errors.householdId && <View className="field-error">{errors.householdId}</View>}

      <View className="card">
        <Text className="step-title">表决意见</Text>
        <Chips items={CHOICES} label={(c) => BALLOT_CHOICE_LABELS[c]} on={(c) => c === choice} pick={setChoice} />
        {errors.choice && <View className="field-error">{errors.choice}</View>}
      </View>

      <View className="card scan">
        <Text className="step-title">{channel === 'paper' ? '纸质选票扫描件（必填）' : '入户表决票照片（必填）'}</Text>
        {scan.map((a) => (
          <View key={a.url} className="attachment">
            <Text className="attachment-name link" onClick={() => openAttachment(a)}>
              {a.name}
            </Text>
            <Text className="attachment-remove" onClick={() => setScan([])}>
              移除
            </Text>
          </View>
        ))}
        <FilePicker
          update={(f) => setScan((list) => f(list).slice(-1))}
          room={scan.length ? 0 : 1}
          multiple={false}
          photoLabel="+ 拍摄或选择选票照片"
          fileLabel="+ 从聊天选择扫描件PDF"
        />
        {errors.scanUrl && <View className="field-error">{errors.scanUrl}</View>}
      </View>

      <Button className="btn-primary" loading={busy} disabled={busy || !open} onClick={submit}>
        提交选票
      </Button>
    </View>
  );
}
