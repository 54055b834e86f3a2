import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  Create,
  FormDataConsumer,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { RefInput } from '../../common/fields';
import { emergencyKindChoices, scopeTypeChoices } from '../choices';
import { formatYuan, parseYuan, yuanValidator } from '../money';
import { toApplicationBody, type FormValues, type Item } from './body';

// Input-level validation only: react-admin ignores input validators when a form-level one is set.
const atLeastOneItem = (items: Item[] | undefined) => (!items || items.length === 0 ? '至少填写一项维修内容' : undefined);
const someScope = (ids: number[] | undefined) => (!ids || ids.length === 0 ? '请选择分摊范围内的楼栋或单元' : undefined);

const BudgetTotal = () => (
  <FormDataConsumer<FormValues>>
    {({ formData }) => {
      const fens = (formData.items ?? []).map((i) => parseYuan(i?.budgetYuan ?? ''));
      const ok = fens.length > 0 && fens.every((f) => f !== null);
      const total = fens.reduce<number>((s, f) => s + (f ?? 0), 0);
      return <div data-testid="budget-total" style={{ margin: '0 0 16px' }}>{`预算合计：${ok ? formatYuan(total) : '—'} 元`}</div>;
    }}
  </FormDataConsumer>
);

/**
 * 维修资金使用申请 (DOMAIN.md §3), by company staff for a compound they serve (or a committee
 * member): items and budgets, contractor, the scope whose owners vote and share the cost. Emergency
 * repairs (the listed kinds) skip the vote and are disclosed afterwards.
 */
export const FundApplicationCreate = () => {
  return (
    <Create redirect="show" transform={(data: FormValues) => toApplicationBody(data)}>
      <SimpleForm defaultValues={{ scopeType: 'units', emergency: false, items: [{}] }}>
        <RefInput source="compoundId" reference="compounds" validate={required('请选择小区')} />
        <TextInput source="title" validate={[required('请填写维修项目'), maxLength(100, '维修项目最多100字')]} fullWidth />
        <TextInput source="description" multiline minRows={2} fullWidth validate={maxLength(2000, '说明最多2000字')} />
        <ArrayInput source="items" label="维修内容及预算" validate={atLeastOneItem}>
          <SimpleFormIterator inline disableReordering>
            <TextInput source="name" label="维修内容" validate={[required('请填写维修内容'), maxLength(100, '维修内容最多100字')]} />
            <TextInput source="budgetYuan" label="预算（元）" validate={yuanValidator()} />
          </SimpleFormIterator>
        </ArrayInput>
        <BudgetTotal />
        <TextInput source="contractor" validate={[required('请填写施工单位'), maxLength(100, '施工单位最多100字')]} />
        <SelectInput source="scopeType" choices={scopeTypeChoices} validate={required()} helperText="范围内的业主表决并按专有面积分摊费用" />
        <FormDataConsumer<FormValues>>
          {({ formData }) =>
            formData.scopeType === 'units' ? (
              <RefInput
                source="unitBuildingId"
                reference="buildings"
                label="楼栋（筛选单元）"
                filter={formData.compoundId ? { compoundId: formData.compoundId } : undefined}
              />
            ) : null
          }
        </FormDataConsumer>
        <FormDataConsumer<FormValues>>
          {({ formData }) =>
            formData.scopeType && formData.scopeType !== 'compound' ? (
              <ReferenceArrayInput
                key={formData.scopeType}
                source="scopeIds"
                reference={formData.scopeType === 'buildings' ? 'buildings' : 'units'}
                filter={
                  formData.scopeType === 'units' && formData.unitBuildingId
                    ? { buildingId: formData.unitBuildingId }
                    : formData.compoundId
                      ? { compoundId: formData.compoundId }
                      : undefined
                }
                perPage={200}
              >
                <AutocompleteArrayInput
                  validate={someScope}
                  label={formData.scopeType === 'buildings' ? '楼栋' : '单元'}
                  optionText="name"
                  filterToQuery={(q: string) => ({ q })}
                  sx={{ minWidth: 320 }}
                />
              </ReferenceArrayInput>
            ) : null
          }
        </FormDataConsumer>
        <BooleanInput source="emergency" helperText="屋面渗漏、电梯故障危及安全等情形：不经表决，事后公示" />
        <FormDataConsumer<FormValues>>
          {({ formData }) =>
            formData.emergency ? <SelectInput source="emergencyKind" choices={emergencyKindChoices} validate={required('应急维修须选择应急情形')} /> : null
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
