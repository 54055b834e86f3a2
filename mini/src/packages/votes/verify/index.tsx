import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { formatTime } from '../../../services/disclosures';
import { ApiError } from '../../../services/request';
import { BALLOT_CHANNEL_LABELS, BALLOT_CHOICE_LABELS, verifyReceipt, type Receipt } from '../../../services/votes';
import '../votes.scss';

/** An owner checks that the ballot behind a receipt code was recorded as cast (DOMAIN.md §1). */
export default function VerifyPage() {
  const id = Number(useRouter().params.id);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  const verify = async () => {
    const c = code.trim().toUpperCase();
    setReceipt(null);
    if (!c) return setError('请输入回执码');
    if (!/^[0-9A-Z]{4,16}$/.test(c)) return setError('回执码由字母和数字组成');
    setError('');
    try {
      setReceipt(await verifyReceipt(id, c));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? '未找到该回执，或它不属于您认证的房屋' : (e as Error).message);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <View className="field">
          <Text className="field-label">回执码</Text>
          <Input className="field-input" placeholder="投票后获得的回执码" value={code} maxlength={16} onInput={(e) => setCode(e.detail.value)} />
          {error && <View className="field-error">{error}</View>}
        </View>
        <Button className="btn-primary" onClick={verify}>
          核验
        </Button>
      </View>
      {receipt && (
        <View className="card verify-result">
          <Text className="section-title">{receipt.current ? '选票有效（当前计票）' : '已被改投（历史记录，不计票）'}</Text>
          <View className="row">
            <Text className="muted">选择</Text>
            <Text>{BALLOT_CHOICE_LABELS[receipt.choice]}</Text>
          </View>
          <View className="row">
            <Text className="muted">方式</Text>
            <Text>{BALLOT_CHANNEL_LABELS[receipt.channel] ?? receipt.channel}</Text>
          </View>
          <View className="row">
            <Text className="muted">时间</Text>
            <Text>{formatTime(receipt.at)}</Text>
          </View>
        </View>
      )}
    </View>
  );
}
