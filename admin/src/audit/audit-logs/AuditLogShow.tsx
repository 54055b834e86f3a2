import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';
import { AuditChanges } from './AuditChanges';
import { ActionField, EntityField } from './auditFields';

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
      <AuditChanges label="变更内容" />
      <TextField source="seq" label="审计链序号" emptyText="待封存" />
    </SimpleShowLayout>
  </Show>
);
