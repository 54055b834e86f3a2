import { Button, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { RENEWAL_CLASSIFICATION_LABELS, RENEWAL_SURVEY_STATUS_LABELS } from '@baotou/shared';

import {
  createSurvey,
  listOldCompounds,
  listSurveys,
  pendingDraft,
  surveyLogout,
  surveyStaff,
  type OldCompound,
  type Survey,
} from '../../../services/renewalSurvey';
import '../renewal.scss';

/** The officer's surveys (drafts to resume first) and the old compounds still to survey. */
export default function SurveysPage() {
  const [surveys, setSurveys] = useState<Survey[] | null>(null);
  const [todo, setTodo] = useState<OldCompound[]>([]);
  const staff = surveyStaff();

  const load = async () => {
    if (!surveyStaff()) {
      Taro.redirectTo({ url: '/packages/renewal/login/index' });
      return;
    }
    const [list, compounds] = await Promise.all([listSurveys(), listOldCompounds()]);
    list.sort((a, b) => (a.status === b.status ? 0 : a.status === 'draft' ? -1 : 1));
    setSurveys(list);
    setTodo(compounds.filter((c) => !c.surveyId));
  };
  useDidShow(() => {
    load().catch(() => undefined);
  });

  const start = async (i: number) => {
    const c = todo[i];
    if (!c) return;
    const s = await createSurvey(c.id).catch(() => null);
    if (s) Taro.navigateTo({ url: `/packages/renewal/survey/index?id=${s.id}` });
  };

  return (
    <View className="page">
      <View className="staff-bar">
        <Text>{staff ? `${staff.name}` : ''}</Text>
        <Text
          className="staff-logout"
          onClick={() => {
            surveyLogout();
            Taro.redirectTo({ url: '/packages/renewal/login/index' });
          }}
        >
          退出
        </Text>
      </View>
      {todo.length > 0 && (
        <Picker mode="selector" range={todo.map((c) => c.name)} onChange={(e) => start(Number(e.detail.value))}>
          <Button className="btn-primary">{`新建调查（待调查 ${todo.length} 个小区）`}</Button>
        </Picker>
      )}
      {surveys === null && <View className="empty">加载中…</View>}
      {surveys?.length === 0 && <View className="empty">暂无调查</View>}
      {surveys?.map((s) => (
        <View
          key={s.id}
          className="card survey-item"
          data-testid="survey-item"
          onClick={() => Taro.navigateTo({ url: `/packages/renewal/survey/index?id=${s.id}` })}
        >
          <View className="survey-head">
            <Text className="survey-name">{s.compoundName}</Text>
            <Text className={`tag tag-${s.status}`}>{RENEWAL_SURVEY_STATUS_LABELS[s.status]}</Text>
          </View>
          {pendingDraft(s.id) && <Text className="muted">本机有未上传的修改</Text>}
          {s.status === 'submitted' && (
            <Text className="muted">
              {s.classification
                ? `确认分类：${RENEWAL_CLASSIFICATION_LABELS[s.classification]}`
                : `建议分类：${s.proposedClassification ? RENEWAL_CLASSIFICATION_LABELS[s.proposedClassification] : '—'}（待区住建局确认）`}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
