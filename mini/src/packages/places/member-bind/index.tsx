import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { ApiError } from '../../../services/request';
import { bindAsMember } from '../../../services/householdMembers';
import '../bind/index.scss';

/** A family member or tenant binds to the home the owner registered them for (the owner shares this page). */
export default function MemberBindPage() {
  const householdId = Number(useRouter().params.householdId);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    setErrors({});
    try {
      await bindAsMember({ householdId, name: name.trim(), phone: phone.trim() });
      await Taro.showModal({ title: '绑定成功', content: '您现在可以为该房屋报修、投诉。', showCancel: false, confirmText: '知道了' });
      Taro.redirectTo({ url: '/packages/tickets/new/index' });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      else Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel reason="登录后绑定为家庭成员或租户" onLoggedIn={() => setLoggedIn(true)} />
      </View>
    );
  }
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">绑定为家庭成员或租户</Text>
        <View className="muted">请填写业主为您登记的姓名和手机号</View>
        <View className="field">
          <Text className="field-label">姓名</Text>
          <Input className="field-input" placeholder="业主登记的姓名" value={name} maxlength={40} onInput={(e) => setName(e.detail.value)} />
          {errors.name && <View className="field-error">{errors.name}</View>}
        </View>
        <View className="field">
          <Text className="field-label">手机号</Text>
          <Input
            className="field-input"
            type="number"
            placeholder="业主登记的11位手机号"
            value={phone}
            maxlength={11}
            onInput={(e) => setPhone(e.detail.value)}
          />
          {errors.phone && <View className="field-error">{errors.phone}</View>}
        </View>
      </View>
      <Button className="btn-primary" onClick={submit}>
        绑定
      </Button>
    </View>
  );
}
