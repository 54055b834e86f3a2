import { Text, View } from '@tarojs/components';
import { voteStanding } from '@baotou/shared/src/votes/standing';

import {
  formatArea,
  formatPercent,
  meets,
  THRESHOLD_LABELS,
  type PublishedVoteResult,
  type Threshold,
  type Vote,
  type WithheldVoteResult,
} from '../../../services/votes';

interface RatioProps {
  label: string;
  num: number;
  den: number;
  threshold: Threshold;
  unit: 'area' | 'owners';
}

function Ratio({ label, num, den, threshold, unit }: RatioProps) {
  const ok = meets(threshold, num, den);
  const fmt = unit === 'area' ? (v: number) => `${formatArea(v)}㎡` : (v: number) => `${v}人`;
  return (
    <View className="ratio">
      <View className="ratio-label">
        <View>{label}</View>
        <View className="muted">{`${fmt(num)} / ${fmt(den)}`}</View>
      </View>
      <View className="ratio-value">
        <View>{formatPercent(num, den)}</View>
        <View className={ok ? 'ratio-ok' : 'ratio-no'}>{`${THRESHOLD_LABELS[threshold]} ${ok ? '已达到' : '未达到'}`}</View>
      </View>
    </View>
  );
}

/** Fewer ballots than the bar on a live vote: no figures, only the turnout (PIPL, issue 9 §9). */
function Withheld({ vote, result }: { vote: Vote; result: WithheldVoteResult }) {
  return (
    <View className="card result">
      <Text className="section-title">实时统计</Text>
      <View className="row">
        <Text className="muted">投票率（按房屋）</Text>
        <Text className="turnout">{`${vote.ballotCount} / ${vote.eligibleCount}`}</Text>
      </View>
      <Text className="verdict verdict-open">表决进行中</Text>
      <View className="explain">{result.explanation}</View>
    </View>
  );
}

/**
 * A vote's tally as owners may see it (DOMAIN.md §1): turnout, both participation ratios, both
 * approval ratios with their thresholds, why it passed or failed, and per-building figures once a
 * building holds enough ballots (buildings below the bar merged) — never anyone's choice.
 */
export function ResultView({ vote, result }: { vote: Vote; result: PublishedVoteResult }) {
  if (result.withheld) return <Withheld vote={vote} result={result} />;
  const approval: Threshold = result.special ? 'three_quarters' : 'more_than_half';
  const closed = result.status === 'closed';
  // One wording with the console: no verdict while the vote is open (issue 16 §2).
  const standing = voteStanding(result.status, result);
  const verdict = standing.verdict;
  const verdictClass = `verdict-${standing.tone === 'draft' ? 'open' : standing.tone}`;
  const turnoutPct = vote.eligibleCount ? Math.min(100, Math.floor((vote.ballotCount * 100) / vote.eligibleCount)) : 0;
  return (
    <View className="card result">
      <Text className="section-title">{closed ? '表决结果' : '实时统计'}</Text>
      <View className="row">
        <Text className="muted">投票率（按房屋）</Text>
        <Text className="turnout">{`${vote.ballotCount} / ${vote.eligibleCount}（${formatPercent(vote.ballotCount, vote.eligibleCount)}）`}</Text>
      </View>
      <View className="progress">
        <View className="progress-bar" style={{ width: `${turnoutPct}%` }} />
      </View>
      <Text className={`verdict ${verdictClass}`}>{verdict}</Text>
      <View className="muted">
        {result.special
          ? '特别事项：须参与面积和人数均达2/3，且同意面积和人数均达参与的3/4'
          : '一般事项：须参与面积和人数均达2/3，且同意面积和人数均超过参与的半数'}
      </View>
      <Ratio label="参与表决的专有面积" num={result.participatedArea} den={result.totalArea} threshold="two_thirds" unit="area" />
      <Ratio label="参与表决的业主人数" num={result.participatedOwners} den={result.totalOwners} threshold="two_thirds" unit="owners" />
      <Ratio label="同意的面积（占参与）" num={result.agreeArea} den={result.participatedArea} threshold={approval} unit="area" />
      <Ratio label="同意的人数（占参与）" num={result.agreeOwners} den={result.participatedOwners} threshold={approval} unit="owners" />
      <View className="explain">{standing.explanation}</View>
      <View className="muted">{`同意 ${result.agreeOwners}人 · 反对 ${result.disagreeOwners}人 · 弃权 ${result.abstainOwners}人`}</View>
      {!!(result.deemedOwners || result.deemedArea) && (
        <View className="muted">{`未投票视为随多数（从众条款，不计入参与）：${result.deemedOwners ?? 0}人，${formatArea(result.deemedArea ?? 0)}㎡`}</View>
      )}
      <Text className="section-title" style={{ marginTop: '24px' }}>
        分楼栋统计
      </Text>
      <View className="table-row table-head">
        <Text className="cell-first">楼栋</Text>
        <Text className="cell">已投/户数</Text>
        <Text className="cell">参与面积㎡</Text>
        <Text className="cell">同意面积㎡</Text>
      </View>
      {result.byBuilding.map((b) => (
        <View className="table-row" key={b.buildingId}>
          <Text className="cell-first">{b.buildingName}</Text>
          <Text className="cell">{`${b.ballots}/${b.parts}`}</Text>
          <Text className="cell">{formatArea(b.participatedArea)}</Text>
          <Text className="cell">{formatArea(b.agreeArea)}</Text>
        </View>
      ))}
      {result.withheldBuildings && (
        <View className="table-row">
          <Text className="cell-first">{`其余${result.withheldBuildings.buildings}栋（合并）`}</Text>
          <Text className="cell">{`${result.withheldBuildings.ballots}/${result.withheldBuildings.parts}`}</Text>
          <Text className="cell">{result.withheldBuildings.figures ? formatArea(result.withheldBuildings.figures.participatedArea) : '—'}</Text>
          <Text className="cell">{result.withheldBuildings.figures ? formatArea(result.withheldBuildings.figures.agreeArea) : '—'}</Text>
        </View>
      )}
      <View className="muted">{`每栋楼投票达到 ${result.minBallots} 票后才单独公布该楼统计，以保护业主个人信息。`}</View>
    </View>
  );
}
