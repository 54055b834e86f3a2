import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  ENCLOSURE_STATE_LABELS,
  INFRASTRUCTURE_ITEMS,
  INFRASTRUCTURE_ITEM_LABELS,
  INFRASTRUCTURE_STATE_LABELS,
  RENEWAL_CLASSIFICATION_LABELS,
  SURVEY_MANAGEMENT_STATE_LABELS,
  SURVEY_RENOVATION_STATE_LABELS,
  formatAreaCenti,
  parseAreaCenti,
} from '@baotou/shared';

import { ApiError, uploadFile } from '../../../services/request';
import { clearPending, getSurvey, keepPending, pendingDraft, saveSurvey, submitSurvey, surveyStaff, type Survey } from '../../../services/renewalSurvey';
import '../renewal.scss';

type Errors = Record<string, string | undefined>;
const COUNTS = [
  ['buildingCount', '楼栋数'],
  ['stairwellCount', '单元（楼梯）数'],
  ['householdCount', '户数'],
  ['willingHouseholds', '愿意付费户数'],
  ['proposedFeeFen', '意向物业费（分/㎡·月）'],
] as const;

/** One choice among labelled values, as tappable chips (a second tap clears it). */
function Choices<T extends string>({ labels, value, onChange }: { labels: Record<T, string>; value: T | null; onChange: (v: T | null) => void }) {
  return (
    <View className="choices">
      {(Object.keys(labels) as T[]).map((k) => (
        <Text key={k} className={`choice ${value === k ? 'choice-on' : ''}`} onClick={() => onChange(value === k ? null : k)}>
          {labels[k]}
        </Text>
      ))}
    </View>
  );
}
const YES_NO = { yes: '是', no: '否' } as const;
const yn = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no');
const fromYn = (v: 'yes' | 'no' | null) => (v === null ? null : v === 'yes');

/**
 * The survey form (摸底调查表) on a phone: save the draft as often as wanted (each save names its
 * version; a copy saved elsewhere meanwhile is refused, never overwritten), keep it on the phone when
 * the network fails, submit when complete.
 */
export default function SurveyPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [s, setS] = useState<Survey | null>(null);
  const [area, setArea] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!surveyStaff()) {
      Taro.redirectTo({ url: '/packages/renewal/login/index' });
      return;
    }
    getSurvey(id).then(
      (server) => {
        const local = pendingDraft(id);
        // a phone copy based on the current version resumes; one based on an older version is stale
        const resume = local && local.version === server.version ? local : server;
        setPending(!!local);
        setS(resume);
        setArea(resume.floorAreaCenti === null ? '' : formatAreaCenti(resume.floorAreaCenti));
      },
      () => undefined,
    );
  }, [id]);

  if (!s)
    return (
      <View className="page">
        <View className="empty">加载中…</View>
      </View>
    );
  const editable = s.status === 'draft';
  const set = (patch: Partial<Survey>) => setS({ ...s, ...patch });

  const numberOf = (text: string): number | null | undefined => (text.trim() === '' ? null : /^\d{1,10}$/.test(text.trim()) ? Number(text) : undefined);

  const withArea = (): Survey | null => {
    if (area.trim() === '') return { ...s, floorAreaCenti: null };
    const centi = parseAreaCenti(area);
    if (centi === undefined || centi <= 0) {
      setErrors({ floorAreaCenti: '请输入最多两位小数的面积（㎡）' });
      return null;
    }
    return { ...s, floorAreaCenti: centi };
  };

  const save = async (): Promise<Survey | null> => {
    const draft = withArea();
    if (!draft) return null;
    setBusy(true);
    try {
      const saved = await saveSurvey(draft);
      clearPending(id);
      setPending(false);
      setS(saved);
      setErrors({});
      Taro.showToast({ title: '已保存', icon: 'success' });
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setErrors({ form: e.message });
        Taro.showModal({ title: '保存冲突', content: `${e.message}。将重新载入最新版本，本机修改仍保留在本机。`, showCancel: false });
        keepPending(draft);
      } else if (e instanceof ApiError && e.status === 400) {
        setErrors(e.fields ?? { form: e.message });
        Taro.showToast({ title: e.message, icon: 'none' });
      } else if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
        setErrors({ form: e.message });
      } else {
        keepPending(draft);
        setPending(true);
        Taro.showToast({ title: '网络不可用，已暂存在本机', icon: 'none', duration: 2500 });
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      const done = await submitSurvey(saved);
      setS(done);
      Taro.showToast({ title: '已提交', icon: 'success' });
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields ? { ...e.fields, form: e.message } : { form: e.message });
        Taro.showToast({ title: e.message, icon: 'none' });
      }
    }
  };

  const addPhoto = async () => {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
    const path = res?.tempFilePaths?.[0];
    if (!path) return;
    const up = await uploadFile(path).catch(() => null);
    if (up) set({ photos: [...s.photos, { name: `现场照片${s.photos.length + 1}.jpg`, url: up.url }] });
  };

  const err = (k: string) => errors[k] && <View className="field-error">{errors[k]}</View>;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{s.compoundName}</Text>
        <Text className="muted">{`版本 ${s.version}${s.status === 'submitted' ? '，已提交' : ''}`}</Text>
        {s.status === 'submitted' && (
          <Text className="muted">
            {s.classification
              ? `确认分类：${RENEWAL_CLASSIFICATION_LABELS[s.classification]}`
              : `建议分类：${s.proposedClassification ? RENEWAL_CLASSIFICATION_LABELS[s.proposedClassification] : '—'}（待区住建局确认）`}
          </Text>
        )}
      </View>
      {pending && <View className="pending">本机有尚未上传的修改，保存即可上传。</View>}

      <View className="card">
        <Text className="section-title">规模</Text>
        {COUNTS.map(([k, label]) => (
          <View className="field" key={k}>
            <Text className="field-label">{label}</Text>
            <Input
              className="field-input"
              type="number"
              disabled={!editable}
              value={s[k] === null ? '' : String(s[k])}
              placeholder="未填写"
              onInput={(e) => {
                const n = numberOf(e.detail.value);
                if (n === undefined) setErrors({ ...errors, [k]: '请输入整数' });
                else {
                  setErrors({ ...errors, [k]: undefined });
                  set({ [k]: n } as Partial<Survey>);
                }
              }}
            />
            {err(k)}
          </View>
        ))}
        <View className="field">
          <Text className="field-label">总建筑面积（㎡）</Text>
          <Input className="field-input" type="digit" disabled={!editable} value={area} placeholder="未填写" onInput={(e) => setArea(e.detail.value)} />
          {err('floorAreaCenti')}
        </View>
        <View className="field">
          <Text className="field-label">单栋楼</Text>
          <Choices labels={YES_NO} value={yn(s.singleBuilding)} onChange={(v) => editable && set({ singleBuilding: fromYn(v) })} />
        </View>
      </View>

      <View className="card">
        <Text className="section-title">封闭与基础设施</Text>
        <View className="field">
          <Text className="field-label">封闭情况</Text>
          <Choices labels={ENCLOSURE_STATE_LABELS} value={s.enclosure} onChange={(v) => editable && set({ enclosure: v })} />
          {err('enclosure')}
        </View>
        <View className="field">
          <Text className="field-label">有门岗</Text>
          <Choices labels={YES_NO} value={yn(s.hasGate)} onChange={(v) => editable && set({ hasGate: fromYn(v) })} />
        </View>
        {INFRASTRUCTURE_ITEMS.map((i) => (
          <View className="infra" key={i}>
            <Text className="infra-name">{INFRASTRUCTURE_ITEM_LABELS[i]}</Text>
            <Choices
              labels={INFRASTRUCTURE_STATE_LABELS}
              value={s.infrastructure[i] ?? null}
              onChange={(v) => {
                if (!editable) return;
                const next = { ...s.infrastructure };
                if (v) next[i] = v;
                else delete next[i];
                set({ infrastructure: next });
              }}
            />
          </View>
        ))}
        {err('infrastructure')}
      </View>

      <View className="card">
        <Text className="section-title">管理现状与意愿</Text>
        <View className="field">
          <Text className="field-label">现管理方式</Text>
          <Choices labels={SURVEY_MANAGEMENT_STATE_LABELS} value={s.currentManagement} onChange={(v) => editable && set({ currentManagement: v })} />
        </View>
        <View className="field">
          <Text className="field-label">有业主委员会（物业管理委员会）</Text>
          <Choices labels={YES_NO} value={yn(s.hasCommittee)} onChange={(v) => editable && set({ hasCommittee: fromYn(v) })} />
        </View>
        <View className="field">
          <Text className="field-label">已交存维修资金</Text>
          <Choices labels={YES_NO} value={yn(s.fundDeposited)} onChange={(v) => editable && set({ fundDeposited: fromYn(v) })} />
        </View>
        <View className="field">
          <Text className="field-label">老旧小区改造</Text>
          <Choices labels={SURVEY_RENOVATION_STATE_LABELS} value={s.renovation} onChange={(v) => editable && set({ renovation: v })} />
        </View>
        <View className="field">
          <Text className="field-label">调查日期</Text>
          <Picker mode="date" value={s.surveyedOn ?? ''} disabled={!editable} onChange={(e) => set({ surveyedOn: e.detail.value })}>
            <View className="field-input">{s.surveyedOn ?? '请选择'}</View>
          </Picker>
          {err('surveyedOn')}
        </View>
        <View className="field">
          <Text className="field-label">现场照片</Text>
          <View className="photos">
            {s.photos.map((p) => (
              <Text key={p.url} className="photo-name">
                {p.name}
              </Text>
            ))}
            {editable && (
              <Text className="choice" onClick={addPhoto}>
                ＋ 拍照上传
              </Text>
            )}
          </View>
        </View>
        <View className="field">
          <Text className="field-label">备注</Text>
          <Textarea className="textarea" disabled={!editable} value={s.notes ?? ''} maxlength={2000} onInput={(e) => set({ notes: e.detail.value || null })} />
        </View>
      </View>
      {err('form')}
      {editable && (
        <View className="actions">
          <Button className="btn-plain" disabled={busy} onClick={save} data-testid="save-draft">
            保存草稿
          </Button>
          <Button className="btn-primary" disabled={busy} onClick={submit} data-testid="submit-survey">
            提交
          </Button>
        </View>
      )}
    </View>
  );
}
