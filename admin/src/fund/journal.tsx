import { FunctionField, ReferenceField, type RaRecord } from 'react-admin';
import { fundReferenceText, homeName } from '@baotou/shared';

// A journal line as people read it (issue 16 §3): the ledger by its home, the reference in words.

/** The ledger's home, "1号楼1单元101", linked to the home. */
export const LedgerHomeField = (props: { source?: string; label?: string; sortable?: boolean }) => (
  <ReferenceField source="householdId" reference="households" link="show" emptyText="—" {...props}>
    <FunctionField render={(h: RaRecord) => homeName(h as Parameters<typeof homeName>[0])} />
  </ReferenceField>
);

/** The business a posting records: "维修资金使用申请 #1", not "application:1". */
export const ReferenceTextField = (props: { source?: string; label?: string; sortable?: boolean }) => (
  <FunctionField source="reference" render={(r: RaRecord) => fundReferenceText(r.reference)} {...props} />
);

/** Export columns: the home's name for householdId, the reference in words. */
export const journalExport = {
  references: [{ field: 'householdId', resource: 'households', label: (h: RaRecord) => homeName(h as Parameters<typeof homeName>[0]) }],
  computed: { reference: (r: RaRecord) => fundReferenceText(r.reference) },
};
