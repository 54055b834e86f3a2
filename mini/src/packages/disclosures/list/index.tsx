import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { ScanFirst } from '../../../components/ScanFirst';
import { isLoggedIn } from '../../../services/auth';
import { formatTime, listDisclosures, type Disclosure } from '../../../services/disclosures';
import { DISCLOSURE_KIND_LABEL, DISCLOSURE_TABS, filterByTab } from './tabs';
import { currentCompound, listMyClaims } from '../../../services/places';
import '../disclosures.scss';

function versionTag(d: Disclosure): { text: string; className: string } {
  if (d.status === 'revoked') return { text: '已撤销', className: 'tag tag-grey' };
  if (d.supersededById) return { text: '已更正', className: 'tag tag-grey' };
  return { text: '当前版本', className: 'tag tag-green' };
}

/** The compound's disclosures, newest first, by kind; each shows whether it is the current version. */
export default function DisclosureListPage() {
  const compound = currentCompound();
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [tab, setTab] = useState('all');
  const [items, setItems] = useState<Disclosure[] | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);

  const load = async () => {
    if (!compound) return;
    try {
      const [list, claims] = await Promise.all([listDisclosures(compound.id), listMyClaims()]);
      setItems(list.filter((d) => d.status !== 'draft'));
      setVerified(claims.some((c) => c.compoundId === compound.id && c.status === 'verified'));
    } catch {
      setLoggedIn(isLoggedIn());
    }
  };

  useDidShow(() => {
    if (isLoggedIn()) load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!compound) return <ScanFirst />;
  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后查看本小区的公开信息"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }

  const shown = filterByTab(items ?? [], tab);
  return (
    <View className="page">
      {verified === false && (
        <View className="card">
          <View className="muted">小区公开信息仅向本小区业主展示：请先绑定并认证您的房屋。</View>
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
            绑定房屋
          </Button>
        </View>
      )}
      <View className="chips tabs">
        {DISCLOSURE_TABS.map((t) => (
          <View key={t.key} className={t.key === tab ? 'chip chip-on' : 'chip'} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      {items && shown.length === 0 && <View className="empty">暂无公开信息</View>}
      {shown.map((d) => {
        const tag = versionTag(d);
        return (
          <View className="card disclosure-card" key={d.id} onClick={() => Taro.navigateTo({ url: `/packages/disclosures/detail/index?id=${d.id}` })}>
            <View>
              <Text className="tag">{DISCLOSURE_KIND_LABEL[d.kind]}</Text>
              <Text className={tag.className}>{tag.text}</Text>
              {d.version > 1 && <Text className="tag tag-grey">{`第${d.version}版`}</Text>}
            </View>
            <Text className="vote-title">{d.title}</Text>
            <View className="muted">{`发布于 ${formatTime(d.publishedAt)}`}</View>
          </View>
        );
      })}
    </View>
  );
}
