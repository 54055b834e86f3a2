import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  List,
  NumberField,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { useRowClick } from '../../common/rowClick';

// The "三个有" standard as data (research §4 rule 3): it ships with three placeholder items; the city fills in the wording.
const Inputs = () => (
  <SimpleForm>
    <TextInput source="text" fullWidth validate={[required('请填写标准条目'), maxLength(200, '标准条目最多200字')]} helperText="原文未取得前为占位条目" />
    <NumberInput source="sortOrder" min={0} max={999} />
    <BooleanInput source="active" />
  </SimpleForm>
);

const StandardItemList = () => {
  const rowClick = useRowClick();
  return (
    <List sort={{ field: 'sortOrder', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <NumberField source="sortOrder" />
        <TextField source="text" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
};

export const quasiStandardItems = {
  list: StandardItemList,
  edit: () => (
    <Edit mutationMode="pessimistic">
      <Inputs />
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <Inputs />
    </Create>
  ),
};
