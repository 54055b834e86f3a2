import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [searchFilter, <RegionInput key="regionCode" source="regionCode" alwaysOn />];

const exporter = serverXlsxExporter('companies');

export const CompanyList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="creditCode" />
      <TextField source="legalRepresentative" sortable={false} />
      <TextField source="contactName" sortable={false} />
      <TextField source="contactPhone" sortable={false} />
      <RegionField source="regionCode" />
      <NumberField source="projectCount" sortable={false} />
    </Datagrid>
  </List>
);
