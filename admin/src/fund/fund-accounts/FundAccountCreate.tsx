import { Create, SimpleForm, required } from 'react-admin';
import { RefInput } from '../../common/fields';
import { FundAccountBankInputs } from './FundAccountBankInputs';

/**
 * 开设专户 for a compound registered before accounts opened with the compound (issue 9 §8): a
 * compound created now gets its account at once; one that already has one is refused (FUND_ACCOUNT_EXISTS).
 */
export const FundAccountCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <RefInput source="compoundId" reference="compounds" validate={required('请选择小区')} helperText="尚未开设维修资金专户的小区" />
      <FundAccountBankInputs />
    </SimpleForm>
  </Create>
);
