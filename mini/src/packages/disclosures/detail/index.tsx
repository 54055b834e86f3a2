import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import {
  answerFlag,
  DISCLOSURE_KIND_LABEL,
  flagLine,
  formatTime,
  formatYuan,
  getDisclosure,
  listFlags,
  STATEMENT_KINDS,
  statementTotals,
  type Disclosure,
  type DisclosureFlag,
} from '../../../services/disclosures';
import { myCommittees } from '../../../services/committees';
import { ApiError } from '../../../services/request';
import { isPdf, isUpload, openAttachment } from '../../../services/uploads';
import '../disclosures.scss';

const LINE_LABEL = (line: string) => {
  const [part, i] = line.split(':');
  if (part === 'income') return `收入第${Number(i) + 1}行`;
  if (part === 'expense') return `支出第${Number(i) + 1}行`;
  return ({ opening: '期初余额', closing: '期末余额', body: '正文' } as Record<string, string>)[part] ?? line;
};

const COMMITTEE_KINDS = ['fund_statement', 'income_statement', 'decision', 'minutes'];

const open = (id: number) => Taro.navigateTo({ url: `/packages/disclosures/detail/index?id=${id}` });

/** The 纠错 form under the line it is about. */
function FlagForm({ line, onDone, disclosureId }: { line: string; disclosureId: number; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const text = comment.trim();
    if (!text) return setError('请说明哪里有误');
    if (text.length > 500) return setError('纠错说明不能超过500字');
    setBusy(true);
    try {
      await flagLine({ disclosureId, line, comment: text });
      Taro.showToast({ title: '已提交，业委会和街道将答复', icon: 'none' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setError(Object.values(e.fields)[0]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="flag-form">
      <View className="muted">{`对“${LINE_LABEL(line)}”纠错`}</View>
      <Textarea className="textarea" placeholder="请说明哪里有误（如金额、项目）" value={comment} maxlength={500} onInput={(e) => setComment(e.detail.value)} />
      {error && <View className="field-error">{error}</View>}
      <Button className="btn-primary" size="mini" loading={busy} disabled={busy} onClick={submit}>
        提交纠错
      </Button>
    </View>
  );
}

/** A committee member's answer to an open flag. */
function AnswerForm({ flag, onDone }: { flag: DisclosureFlag; onDone: () => void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState('');
  const submit = async () => {
    if (!answer.trim()) return setError('请填写答复内容');
    try {
      await answerFlag(flag.id, answer.trim());
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setError(Object.values(e.fields)[0]);
    }
  };
  return (
    <View className="flag-form">
      <Textarea
        className="textarea"
        placeholder="答复业主（将显示给提出纠错的业主）"
        value={answer}
        maxlength={1000}
        onInput={(e) => setAnswer(e.detail.value)}
      />
      {error && <View className="field-error">{error}</View>}
      <Button className="btn-primary" size="mini" onClick={submit}>
        答复
      </Button>
    </View>
  );
}

export default function DisclosureDetailPage() {
  const id = Number(useRouter().params.id);
  const [d, setD] = useState<Disclosure | null>(null);
  const [failed, setFailed] = useState(false);
  const [flagging, setFlagging] = useState<string | null>(null);
  const [flags, setFlags] = useState<DisclosureFlag[]>([]);
  const [member, setMember] = useState(false);

  const load = async () => {
    try {
      const found = await getDisclosure(id);
      setD(found);
      Taro.setNavigationBarTitle({ title: DISCLOSURE_KIND_LABEL[found.kind] });
      listFlags(id).then(setFlags, () => undefined);
      myCommittees().then(
        (mine) => setMember(mine.some((c) => c.compoundId === found.compoundId)),
        () => undefined,
      );
    } catch {
      setFailed(true);
    }
  };
  useDidShow(() => {
    load();
  });

  if (!d) return <View className="page">{failed && <View className="empty">未找到该公开信息</View>}</View>;

  const flagButton = (line: string) => (
    <Text className="line-flag" onClick={() => setFlagging(flagging === line ? null : line)}>
      纠错
    </Text>
  );
  const form = (line: string) =>
    flagging === line ? (
      <FlagForm
        line={line}
        disclosureId={d.id}
        onDone={() => {
          setFlagging(null);
          load();
        }}
      />
    ) : null;

  const s = d.statement;
  const totals = s && STATEMENT_KINDS.includes(d.kind) ? statementTotals(s) : null;
  return (
    <View className="page">
      <View className="card">
        <View>
          <Text className="tag">{DISCLOSURE_KIND_LABEL[d.kind]}</Text>
          {d.status === 'revoked' ? (
            <Text className="tag tag-grey">已撤销</Text>
          ) : d.supersededById ? (
            <Text className="tag tag-grey">已更正</Text>
          ) : (
            <Text className="tag tag-green">当前版本</Text>
          )}
          <Text className="tag tag-grey">{`第${d.version}版`}</Text>
        </View>
        <Text className="vote-title">{d.title}</Text>
        <View className="muted">{`发布于 ${formatTime(d.publishedAt)}`}</View>
        {d.periodStart && <View className="muted">{`期间：${d.periodStart} 至 ${d.periodEnd ?? ''}`}</View>}
        {d.supersededById && (
          <View className="notice" onClick={() => open(d.supersededById!)}>
            此版本已被更正，<Text className="link">查看最新版本</Text>
          </View>
        )}
        {d.correctsId && (
          <View className="muted" onClick={() => open(d.correctsId!)}>
            本版更正了<Text className="link">此前的版本</Text>，两版均保留可查
          </View>
        )}
        {d.status === 'revoked' && <View className="notice">该事项已被街道撤销</View>}
        {d.dueDate && <View className="notice">{`整改期限：${d.dueDate}`}</View>}
        {d.targetId && (
          <View className="muted" onClick={() => open(d.targetId!)}>
            涉及事项：<Text className="link">查看</Text>
          </View>
        )}
      </View>

      {!!d.body && (
        <View className="card">
          <View className="body">{d.body}</View>
          <View style={{ textAlign: 'right' }}>{flagButton('body')}</View>
          {form('body')}
        </View>
      )}

      {s && totals && (
        <View className="card statement">
          <Text className="section-title">收支明细（元）</Text>
          <View className="line table-head">
            <Text className="line-label">项目</Text>
            <Text className="line-amount">金额</Text>
            <Text className="line-balance">余额</Text>
            <Text className="line-flag" />
          </View>
          <View className="line">
            <Text className="line-label">期初余额</Text>
            <Text className="line-amount" />
            <Text className="line-balance">{formatYuan(s.openingFen)}</Text>
            {flagButton('opening')}
          </View>
          {form('opening')}
          {s.incomeLines.map((l, i) => (
            <View key={`income:${i}`}>
              <View className="line">
                <Text className="line-label">{`收入：${l.label}`}</Text>
                <Text className="line-amount">{`+${formatYuan(l.amountFen)}`}</Text>
                <Text className="line-balance">{formatYuan(totals.incomeBalances[i])}</Text>
                {flagButton(`income:${i}`)}
              </View>
              {form(`income:${i}`)}
            </View>
          ))}
          {s.expenseLines.map((l, i) => (
            <View key={`expense:${i}`}>
              <View className="line">
                <Text className="line-label">{`支出：${l.label}`}</Text>
                <Text className="line-amount">{`-${formatYuan(l.amountFen)}`}</Text>
                <Text className="line-balance">{formatYuan(totals.expenseBalances[i])}</Text>
                {flagButton(`expense:${i}`)}
              </View>
              {form(`expense:${i}`)}
            </View>
          ))}
          <View className="line">
            <Text className="line-label">期末余额</Text>
            <Text className="line-amount" />
            <Text className="line-balance">{formatYuan(s.closingFen)}</Text>
            {flagButton('closing')}
          </View>
          {form('closing')}
          <View className="muted" style={{ marginTop: '12px' }}>
            {`收入合计 ${formatYuan(totals.income)}，支出合计 ${formatYuan(totals.expense)}`}
          </View>
        </View>
      )}

      {d.attachments?.length > 0 && (
        <View className="card">
          <Text className="section-title">附件</Text>
          {d.attachments.map((a) => (
            <View key={a.url} className="attachment" onClick={() => openAttachment(a)}>
              <Text className="attachment-kind">{isPdf(a) ? 'PDF' : isUpload(a.url) ? '图片' : '链接'}</Text>
              <Text className="link attachment-name">{a.name}</Text>
            </View>
          ))}
        </View>
      )}

      {member && d.status === 'published' && !d.supersededById && COMMITTEE_KINDS.includes(d.kind) && (
        <Button
          className="btn-plain"
          onClick={() =>
            Taro.navigateTo({
              url: `/packages/committees/${STATEMENT_KINDS.includes(d.kind) ? 'statement' : 'notice'}/index?correct=${d.id}`,
            })
          }
        >
          发布更正
        </Button>
      )}

      {flags.length > 0 && (
        <View className="card">
          <Text className="section-title">纠错与答复</Text>
          {flags.map((f) => (
            <View key={f.id} className="home">
              <View>{`${LINE_LABEL(f.line)}：${f.comment}`}</View>
              <View className="muted">{f.status === 'answered' ? `答复：${f.answer ?? ''}` : '待答复'}</View>
              {member && f.status === 'open' && <AnswerForm flag={f} onDone={load} />}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
