import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPanel } from '../../../components/LoginPanel';
import { isLoggedIn } from '../../../services/auth';
import { formatTime } from '../../../services/disclosures';
import {
  APPLICATION_STATUS_LABEL,
  EMERGENCY_KIND_LABEL,
  ENTRY_KIND_LABEL,
  formatSignedYuan,
  formatYuan,
  getShares,
  listApplications,
  listEntries,
  listMyLedgers,
  type FundApplication,
  type FundEntry,
  type FundLedger,
  type FundShare,
} from '../../../services/fund';
import '../fund.scss';

type Affecting = { app: FundApplication; share: FundShare };

/** Applications of the compound whose scope includes this home, with the home's share (drafts excluded). */
async function applicationsFor(ledger: FundLedger): Promise<Affecting[]> {
  const apps = (await listApplications(ledger.compoundId)).filter((a) => a.status !== 'draft').slice(0, 20);
  const withShares = await Promise.all(
    apps.map(async (app) => {
      const shares = await getShares(app.id).catch(() => null);
      const share = shares?.shares.find((s) => s.householdId === ledger.householdId);
      return share ? { app, share } : null;
    }),
  );
  return withShares.filter((x): x is Affecting => x !== null);
}

function Summary({ ledger }: { ledger: FundLedger }) {
  const cells: [string, number][] = [
    ['首次交存', ledger.firstDepositFen],
    ['累计交存', ledger.depositedFen],
    ['增值收益', ledger.earnedFen],
    ['维修使用', ledger.usedFen],
  ];
  return (
    <View className="card">
      <Text className="fund-room">{`${ledger.buildingName} ${ledger.unitName ?? ''} ${ledger.room}`}</Text>
      <View className="muted">{`建筑面积 ${ledger.area} ㎡`}</View>
      <View className="muted" style={{ marginTop: '16px' }}>
        维修资金余额（元）
        {ledger.topUpDue && <Text className="fund-due">余额低于首次交存的30%，需续交</Text>}
      </View>
      <Text className="fund-balance" data-testid="fund-balance">
        {formatYuan(ledger.balanceFen)}
      </Text>
      <View className="fund-grid">
        {cells.map(([label, fen]) => (
          <View className="fund-cell" key={label}>
            <Text className="muted">{label}</Text>
            <Text className="fund-cell-num">{formatYuan(fen)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Application({ app, share }: Affecting) {
  const voting = app.status === 'voting' && app.voteId;
  return (
    <View className="fund-app" data-application={app.id}>
      <Text className="fund-app-title">{app.title}</Text>
      <View>
        <Text className={`fund-tag ${app.status === 'disbursed' ? 'fund-tag-grey' : ''}`}>{APPLICATION_STATUS_LABEL[app.status] ?? app.status}</Text>
        {app.emergency && <Text className="fund-tag">{`应急：${EMERGENCY_KIND_LABEL[app.emergencyKind ?? ''] ?? ''}`}</Text>}
      </View>
      <View className="muted">{`施工单位：${app.contractor}`}</View>
      <View className="muted">{app.items.map((i) => `${i.name} ${formatYuan(i.budgetFen)} 元`).join('；')}</View>
      <View className="muted">{app.actualCostFen !== null ? `实际费用 ${formatYuan(app.actualCostFen)} 元` : `预算 ${formatYuan(app.budgetFen)} 元`}</View>
      <View className="row">
        <Text>{app.status === 'disbursed' ? '本户已分摊' : '本户预计分摊'}</Text>
        <Text className="fund-share" data-testid="fund-share">{`${formatYuan(share.fen)} 元`}</Text>
      </View>
      {share.shortfallFen > 0 && app.status !== 'disbursed' && (
        <View className="fund-error">{`余额不足，缺口 ${formatYuan(share.shortfallFen)} 元，请及时续交`}</View>
      )}
      {voting && (
        <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: `/packages/votes/detail/index?id=${app.voteId}` })}>
          去表决
        </Button>
      )}
    </View>
  );
}

/** One home's sub-ledger: balance and totals, applications that charge it, and every posting. */
export default function FundLedgerPage() {
  const householdId = Number(useRouter().params.householdId);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [ledger, setLedger] = useState<FundLedger | null>(null);
  const [entries, setEntries] = useState<FundEntry[]>([]);
  const [apps, setApps] = useState<Affecting[]>([]);
  const [missing, setMissing] = useState(false);

  const load = async () => {
    try {
      const [l] = await listMyLedgers(householdId);
      if (!l) {
        setMissing(true);
        return;
      }
      setLedger(l);
      const [e, a] = await Promise.all([listEntries(householdId), applicationsFor(l).catch(() => [])]);
      setEntries(e);
      setApps(a);
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

  if (!loggedIn) {
    return (
      <View className="page">
        <LoginPanel
          reason="登录后查看维修资金"
          onLoggedIn={() => {
            setLoggedIn(true);
            load();
          }}
        />
      </View>
    );
  }
  if (!ledger) return <View className="page">{missing && <View className="empty">未找到该房屋的分户账</View>}</View>;

  return (
    <View className="page">
      <Summary ledger={ledger} />
      <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: `/packages/fund/deposit/index?householdId=${householdId}` })}>
        线上交存
      </Button>

      <View className="card">
        <Text className="fund-section">涉及本户的维修项目</Text>
        {apps.length === 0 && <View className="muted">暂无</View>}
        {apps.map((a) => (
          <Application key={a.app.id} {...a} />
        ))}
      </View>

      <View className="card">
        <Text className="fund-section">资金明细</Text>
        {entries.length === 0 && <View className="muted">暂无记录</View>}
        {entries.map((e) => (
          <View className="fund-entry" key={e.id}>
            <View>
              <Text className="fund-entry-kind">{ENTRY_KIND_LABEL[e.kind] ?? e.kind}</Text>
              <View className="muted">{formatTime(e.postedAt)}</View>
              {e.memo && e.memo !== ENTRY_KIND_LABEL[e.kind] && <View className="muted">{e.memo}</View>}
            </View>
            <View className="fund-entry-amount">
              <Text className={e.amountFen >= 0 ? 'fund-plus' : 'fund-minus'}>{formatSignedYuan(e.amountFen)}</Text>
              <View className="muted">{`余额 ${formatYuan(e.balanceAfterFen)}`}</View>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
