import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { ApiError } from '../../../services/request';
import {
  addMember,
  listMembers,
  MEMBER_STATUS_LABEL,
  RELATION_LABEL,
  removeMember,
  type HouseholdMember,
  type MemberRelation,
} from '../../../services/householdMembers';
import '../bind/index.scss';

/**
 * The owner's page for one home: family members and tenants registered so far, and a form to add
 * one. A registered person binds on 成员绑定 with the same name and phone, then may file repairs
 * for the home (but not vote or see the maintenance fund).
 */
export default function MembersPage() {
  const householdId = Number(useRouter().params.householdId);
  const [members, setMembers] = useState<HouseholdMember[] | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<MemberRelation>('family');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const load = () => listMembers(householdId).then(setMembers, () => setMembers([]));
  useDidShow(() => {
    load();
  });

  const add = async () => {
    setErrors({});
    try {
      await addMember(householdId, { name: name.trim(), phone: phone.trim(), relation });
      setName('');
      setPhone('');
      Taro.showToast({ title: '已登记，请对方绑定', icon: 'none' });
      load();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      else Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  const remove = async (m: HouseholdMember) => {
    const { confirm } = await Taro.showModal({ title: '移除成员', content: `移除后${m.name}将不能再为该房屋报修。确定移除吗？`, confirmText: '移除' });
    if (!confirm) return;
    await removeMember(householdId, m.id).catch(() => undefined);
    load();
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">已登记的成员</Text>
        {members?.length === 0 && <View className="muted">还没有登记家庭成员或租户</View>}
        {members?.map((m) => (
          <View className="row member" key={m.id}>
            <Text>{`${m.name}（${RELATION_LABEL[m.relation]}） ${m.phone}`}</Text>
            <Text className="muted">{MEMBER_STATUS_LABEL[m.status]}</Text>
            <Button className="btn-plain" size="mini" onClick={() => remove(m)}>
              移除
            </Button>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="step-title">登记家庭成员或租户</Text>
        <View className="chips">
          {(Object.keys(RELATION_LABEL) as MemberRelation[]).map((r) => (
            <View key={r} className={relation === r ? 'chip chip-on' : 'chip'} onClick={() => setRelation(r)}>
              {RELATION_LABEL[r]}
            </View>
          ))}
        </View>
        {errors.relation && <View className="field-error">{errors.relation}</View>}
        <View className="field">
          <Text className="field-label">姓名</Text>
          <Input className="field-input" placeholder="成员姓名" value={name} maxlength={40} onInput={(e) => setName(e.detail.value)} />
          {errors.name && <View className="field-error">{errors.name}</View>}
        </View>
        <View className="field">
          <Text className="field-label">手机号</Text>
          <Input className="field-input" type="number" placeholder="成员的11位手机号" value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
          {errors.phone && <View className="field-error">{errors.phone}</View>}
        </View>
        <View className="muted">成员绑定后可以为该房屋报修、投诉，不能参加业主表决或查看维修资金。</View>
      </View>
      <Button className="btn-primary" onClick={add}>
        登记
      </Button>
    </View>
  );
}
