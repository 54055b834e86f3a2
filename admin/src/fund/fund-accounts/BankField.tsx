import { TextField, useRecordContext } from 'react-admin';

/** The bank's name, or 待开立 while the bank has not yet opened the account. */
export const BankField = (props: { source: 'bankName' | 'accountNo'; sortable?: boolean; label?: string }) => {
  const record = useRecordContext();
  if (record && !record[props.source]) return <span style={{ color: '#999' }}>待开立</span>;
  return <TextField source={props.source} />;
};
