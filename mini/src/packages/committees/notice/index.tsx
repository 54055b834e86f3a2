import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { correctDisclosure, getDisclosure, publishDisclosure, type DisclosureKind } from '../../../services/disclosures';
import { currentCompound } from '../../../services/places';
import { ApiError } from '../../../services/request';
import type { Attachment } from '../../../services/uploads';
import { attachmentError, AttachmentsField } from '../AttachmentsField';
import '../committees.scss';

const KINDS: { kind: DisclosureKind; label: string }[] = [
  { kind: 'decision', label: '业委会决定' },
  { kind: 'minutes', label: '会议纪要' },
];

/** Publish a committee decision (within 3 days of taking it, DOMAIN.md §2) or meeting minutes. */
export default function NoticePage() {
  const compound = currentCompound();
  // ?correct=<id>: publish a corrected version of that decision or minutes.
  const correctId = Number(useRouter().params.correct) || null;
  const [kind, setKind] = useState<DisclosureKind>('decision');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!correctId) return;
    Taro.setNavigationBarTitle({ title: '发布更正版本' });
    getDisclosure(correctId).then(
      (d) => {
        setKind(d.kind);
        setTitle(d.title);
        setBody(d.body ?? '');
        setAttachments(d.attachments ?? []);
      },
      () => undefined,
    );
  }, [correctId]);

  const submit = async () => {
    if (!compound) return;
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = '请填写标题';
    else if (title.trim().length > 100) e.title = '标题不能超过100字';
    if (!body.trim()) e.body = kind === 'decision' ? '请填写决定内容' : '请填写会议纪要';
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const input = { compoundId: compound.id, kind, title: title.trim(), body: body.trim(), attachments };
      const published = correctId ? await correctDisclosure(correctId, input) : await publishDisclosure(input);
      Taro.showToast({ title: '已公开', icon: 'success' });
      Taro.redirectTo({ url: `/packages/disclosures/detail/index?id=${published.id}` });
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
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
        {kind === 'decision' && <View className="muted">业委会决定须经全体委员过半数同意，并在作出之日起3日内公开。</View>}
        <View className="field">
          <Text className="field-label">标题</Text>
          <Input className="field-input" placeholder="标题" value={title} maxlength={100} onInput={(e) => setTitle(e.detail.value)} />
          {errors.title && <View className="field-error">{errors.title}</View>}
        </View>
        <View className="field">
          <Text className="field-label">{kind === 'decision' ? '决定内容' : '纪要内容'}</Text>
          <Textarea className="textarea" placeholder="正文" value={body} maxlength={20000} onInput={(e) => setBody(e.detail.value)} />
          {errors.body && <View className="field-error">{errors.body}</View>}
        </View>
      </View>
      <AttachmentsField value={attachments} update={setAttachments} />
      {attachmentError(errors) && <View className="field-error">{attachmentError(errors)}</View>}
      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
        {correctId ? '发布更正' : '提交公开'}
      </Button>
    </View>
  );
}
