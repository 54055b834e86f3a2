import { TextInput, required } from 'react-admin';
import { formatYuan, parseYuan } from '@baotou/shared';

/** 退款金额, typed in yuan like every amount staff enter: 0.01 元 up to `refundableFen`, at most two decimals (source amountYuan). */
export const RefundAmountInput = ({ refundableFen, helperText }: { refundableFen: number; helperText?: string }) => (
  <TextInput
    source="amountYuan"
    label="退款金额（元）"
    helperText={helperText ?? `最多 ${formatYuan(refundableFen)} 元`}
    validate={[
      required('请填写退款金额'),
      (v: unknown) => {
        const fen = parseYuan(v as string);
        return fen !== null && fen >= 1 && fen <= refundableFen
          ? undefined
          : `退款金额须在 0.01 至 ${formatYuan(refundableFen, { grouping: false })} 元之间，最多两位小数`;
      },
    ]}
  />
);
