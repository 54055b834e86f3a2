import { FunctionField, TextInput, type RaRecord } from 'react-admin';
import { formatSignedYuan, formatYuan, yuanValidator } from './money';

type FieldProps = { source: string; label?: string; sortable?: boolean; sortBy?: string; signed?: boolean; textAlign?: 'right' | 'left' };

/** Integer fen shown as yuan with two decimals ("1,234.50"); negative amounts in red. */
export const YuanField = ({ source, signed, ...rest }: FieldProps) => (
  <FunctionField
    source={source}
    textAlign="right"
    {...rest}
    render={(r: RaRecord) => {
      const fen = r[source] as number | null | undefined;
      const text = signed ? formatSignedYuan(fen) : formatYuan(fen);
      return <span style={{ color: typeof fen === 'number' && fen < 0 ? '#c62828' : undefined, fontVariantNumeric: 'tabular-nums' }}>{text}</span>;
    }}
  />
);

/** A yuan amount typed by staff; the form converts it to fen with parseYuan before sending. */
export const YuanInput = ({ source, label, allowZero, helperText }: { source: string; label: string; allowZero?: boolean; helperText?: string }) => (
  <TextInput source={source} label={label} validate={yuanValidator({ allowZero })} helperText={helperText ?? '单位：元，最多两位小数'} />
);
