import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { UPLOAD_IMAGE_ACCEPT } from '@baotou/shared/src/uploads/rules';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { listMyClaims, type HouseholdClaim } from '../../../services/places';
import { uploadFile } from '../../../services/request';
import { fileTicket, type TicketKind } from '../../../services/tickets';
import { askSubscription, preloadSubscribeTemplates } from '../../../services/notifications';
import { myMemberHomes } from '../../../services/householdMembers';
import { AGAINST_LABEL, CATEGORIES, CONTACT_SHARE_LABEL, KIND_LABEL, PREFERRED_TIMES } from '../labels';
import '../tickets.scss';

const MAX_PHOTOS = 9;
const isH5 = process.env.TARO_ENV === 'h5';

function Chips({ items, value, onPick }: { items: [string, string][]; value: string | null; onPick: (id: string) => void }) {
  return (
    <View className="chips">
      {items.map(([id, label]) => (
        <View key={id} className={value === id ? 'chip chip-on' : 'chip'} onClick={() => onPick(id)}>
          {label}
        </View>
      ))}
    </View>
  );
}

/** File a repair, complaint or dispute in a few taps: kind, category, home (prefilled), words, photos. */
export default function NewTicketPage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [homes, setHomes] = useState<HouseholdClaim[] | null>(null);
  const [kind, setKind] = useState<TicketKind>('repair');
  const [category, setCategory] = useState<string | null>(null);
  const [against, setAgainst] = useState<string | null>(null);
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [preferredTime, setPreferredTime] = useState<string | null>('尽快');
  const [photos, setPhotos] = useState<{ id: number; src: string }[]>([]);
  const [shareContact, setShareContact] = useState<'name_phone' | 'phone' | 'none'>('name_phone');
  const [error, setError] = useState('');

  const loadHomes = async () => {
    // Their own verified homes, and homes whose owner registered them as a family member or tenant.
    const members = (await myMemberHomes()).map((m) => ({ ...m, id: -m.id, status: 'verified' }) as unknown as HouseholdClaim);
    const claims = [...(await listMyClaims()).filter((c) => c.status === 'verified'), ...members];
    setHomes(claims);
    if (claims.length) setHouseholdId(claims[0].householdId);
  };
  useEffect(() => {
    if (loggedIn) loadHomes().catch(() => setLoggedIn(isLoggedIn()));
  }, [loggedIn]);

  const addUploaded = (id: number, src: string) => setPhotos((p) => (p.length < MAX_PHOTOS ? [...p, { id, src }] : p));

  const choose = async () => {
    const left = MAX_PHOTOS - photos.length;
    if (left <= 0) return;
    const res = await Taro.chooseImage({ count: left, sizeType: ['compressed'] }).catch(() => null);
    for (const path of res?.tempFilePaths ?? []) {
      const up = await uploadFile(path).catch(() => null);
      if (up) addUploaded(up.id, path);
    }
  };

  // H5 fallback: a plain file input (Taro.chooseImage's hidden input is hard to reach in a browser test).
  const onFiles = async (e: { target: { files: FileList | null; value: string } }) => {
    const files = Array.from(e.target.files ?? []).slice(0, MAX_PHOTOS - photos.length);
    for (const f of files) {
      const up = await uploadFile(f).catch(() => null);
      if (up) addUploaded(up.id, URL.createObjectURL(f));
    }
    e.target.value = '';
  };

  useEffect(preloadSubscribeTemplates, []);

  const submit = async () => {
    // WeChat asks for the subscription only within the tap: progress messages (accepted, resolved, awaiting confirmation).
    const subscribed = askSubscription('ticket');
    const text = description.trim();
    const problem = !householdId
      ? '请选择房屋'
      : !category
        ? '请选择类别'
        : kind === 'complaint' && !against
          ? '请选择投诉对象'
          : text.length < 5
            ? '问题描述至少5个字'
            : '';
    setError(problem);
    if (problem) return;
    try {
      await subscribed;
      const t = await fileTicket({
        kind,
        category: category!,
        against: kind === 'complaint' ? (against as 'company' | 'committee') : null,
        householdId: householdId!,
        description: text,
        photos: photos.map((p) => p.id),
        preferredTime: kind === 'repair' ? preferredTime : null,
        shareContact,
      });
      Taro.redirectTo({ url: `/packages/tickets/detail/index?id=${t.id}` });
    } catch {
      // the wrapper showed the reason
    }
  };

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel reason="登录后提交报修、投诉或纠纷" onLoggedIn={() => setLoggedIn(true)} />
      </View>
    );
  }
  if (homes && homes.length === 0) {
    return (
      <View className="page">
        <View className="card empty">请先绑定并认证您的房屋</View>
        <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
          绑定房屋
        </Button>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="step-title">类型</Text>
        <Chips
          items={Object.entries(KIND_LABEL)}
          value={kind}
          onPick={(k) => {
            setKind(k as TicketKind);
            setCategory(null);
            setAgainst(null);
          }}
        />
        <Text className="step-title">类别</Text>
        <Chips items={CATEGORIES[kind]} value={category} onPick={setCategory} />
        {kind === 'complaint' && (
          <>
            <Text className="step-title">投诉对象</Text>
            <Chips items={Object.entries(AGAINST_LABEL)} value={against} onPick={setAgainst} />
          </>
        )}
      </View>
      <View className="card">
        <Text className="step-title">房屋</Text>
        <Chips
          items={(homes ?? []).map((h) => [String(h.householdId), `${h.compoundName} ${h.buildingName} ${h.unitName} ${h.room}`])}
          value={householdId ? String(householdId) : null}
          onPick={(id) => setHouseholdId(Number(id))}
        />
        {kind === 'repair' && (
          <>
            <Text className="step-title">期望上门时间</Text>
            <Chips items={PREFERRED_TIMES.map((t) => [t, t])} value={preferredTime} onPick={setPreferredTime} />
          </>
        )}
      </View>
      <View className="card">
        <Text className="step-title">提供给处理人员的联系方式</Text>
        <Chips items={Object.entries(CONTACT_SHARE_LABEL)} value={shareContact} onPick={(v) => setShareContact(v as typeof shareContact)} />
        <View className="muted contact-share-note">取自您绑定房屋时登记的姓名和手机号；处理人员查看完整号码会留痕</View>
      </View>
      <View className="card">
        <Text className="step-title">问题描述</Text>
        <Textarea
          className="desc"
          value={description}
          maxlength={1000}
          placeholder="请描述问题，如位置、现象、持续时间"
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className="step-title">照片（最多9张）</Text>
        <View className="photos">
          {photos.map((p) => (
            <Image key={p.id} className="photo" src={p.src} mode="aspectFill" />
          ))}
          {photos.length < MAX_PHOTOS && !isH5 && (
            <View className="photo-add" onClick={choose}>
              +
            </View>
          )}
        </View>
        {/* The browser's own file button says "Choose Files" in English: a Chinese label opens it instead. */}
        {isH5 && photos.length < MAX_PHOTOS && (
          <label className="photo-add-h5">
            添加照片
            <input className="file-input" type="file" accept={UPLOAD_IMAGE_ACCEPT} multiple style={{ display: 'none' }} onChange={onFiles as never} />
          </label>
        )}
      </View>
      {error && <View className="card overdue">{error}</View>}
      <Button className="btn-primary" onClick={submit}>
        提交
      </Button>
    </View>
  );
}
