import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { currentCompound, listBuildings, type MiniBuilding } from '../../../services/places';
import { ApiError } from '../../../services/request';
import { SPECIAL_MATTERS, startVote, VOTE_MATTER_LABELS } from '../../../services/votes';
import { closesAtIso, isoDay, validateVote, type VoteDraft } from './form';
import '../committees.scss';

const SCOPES: { id: VoteDraft['scopeType']; label: string }[] = [
  { id: 'compound', label: '全体业主' },
  { id: 'buildings', label: '部分楼栋' },
  { id: 'units', label: '部分单元' },
];

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/** Start a vote or consultation: matter, scope (compound / buildings / units) and closing time. */
export default function NewVotePage() {
  const compound = currentCompound();
  const week = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const [kind, setKind] = useState<'vote' | 'consultation'>('vote');
  const [draft, setDraft] = useState<VoteDraft>({ title: '', matter: '', scopeType: 'compound', scopeIds: [], closeDate: isoDay(week), closeTime: '20:00' });
  const [description, setDescription] = useState('');
  const [buildings, setBuildings] = useState<MiniBuilding[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const compoundId = compound?.id;
  useEffect(() => {
    if (compoundId)
      listBuildings(compoundId).then(
        (b) => setBuildings([...b].sort((x, y) => natural(x.name, y.name))),
        () => undefined,
      );
  }, [compoundId]);

  const update = (patch: Partial<VoteDraft>) => setDraft({ ...draft, ...patch });
  const toggle = (id: number) => update({ scopeIds: draft.scopeIds.includes(id) ? draft.scopeIds.filter((x) => x !== id) : [...draft.scopeIds, id] });

  const submit = async () => {
    if (!compound) return;
    const found = validateVote(draft, new Date());
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const vote = await startVote({
        compoundId: compound.id,
        title: draft.title.trim(),
        description: description.trim() || null,
        matter: draft.matter,
        kind,
        scopeType: draft.scopeType,
        scopeIds: draft.scopeType === 'compound' ? [] : draft.scopeIds,
        closesAt: closesAtIso(draft),
      });
      Taro.showToast({ title: '表决已开始', icon: 'success' });
      Taro.redirectTo({ url: `/packages/votes/detail/index?id=${vote.id}` });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
    } finally {
      setBusy(false);
    }
  };

  const special = (SPECIAL_MATTERS as readonly string[]).includes(draft.matter);
  const units = buildings.flatMap((b) => [...b.units].sort((x, y) => natural(x.name, y.name)).map((u) => ({ id: u.id, label: `${b.name}${u.name}` })));
  return (
    <View className="page">
      <View className="card">
        <View className="chips">
          <View className={kind === 'vote' ? 'chip chip-on' : 'chip'} onClick={() => setKind('vote')}>
            表决
          </View>
          <View className={kind === 'consultation' ? 'chip chip-on' : 'chip'} onClick={() => setKind('consultation')}>
            征询
          </View>
        </View>
        <View className="field">
          <Text className="field-label">表决事项</Text>
          <Input className="field-input" placeholder="表决事项标题" value={draft.title} maxlength={100} onInput={(e) => update({ title: e.detail.value })} />
          {errors.title && <View className="field-error">{errors.title}</View>}
        </View>
        <View className="field">
          <Text className="field-label">说明（选填）</Text>
          <Textarea className="textarea" placeholder="表决内容说明" value={description} maxlength={5000} onInput={(e) => setDescription(e.detail.value)} />
        </View>
      </View>

      <View className="card">
        <Text className="section-title">事项类别</Text>
        <View className="chips matter-chips">
          {Object.entries(VOTE_MATTER_LABELS).map(([id, label]) => (
            <View key={id} className={draft.matter === id ? 'chip chip-on' : 'chip'} onClick={() => update({ matter: id })}>
              {label}
            </View>
          ))}
        </View>
        {draft.matter && (
          <View className="muted">
            {special
              ? '特别事项：须专有面积和人数均2/3以上业主参与，且经参与面积和人数均3/4以上同意'
              : '一般事项：须专有面积和人数均2/3以上业主参与，且经参与面积和人数均过半数同意'}
          </View>
        )}
        {errors.matter && <View className="field-error">{errors.matter}</View>}
      </View>

      <View className="card">
        <Text className="section-title">表决范围</Text>
        <View className="chips">
          {SCOPES.map((s) => (
            <View key={s.id} className={draft.scopeType === s.id ? 'chip chip-on' : 'chip'} onClick={() => update({ scopeType: s.id, scopeIds: [] })}>
              {s.label}
            </View>
          ))}
        </View>
        {draft.scopeType === 'buildings' && (
          <View className="chips">
            {buildings.map((b) => (
              <View key={b.id} className={draft.scopeIds.includes(b.id) ? 'chip chip-on' : 'chip'} onClick={() => toggle(b.id)}>
                {b.name}
              </View>
            ))}
          </View>
        )}
        {draft.scopeType === 'units' && (
          <View className="chips">
            {units.map((u) => (
              <View key={u.id} className={draft.scopeIds.includes(u.id) ? 'chip chip-on' : 'chip'} onClick={() => toggle(u.id)}>
                {u.label}
              </View>
            ))}
          </View>
        )}
        {errors.scopeIds && <View className="field-error">{errors.scopeIds}</View>}
      </View>

      <View className="card">
        <Text className="section-title">截止时间</Text>
        <View style={{ display: 'flex', alignItems: 'center' }}>
          <Picker mode="date" value={draft.closeDate} start={isoDay(new Date())} onChange={(e) => update({ closeDate: String(e.detail.value) })}>
            <View className="picker">{draft.closeDate}</View>
          </Picker>
          <Text style={{ margin: '0 16px' }} />
          <Picker mode="time" value={draft.closeTime} onChange={(e) => update({ closeTime: String(e.detail.value) })}>
            <View className="picker">{draft.closeTime}</View>
          </Picker>
        </View>
        {errors.closesAt && <View className="field-error">{errors.closesAt}</View>}
      </View>

      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
        发起并开始投票
      </Button>
    </View>
  );
}
