import { Box } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, type RaRecord } from 'react-admin';
import { RegionField } from '../../common/fields';
import { ActionField, EntityField } from './auditFields';

const Json = ({ source }: { source: string }) => (
  <FunctionField
    source={source}
    render={(r: RaRecord) =>
      r[source] == null ? (
        '—'
      ) : (
        <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(r[source], null, 2)}
        </Box>
      )
    }
  />
);

export const AuditLogShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateField locales="zh-CN" source="at" showTime />
      <TextField source="actorId" />
      <TextField source="actorName" />
      <TextField source="ip" label="来源地址" emptyText="—" />
      <TextField source="userAgent" label="客户端" emptyText="—" />
      <ActionField source="action" />
      <EntityField source="entity" />
      <TextField source="entityId" />
      <RegionField source="regionCode" />
      <Json source="before" />
      <Json source="after" />
      <TextField source="seq" label="审计链序号" emptyText="待封存" />
    </SimpleShowLayout>
  </Show>
);
