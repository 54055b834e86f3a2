import { regex, required, TextInput } from 'react-admin';

// 行政区划代码: 6 digits (district), 9 (street) or 12 (community). The server derives the level
// and the parent from the code, so only the code and the name are entered.
const codeFormat = regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字');

export const RegionInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <TextInput
      source="id"
      validate={[required(), codeFormat]}
      readOnly={!isCreate}
      helperText={isCreate ? '区县 6 位、街道 9 位、社区 12 位；上级由代码前缀确定' : false}
    />
    <TextInput source="name" validate={required()} />
  </>
);
