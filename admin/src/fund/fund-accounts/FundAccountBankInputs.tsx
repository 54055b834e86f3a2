import { TextInput, maxLength, regex } from 'react-admin';

// The custodian bank's details, recorded once the bank has opened the special account (DOMAIN.md §3);
// an account opened with its compound starts without them. Spaces and dashes in the number are dropped by the server.
const accountNoFormat = regex(/^[\d\s-]{6,60}$/, '专户账号须为6–40位数字');

export const FundAccountBankInputs = () => (
  <>
    <TextInput source="bankName" validate={maxLength(60, '开户银行最多60字')} helperText="银行开立专户后填写" />
    <TextInput source="accountNo" validate={accountNoFormat} />
  </>
);
