import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';

import { currentCompound, getCompoundByCode, rememberCompound, type CompoundSummary } from '../../services/places';
import { getCompoundParty, type CompoundParty } from '../../services/party';
import { creditText, getCompanyCredit, type CompanyCredit } from '../../services/creditGrade';
import { isLoggedIn } from '../../services/auth';
import { myCommittees } from '../../services/committees';
import { COMPOUND_TYPE_LABEL, MANAGEMENT_MODE_LABEL } from '../../utils/labels';
import './index.scss';

export default function HomePage() {
  const [compound, setCompound] = useState<CompoundSummary | null>(currentCompound());
  const [party, setParty] = useState<CompoundParty | null>(null);
  const [credit, setCredit] = useState<CompanyCredit | null>(null);
  // The committee workspace is for members of this compound's committee only (the server refuses anyone else too).
  const [member, setMember] = useState(false);

  useDidShow(() => {
    const remembered = currentCompound();
    if (!remembered) {
      Taro.redirectTo({ url: '/pages/scan/index' });
      return;
    }
    setCompound(remembered);
    Taro.setNavigationBarTitle({ title: remembered.name });
    // Counts change as the registry grows; refresh quietly and keep what we have on failure.
    getCompoundByCode(remembered.code, { loading: false, toast: false }).then(
      (fresh) => {
        rememberCompound(fresh);
        setCompound(fresh);
        // the company's public credit grade (issue 10): shown only when published
        if (fresh.companyName) getCompanyCredit(fresh.companyName).then(setCredit, () => setCredit(null));
        else setCredit(null);
      },
      () => undefined,
    );
    getCompoundParty(remembered.code).then(setParty, () => undefined);
    if (isLoggedIn())
      myCommittees().then(
        (mine) => setMember(mine.some((m) => m.compoundId === remembered.id)),
        () => setMember(false),
      );
    else setMember(false);
  });

  if (!compound) return <View className="page" />;

  const region = [compound.districtName, compound.streetName, compound.communityName].filter(Boolean).join(' · ');
  return (
    <View className="page">
      <View className="card">
        <Text className="home-name">{compound.name}</Text>
        <View className="muted">{compound.address}</View>
        <View className="muted">{region}</View>
        <View className="home-tags">
          <Text className="home-tag">{COMPOUND_TYPE_LABEL[compound.type] ?? compound.type}</Text>
          <Text className="home-tag">{MANAGEMENT_MODE_LABEL[compound.managementMode] ?? compound.managementMode}</Text>
        </View>
      </View>

      <View className="card">
        <View className="row">
          <Text className="muted">物业服务企业</Text>
          <Text>{compound.companyName || '暂无'}</Text>
        </View>
        {credit && (
          <View className="row" data-testid="company-credit">
            <Text className="muted">信用等级</Text>
            <Text>
              <Text className="home-tag">{creditText(credit).grade}</Text> {creditText(credit).detail}
            </Text>
          </View>
        )}
      </View>

      {party?.committee && <PartyCard party={party} />}

      <View className="card home-counts">
        <View className="home-count">
          <Text className="home-count-num">{compound.buildingCount}</Text>
          <Text className="muted">楼栋</Text>
        </View>
        <View className="home-count">
          <Text className="home-count-num">{compound.householdCount}</Text>
          <Text className="muted">户</Text>
        </View>
      </View>

      <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
        绑定房屋
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}>
        我的房屋
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/disclosures/list/index' })}>
        小区公开
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/votes/list/index' })}>
        业主表决
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/supervision/survey/index' })}>
        满意度测评
      </Button>
      {member && (
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/committees/index/index' })}>
          业委会工作台
        </Button>
      )}
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/fund/index/index' })}>
        维修资金
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/tickets/new/index' })}>
        报修 · 投诉 · 纠纷
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/tickets/list/index' })}>
        我的工单
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packages/tickets/board/index?compoundId=${compound.id}` })}>
        受理公示
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packages/renewal/compound/index?compoundId=${compound.id}` })}>
        管理模式与改造
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/workorders/list/index' })}>
        物业工作人员入口
      </Button>
      <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/packages/renewal/surveys/index' })}>
        社区摸底调查入口
      </Button>
    </View>
  );
}

/** 红色物业: whether the company and the committee have party organisations, the badge, masked names. */
function PartyCard({ party }: { party: CompoundParty }) {
  const yesNo = (v: boolean) => (v ? '已建立' : '未建立');
  return (
    <View className="card home-party">
      {party.redProject && (
        <View className="home-party-badge">
          <Text>
            ★ {party.redProject.designation}（{party.redProject.year}）
          </Text>
        </View>
      )}
      {party.company && (
        <View className="row">
          <Text className="muted">物业企业党组织</Text>
          <Text>{yesNo(party.company.hasPartyOrg)}</Text>
        </View>
      )}
      <View className="row">
        <Text className="muted">业委会党组织</Text>
        <Text>{yesNo(party.committee.hasPartyOrg)}</Text>
      </View>
      {party.members.length > 0 && (
        <View className="muted home-party-members">服务本小区的党员：{party.members.map((m) => `${m.name}（${m.role}）`).join('、')}</View>
      )}
    </View>
  );
}
