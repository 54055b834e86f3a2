import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import {
  correctDisclosure,
  formatYuan,
  getDisclosure,
  publishDisclosure,
  statementTotals,
  type DisclosureKind,
  type StatementLine,
} from '../../../services/disclosures';
import { currentCompound } from '../../../services/places';
import { ApiError } from '../../../services/request';
import type { Attachment } from '../../../services/uploads';
import { attachmentError, AttachmentsField } from '../AttachmentsField';
import { formErrors, previousQuarter, toStatement, validateStatement, withoutBlankLines, type LineDraft, type StatementDraft } from './form';
import '../committees.scss';

const KINDS: { kind: DisclosureKind; label: string }[] = [
  { kind: 'income_statement', label: '公共收益收支' },
  { kind: 'fund_statement', label: '维修资金收支' },
];

function Lines({
  title,
  prefix,
  lines,
  balances,
  errors,
  onChange,
}: {
  title: string;
  prefix: 'income' | 'expense';
  lines: LineDraft[];
  balances: number[];
  errors: Record<string, string>;
  onChange: (lines: LineDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const noun = prefix === 'income' ? '收入' : '支出';
  return (
    <View className="card">
      <Text className="section-title">{title}</Text>
      {lines.map((l, i) => (
        <View key={i} className={`line-${prefix}`}>
          <View className="line-edit">
            <Input className="line-edit-label" placeholder={`${noun}项目`} value={l.label} maxlength={60} onInput={(e) => set(i, { label: e.detail.value })} />
            <Input
              className="line-edit-amount"
              type="digit"
              placeholder={`${noun}金额（元）`}
              value={l.amount}
              onInput={(e) => set(i, { amount: e.detail.value })}
            />
            <Text className="line-edit-remove" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
              删除
            </Text>
          </View>
          <View className="line-balance">{`本行后余额 ${formatYuan(balances[i])} 元`}</View>
          {errors[`${prefix}:${i}`] && <View className="field-error">{errors[`${prefix}:${i}`]}</View>}
        </View>
      ))}
      <View className="add-line" onClick={() => onChange([...lines, { label: '', amount: '' }])}>{`+ 添加${noun}`}</View>
    </View>
  );
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const toDrafts = (lines: StatementLine[]): LineDraft[] => lines.map((l) => ({ label: l.label, amount: yuan(l.amountFen) }));

/**
 * Publish a public-income or maintenance-fund statement; it must balance to the fen. With
 * `?correct=<id>` it publishes a corrected version of that statement (the old one stays visible).
 */
export default function StatementPage() {
  const compound = currentCompound();
  const correctId = Number(useRouter().params.correct) || null;
  const quarter = previousQuarter(new Date());
  const [kind, setKind] = useState<DisclosureKind>('income_statement');
  const [titleTouched, setTitleTouched] = useState(false);
  const [draft, setDraft] = useState<StatementDraft>({
    title: '',
    periodStart: quarter.start,
    periodEnd: quarter.end,
    opening: '',
    closing: '',
    income: [{ label: '', amount: '' }],
    expense: [{ label: '', amount: '' }],
  });
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!correctId) return;
    Taro.setNavigationBarTitle({ title: '发布更正版本' });
    getDisclosure(correctId).then(
      (d) => {
        if (!d.statement) return;
        setKind(d.kind);
        setTitleTouched(true);
        setBody(d.body ?? '');
        setAttachments(d.attachments ?? []);
        setDraft({
          title: d.title,
          periodStart: d.periodStart ?? quarter.start,
          periodEnd: d.periodEnd ?? quarter.end,
          opening: yuan(d.statement.openingFen),
          closing: yuan(d.statement.closingFen),
          income: toDrafts(d.statement.incomeLines),
          expense: toDrafts(d.statement.expenseLines),
        });
      },
      () => undefined,
    );
  }, [correctId, quarter.start, quarter.end]);

  const kindLabel = KINDS.find((k) => k.kind === kind)!.label;
  const title = titleTouched ? draft.title : `${quarter.label}${kindLabel}公开`;
  const form = { ...draft, title };
  const totals = statementTotals(toStatement(form));
  const update = (patch: Partial<StatementDraft>) => setDraft({ ...form, ...patch });

  const submit = async () => {
    if (!compound) return;
    const found = validateStatement(form);
    setErrors(found);
    if (Object.keys(found).length) {
      Taro.showToast({ title: found.closing?.startsWith('收支不平衡') ? found.closing : '请检查标红的项目', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const input = {
        compoundId: compound.id,
        kind,
        title: title.trim(),
        body: body.trim() || null,
        periodStart: form.periodStart,
        periodEnd: form.periodEnd,
        statement: toStatement(withoutBlankLines(form)),
        attachments,
      };
      const published = correctId ? await correctDisclosure(correctId, input) : await publishDisclosure(input);
      Taro.showToast({ title: '已公开', icon: 'success' });
      Taro.redirectTo({ url: `/packages/disclosures/detail/index?id=${published.id}` });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(formErrors(e.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        {correctId ? (
          <View className="muted">更正后发布为新版本，原版本保留并标注“已更正”。</View>
        ) : (
          <View className="chips">
            {KINDS.map((k) => (
              <View key={k.kind} className={k.kind === kind ? 'chip chip-on' : 'chip'} onClick={() => setKind(k.kind)}>
                {k.label}
              </View>
            ))}
          </View>
        )}
        <View className="field">
          <Text className="field-label">标题</Text>
          <Input
            className="field-input"
            placeholder="公开标题"
            value={title}
            maxlength={100}
            onInput={(e) => {
              setTitleTouched(true);
              update({ title: e.detail.value });
            }}
          />
          {errors.title && <View className="field-error">{errors.title}</View>}
        </View>
        <View className="field">
          <Text className="field-label">公开期间</Text>
          <View style={{ display: 'flex', alignItems: 'center' }}>
            <Picker mode="date" value={form.periodStart} onChange={(e) => update({ periodStart: String(e.detail.value) })}>
              <View className="picker">{form.periodStart}</View>
            </Picker>
            <Text style={{ margin: '0 16px' }}>至</Text>
            <Picker mode="date" value={form.periodEnd} onChange={(e) => update({ periodEnd: String(e.detail.value) })}>
              <View className="picker">{form.periodEnd}</View>
            </Picker>
          </View>
          {(errors.period || errors.periodStart || errors.periodEnd) && (
            <View className="field-error">{errors.period || errors.periodStart || errors.periodEnd}</View>
          )}
        </View>
        <View className="field">
          <Text className="field-label">期初余额（元）</Text>
          <Input className="field-input" type="digit" placeholder="期初余额（元）" value={form.opening} onInput={(e) => update({ opening: e.detail.value })} />
          {errors.opening && <View className="field-error">{errors.opening}</View>}
        </View>
      </View>

      <Lines title="收入明细" prefix="income" lines={form.income} balances={totals.incomeBalances} errors={errors} onChange={(income) => update({ income })} />
      <Lines
        title="支出明细"
        prefix="expense"
        lines={form.expense}
        balances={totals.expenseBalances}
        errors={errors}
        onChange={(expense) => update({ expense })}
      />
      {errors.lines && <View className="field-error">{errors.lines}</View>}

      <View className="card">
        <View className="field">
          <Text className="field-label">期末余额（元）</Text>
          <Input className="field-input" type="digit" placeholder="期末余额（元）" value={form.closing} onInput={(e) => update({ closing: e.detail.value })} />
          {errors.closing && <View className="field-error">{errors.closing}</View>}
        </View>
        <View className="summary-row">
          <Text className="muted">收入合计</Text>
          <Text>{formatYuan(totals.income)}</Text>
        </View>
        <View className="summary-row">
          <Text className="muted">支出合计</Text>
          <Text>{formatYuan(totals.expense)}</Text>
        </View>
        <View className="summary-row">
          <Text className="muted">按明细计算的期末余额</Text>
          <Text className="computed-closing">{formatYuan(totals.computed)}</Text>
        </View>
        <View className="summary-row">
          <Text className="muted">差额（计算 − 填报）</Text>
          <Text className={`statement-diff ${totals.difference === 0 ? 'diff-ok' : 'diff-bad'}`}>
            {totals.difference === 0 ? '0.00 收支平衡' : `${formatYuan(totals.difference)} 不平衡`}
          </Text>
        </View>
      </View>

      <View className="card">
        <Text className="field-label">说明（选填）</Text>
        <Textarea className="textarea" placeholder="收支情况说明" value={body} maxlength={2000} onInput={(e) => setBody(e.detail.value)} />
      </View>

      <AttachmentsField value={attachments} update={setAttachments} />
      {attachmentError(errors) && <View className="field-error">{attachmentError(errors)}</View>}

      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
        {correctId ? '发布更正' : '提交公开'}
      </Button>
    </View>
  );
}
