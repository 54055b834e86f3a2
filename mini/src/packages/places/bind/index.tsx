import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { ScanFirst } from '../../../components/ScanFirst';
import { isLoggedIn } from '../../../services/auth';
import { ApiError } from '../../../services/request';
import { claimHousehold, currentCompound, listBuildings, listRooms, type HouseholdClaim, type MiniBuilding, type MiniRoom } from '../../../services/places';
import { validateOwner } from './validate';
import './index.scss';

interface ChipsProps<T> {
  items: T[];
  label: (item: T) => string;
  selected: (item: T) => boolean;
  onPick: (item: T) => void;
}

function Chips<T>({ items, label, selected, onPick }: ChipsProps<T>) {
  return (
    <View className="chips">
      {items.map((item) => (
        <View key={label(item)} className={selected(item) ? 'chip chip-on' : 'chip'} onClick={() => onPick(item)}>
          {label(item)}
        </View>
      ))}
    </View>
  );
}

function goToMyHomes() {
  // Came from "my homes": go back to it (it refreshes on show) rather than stacking a second copy.
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous && /pages\/me\/index/.test(previous.route || '')) Taro.navigateBack();
  else Taro.redirectTo({ url: '/pages/me/index' });
}

export default function BindPage() {
  const compound = currentCompound();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [buildings, setBuildings] = useState<MiniBuilding[] | null>(null);
  const [building, setBuilding] = useState<MiniBuilding | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [rooms, setRooms] = useState<MiniRoom[] | null>(null);
  const [room, setRoom] = useState<MiniRoom | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [claim, setClaim] = useState<HouseholdClaim | null>(null);

  const compoundId = compound?.id;
  useEffect(() => {
    if (loggedIn && compoundId)
      listBuildings(compoundId).then(
        (list) => setBuildings(list),
        () => setBuildings([]),
      );
  }, [loggedIn, compoundId]);

  useEffect(() => {
    if (!claim) return;
    const timer = setTimeout(goToMyHomes, 1500);
    return () => clearTimeout(timer);
  }, [claim]);

  if (!compound) return <ScanFirst />;

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel reason="绑定房屋需要先登录" onLoggedIn={() => setLoggedIn(true)} />
      </View>
    );
  }

  if (claim) {
    const verified = claim.status === 'verified';
    return (
      <View className="page">
        <View className="card result">
          <Text className={`result-status ${verified ? 'result-verified' : 'result-pending'}`}>{verified ? '已认证' : '待审核'}</Text>
          <View>{`${claim.compoundName} ${claim.buildingName} ${claim.unitName} ${claim.room}`}</View>
          <View className="muted">{verified ? '姓名和手机号与业主登记一致，房屋已绑定' : '与业主登记信息不一致，已提交社区审核'}</View>
        </View>
        <Button className="btn-primary" onClick={goToMyHomes}>
          查看我的房屋
        </Button>
      </View>
    );
  }

  const pickBuilding = (b: MiniBuilding) => {
    setBuilding(b);
    setUnitId(null);
    setRooms(null);
    setRoom(null);
  };

  const pickUnit = (id: number) => {
    setUnitId(id);
    setRoom(null);
    setRooms(null);
    listRooms(id).then(
      (list) => setRooms(list),
      () => setRooms([]),
    );
  };

  const submit = async () => {
    if (!room) return;
    const found = validateOwner({ name, phone });
    setErrors(found as Record<string, string>);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    try {
      setClaim(await claimHousehold({ householdId: room.householdId, name: name.trim(), phone: phone.trim() }));
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{compound.name}</Text>
        <View className="muted">请选择您的房屋，并填写房产登记的业主姓名和手机号</View>
      </View>

      <View className="card">
        <Text className="step-title">选择楼栋</Text>
        {buildings === null && <View className="muted">加载中…</View>}
        {buildings?.length === 0 && <View className="muted">该小区暂无楼栋信息</View>}
        {buildings && <Chips items={buildings} label={(b) => b.name} selected={(b) => b.id === building?.id} onPick={pickBuilding} />}
      </View>

      {building && (
        <View className="card">
          <Text className="step-title">选择单元</Text>
          {building.units.length === 0 && <View className="muted">该楼栋暂无单元信息</View>}
          <Chips items={building.units} label={(u) => u.name} selected={(u) => u.id === unitId} onPick={(u) => pickUnit(u.id)} />
        </View>
      )}

      {unitId !== null && (
        <View className="card">
          <Text className="step-title">选择房号</Text>
          {rooms === null && <View className="muted">加载中…</View>}
          {rooms?.length === 0 && <View className="muted">该单元暂无房屋信息</View>}
          {rooms && <Chips items={rooms} label={(r) => r.room} selected={(r) => r.householdId === room?.householdId} onPick={setRoom} />}
        </View>
      )}

      {room && (
        <View className="card">
          <Text className="step-title">业主信息</Text>
          <View className="field">
            <Text className="field-label">业主姓名</Text>
            <Input className="field-input" placeholder="与房产登记一致的姓名" value={name} maxlength={32} onInput={(e) => setName(e.detail.value)} />
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
      )}

      {room && (
        <Button className="btn-primary" loading={submitting} disabled={submitting} onClick={submit}>
          提交绑定
        </Button>
      )}
    </View>
  );
}
