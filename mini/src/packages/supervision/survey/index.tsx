import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { SATISFACTION_RATINGS, SATISFACTION_RATING_LABELS, SURVEY_DIMENSION_LABELS, type SatisfactionRating, type SurveyDimension } from '@baotou/shared';

import { LoginPanel } from '../../../components/LoginPanel';
import { ScanFirst } from '../../../components/ScanFirst';
import { isLoggedIn } from '../../../services/auth';
import { currentCompound, listMyClaims, type HouseholdClaim } from '../../../services/places';
import { answerSurvey, listMyResponses, listOpenSurveys, type Survey, type SurveyResponse } from '../../../services/supervisionSurveys';
import './index.scss';

function Choices({ value, onChange, name }: { value?: SatisfactionRating; onChange: (v: SatisfactionRating) => void; name: string }) {
  return (
    <View className="chips">
      {SATISFACTION_RATINGS.map((r) => (
        <View key={r} className={`chip ${value === r ? 'chip-on' : ''}`} data-question={name} onClick={() => onChange(r)}>
          {SATISFACTION_RATING_LABELS[r]}
        </View>
      ))}
    </View>
  );
}

/** One home's questionnaire: every dimension of the survey plus the overall question (DOMAIN.md §9). */
function Questionnaire({ survey, home, previous, onSaved }: { survey: Survey; home: HouseholdClaim; previous?: SurveyResponse; onSaved: () => void }) {
  const [answers, setAnswers] = useState<Record<string, SatisfactionRating>>(previous?.answers ?? {});
  const [overall, setOverall] = useState<SatisfactionRating | undefined>(previous?.overall);
  const [comment, setComment] = useState(previous?.comment ?? '');
  const [error, setError] = useState('');
  const submit = async () => {
    if (survey.dimensions.some((d) => !answers[d]) || !overall) {
      setError('请对每一项和总体评价作出选择');
      return;
    }
    setError('');
    try {
      await answerSurvey({ surveyId: survey.id, householdId: home.householdId, answers, overall, comment: comment.trim() || null });
      Taro.showToast({ title: previous ? '已修改' : '已提交', icon: 'success' });
      onSaved();
    } catch {
      // the request wrapper shows the server's message
    }
  };
  return (
    <View className="card">
      <Text className="home-room">{`${home.buildingName}${home.unitName}${home.room}`}</Text>
      {previous && <View className="muted">{`已提交，截止（${survey.closesOn}）前可修改`}</View>}
      {survey.dimensions.map((d) => (
        <View className="question" key={d}>
          <Text className="question-title">{SURVEY_DIMENSION_LABELS[d as SurveyDimension] ?? d}</Text>
          <Choices name={d} value={answers[d]} onChange={(v) => setAnswers({ ...answers, [d]: v })} />
        </View>
      ))}
      <View className="question">
        <Text className="question-title">总体评价</Text>
        <Choices name="overall" value={overall} onChange={setOverall} />
      </View>
      <View className="question">
        <Text className="question-title">意见建议（可不填）</Text>
        <Textarea className="comment" value={comment} maxlength={500} placeholder="对物业服务的意见和建议" onInput={(e) => setComment(e.detail.value)} />
      </View>
      {error && <View className="field-error">{error}</View>}
      <Button className="btn-primary" onClick={submit}>
        {previous ? '修改答卷' : '提交答卷'}
      </Button>
    </View>
  );
}

/** The compound's open satisfaction survey for residents: one questionnaire per verified home, changeable until closing. */
export default function SurveyPage() {
  const compound = currentCompound();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [surveys, setSurveys] = useState<Survey[] | null>(null);
  const [homes, setHomes] = useState<HouseholdClaim[]>([]);
  const [responses, setResponses] = useState<Record<number, SurveyResponse[]>>({});

  const load = async () => {
    if (!compound) return;
    try {
      const [claims, open] = await Promise.all([listMyClaims(), listOpenSurveys(compound.id)]);
      setHomes(claims.filter((c) => c.compoundId === compound.id && c.status === 'verified'));
      const mine = await Promise.all(open.map((s) => listMyResponses(s.id)));
      setResponses(Object.fromEntries(open.map((s, i) => [s.id, mine[i]])));
      setSurveys(open);
    } catch {
      setLoggedIn(isLoggedIn());
    }
  };
  useDidShow(() => {
    if (isLoggedIn()) load();
  });

  if (!compound) return <ScanFirst />;
  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后参与本小区业主满意度测评"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (surveys === null) return <View className="page" />;
  if (homes.length === 0) {
    return (
      <View className="page">
        <View className="card">
          <View className="muted">满意度测评按房屋填写，每户一份：请先绑定并认证您在本小区的房屋。</View>
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
            绑定房屋
          </Button>
        </View>
      </View>
    );
  }
  if (surveys.length === 0)
    return (
      <View className="page">
        <View className="empty">本小区暂无进行中的满意度测评</View>
      </View>
    );
  return (
    <View className="page">
      {surveys.map((s) => (
        <View key={s.id}>
          <Text className="section-title">{s.title}</Text>
          <View className="muted">{`${s.opensOn} 至 ${s.closesOn}，每户一份，截止前可修改；结果只统计，不公开个人答卷。`}</View>
          {homes.map((h) => (
            <Questionnaire
              key={`${s.id}-${h.householdId}`}
              survey={s}
              home={h}
              previous={responses[s.id]?.find((r) => r.householdId === h.householdId)}
              onSaved={load}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
