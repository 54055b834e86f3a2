import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { UPLOAD_IMAGE_ACCEPT } from '@baotou/shared/src/uploads/rules';

import { uploadFile } from '../../../services/request';
import type { Ticket, TicketEvent } from '../../../services/tickets';
import {
  acceptWorkorder,
  dispatchWorkorder,
  getWorkorder,
  getWorkorderContact,
  isStaffSession,
  listWorkorderEvents,
  resolveWorkorder,
  startWorkorder,
} from '../../../services/workorders';
import { Photos } from '../../tickets/Photo';
import { TicketTimeline } from '../../tickets/TicketTimeline';
import { CATEGORY_LABEL, DEADLINE_LABEL, LEVEL_LABEL, STATUS_LABEL, when } from '../../tickets/labels';
import { MAX_RESULT_PHOTOS, staffActions, validateDispatch, validateResolve } from '../actions';
import { residentStepText, timeLeftText } from '../queue';
import { InfoRow } from '../../../components/InfoRow';
import '../workorders.scss';
import { FileInput } from '../../../components/FileInput';

const isH5 = process.env.TARO_ENV === 'h5';

/** One repair for field staff: details, photos, and the steps the state machine allows them now. */
export default function WorkorderDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [t, setT] = useState<Ticket | null>(null);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [workerName, setWorkerName] = useState('');
  const [workerPhone, setWorkerPhone] = useState('');
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<{ id: number; src: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [fullPhone, setFullPhone] = useState<string | null>(null);

  const toLogin = () =>
    Taro.redirectTo({ url: `/packages/workorders/login/index?redirect=${encodeURIComponent(`/packages/workorders/detail/index?id=${id}`)}` });

  const load = async () => {
    if (!isStaffSession()) return toLogin();
    try {
      setT(await getWorkorder(id));
      setEvents(await listWorkorderEvents(id));
    } catch {
      if (!isStaffSession()) toLogin();
    }
  };
  useDidShow(() => {
    load();
  });

  const act = async (fn: () => Promise<Ticket>, done: string) => {
    try {
      setT(await fn());
      setErrors({});
      setEvents(await listWorkorderEvents(id));
      Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (e) {
      const fields = (e as { fields?: Record<string, string> }).fields;
      if (fields) setErrors(fields);
      if (!isStaffSession()) toLogin();
      return false;
    }
  };

  const dispatch = async () => {
    const problems = validateDispatch({ workerName, workerPhone });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    await act(() => dispatchWorkorder(id, workerName.trim(), workerPhone.trim() || null), '已派工');
  };

  const resolve = async () => {
    const problems = validateResolve({ result, photoCount: photos.length });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (
      await act(
        () =>
          resolveWorkorder(
            id,
            result.trim(),
            photos.map((p) => p.id),
          ),
        '已提交，待居民评价',
      )
    )
      setPhotos([]);
  };

  const addUploaded = (upId: number, src: string) => setPhotos((p) => (p.length < MAX_RESULT_PHOTOS ? [...p, { id: upId, src }] : p));

  const choose = async () => {
    const room = MAX_RESULT_PHOTOS - photos.length;
    if (room <= 0) return;
    const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
    for (const path of res?.tempFilePaths ?? []) {
      const up = await uploadFile(path).catch(() => null);
      if (up) addUploaded(up.id, path);
    }
  };

  // H5 fallback: a plain file input, as the residents' tickets pages use.
  const onFiles = async (e: { target: { files: FileList | null; value: string } }) => {
    const all = Array.from(e.target.files ?? []);
    const files = all.slice(0, MAX_RESULT_PHOTOS - photos.length);
    if (all.length > files.length) Taro.showToast({ title: `完工照片最多${MAX_RESULT_PHOTOS}张`, icon: 'none' });
    for (const f of files) {
      const up = await uploadFile(f).catch(() => null);
      if (up) addUploaded(up.id, URL.createObjectURL(f));
    }
    e.target.value = '';
  };

  if (!t) return <View className="page" />;
  const actions = staffActions(t);
  const open = ['submitted', 'accepted', 'dispatched', 'in_progress'].includes(t.status);
  return (
    <View className="page">
      <View className="card">
        <View className="wo-head">
          <Text className="wo-title">
            #{t.id} 报修 · {CATEGORY_LABEL[t.category] ?? t.category}
          </Text>
          <Text className={`wo-status wo-status-${t.status}`}>{STATUS_LABEL[t.status]}</Text>
        </View>
        <View className="muted">
          {t.compoundName} {t.householdLabel ?? ''}
        </View>
        <View className="wo-desc">{t.description}</View>
        <Photos ids={t.photos} />
        {t.preferredTime && <InfoRow label="期望上门">{t.preferredTime}</InfoRow>}
        <InfoRow label="提交时间">{when(t.createdAt)}</InfoRow>
        <InfoRow label="联系人" valueClass="wo-contact">
          {t.contactPhone ? `${t.contactName ?? '（未提供姓名）'} ${fullPhone ?? t.contactPhone}` : '居民未提供联系方式'}
        </InfoRow>
        {t.contactPhone && !fullPhone && (
          <Button
            className="btn-plain wo-reveal"
            size="mini"
            onClick={() =>
              getWorkorderContact(id)
                .then((c) => setFullPhone(c.contactPhone))
                .catch(() => undefined)
            }
          >
            查看完整电话（留痕）
          </Button>
        )}
        <InfoRow label={t.dueKind ? DEADLINE_LABEL[t.dueKind] : DEADLINE_LABEL.resolve}>{when(t.dueAt)}</InfoRow>
        {open && (
          <View className={t.overdue ? 'overdue' : 'wo-left'}>
            {t.dueKind ? `距${DEADLINE_LABEL[t.dueKind]} ` : ''}
            {timeLeftText(t.timeLeftSeconds)}
            {t.overdue && <Text className="overdue-flag">超时</Text>}
          </View>
        )}
        {t.level !== 'company' && <View className="muted">已转{LEVEL_LABEL[t.level]}处理，您可查看进度</View>}
        {residentStepText(t, when) && <View className="wo-waiting">{residentStepText(t, when)}</View>}
      </View>

      {(t.acceptPersonName || t.workerName || t.result) && (
        <View className="card">
          {t.acceptDepartment && <InfoRow label="受理部门">{t.acceptDepartment}</InfoRow>}
          {t.acceptPersonName && <InfoRow label="受理人员">{t.acceptPersonName}</InfoRow>}
          {t.workerName && (
            <InfoRow label="维修人员">
              {t.workerName} {t.workerPhone ?? ''}
            </InfoRow>
          )}
          {t.result && (
            <InfoRow label="处理结果" valueClass="wo-result">
              {t.result}
            </InfoRow>
          )}
          <Photos ids={t.resultPhotos} />
          {t.rating && <InfoRow label="居民评价">{'★'.repeat(t.rating)}</InfoRow>}
        </View>
      )}

      {(actions.includes('accept') || actions.includes('start')) && (
        <View className="card">
          {actions.includes('accept') && (
            <Button className="btn-primary wo-action" onClick={() => act(() => acceptWorkorder(id), '已受理')}>
              受理
            </Button>
          )}
          {actions.includes('start') && (
            <Button className="btn-primary wo-action" onClick={() => act(() => startWorkorder(id), '已开始处理')}>
              开始处理
            </Button>
          )}
        </View>
      )}

      {actions.includes('dispatch') && (
        <View className="card">
          <Text className="section-title">{t.workerName ? '改派维修人员' : '一键派工'}</Text>
          <View className="field">
            <Text className="field-label">维修人员</Text>
            <Input className="field-input" value={workerName} placeholder="维修人员姓名" onInput={(e) => setWorkerName(e.detail.value)} />
            {errors.workerName && <View className="field-error">{errors.workerName}</View>}
          </View>
          <View className="field">
            <Text className="field-label">联系电话（选填）</Text>
            <Input
              className="field-input"
              type="number"
              maxlength={11}
              value={workerPhone}
              placeholder="维修人员手机号"
              onInput={(e) => setWorkerPhone(e.detail.value)}
            />
            {errors.workerPhone && <View className="field-error">{errors.workerPhone}</View>}
          </View>
          <Button className="btn-plain wo-action" onClick={dispatch}>
            {t.workerName ? '改派' : '一键派工'}
          </Button>
        </View>
      )}

      {actions.includes('resolve') && (
        <View className="card">
          <Text className="section-title">完工提交</Text>
          <Textarea
            className="desc"
            value={result}
            maxlength={1000}
            placeholder="请填写处理结果，如更换的部件、试用情况"
            onInput={(e) => setResult(e.detail.value)}
          />
          {errors.result && <View className="field-error">{errors.result}</View>}
          <Text className="field-label">完工照片（最多{MAX_RESULT_PHOTOS}张）</Text>
          <View className="photos">
            {photos.map((p) => (
              <View key={p.id} className="photo-wrap">
                <Image className="photo" src={p.src} mode="aspectFill" />
                <View className="photo-remove" onClick={() => setPhotos(photos.filter((x) => x.id !== p.id))}>
                  ×
                </View>
              </View>
            ))}
            {photos.length < MAX_RESULT_PHOTOS && !isH5 && (
              <View className="photo-add" onClick={choose}>
                +
              </View>
            )}
          </View>
          {isH5 && photos.length < MAX_RESULT_PHOTOS && <FileInput label="+ 添加完成照片" accept={UPLOAD_IMAGE_ACCEPT} multiple onChange={onFiles} />}
          {errors.photos && <View className="field-error">{errors.photos}</View>}
          <Button className="btn-primary wo-action" onClick={resolve}>
            完工提交
          </Button>
        </View>
      )}

      <TicketTimeline events={events} />
    </View>
  );
}
