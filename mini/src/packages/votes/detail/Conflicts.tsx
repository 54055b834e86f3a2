import { Text, View } from '@tarojs/components';

import { formatTime } from '../../../services/disclosures';
import { BALLOT_CHANNEL_LABELS, type BallotConflict } from '../../../services/votes';

/**
 * For the committee: homes whose owner had voted themselves before a member entered a paper or
 * door ballot for them. The owner's ballot stands; these are for review (issue 9 §5).
 */
export function Conflicts({ conflicts }: { conflicts: BallotConflict[] }) {
  if (!conflicts.length) return null;
  return (
    <View className="card">
      <Text className="section-title">{`选票冲突（${conflicts.length}）`}</Text>
      <View className="muted">以下房屋业主已本人线上投票，之后录入的选票未计入，以业主本人的选票为准。街道也可查看，请核查录入情况。</View>
      {conflicts.map((c) => (
        <View className="row" key={c.id}>
          <Text>{c.home}</Text>
          <Text className="muted">{`${BALLOT_CHANNEL_LABELS[c.enteredChannel]} · ${formatTime(c.createdAt)}`}</Text>
        </View>
      ))}
    </View>
  );
}
