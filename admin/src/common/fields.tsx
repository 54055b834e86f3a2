import { AutocompleteInput, FunctionField, ReferenceField, ReferenceInput, SearchInput, SelectField, type RaRecord } from 'react-admin';
import type { Choice } from '../choices';

/** A region code shown as its name (regions' id is the administrative division code). */
export const RegionField = ({ source, label, sortable }: { source: string; label?: string; sortable?: boolean }) => (
  <ReferenceField source={source} reference="regions" link={false} label={label} emptyText="—" sortable={sortable} />
);

export const regionOptionText = (r: RaRecord) => (r ? `${r.name}（${r.id}）` : '');

type RegionInputProps = {
  source: string;
  label?: string;
  level?: 'district' | 'street' | 'community';
  alwaysOn?: boolean;
  required?: boolean;
  validate?: any;
};

/** Searchable region picker; `level` narrows it (a compound belongs to a community). */
export const RegionInput = ({ source, label, level, validate, alwaysOn: _alwaysOn }: RegionInputProps) => (
  <ReferenceInput source={source} reference="regions" filter={level ? { level } : undefined} sort={{ field: 'id', order: 'ASC' }}>
    <AutocompleteInput label={label} optionText={regionOptionText} filterToQuery={(q: string) => ({ q })} validate={validate} sx={{ minWidth: 260 }} />
  </ReferenceInput>
);

type RefInputProps = {
  source: string;
  reference: string;
  label?: string;
  alwaysOn?: boolean;
  filter?: Record<string, unknown>;
  validate?: any;
  optionText?: string | ((r: RaRecord) => string);
  readOnly?: boolean;
  helperText?: string;
};

/** Searchable reference picker over a resource with a `q` filter. */
export const RefInput = ({ source, reference, label, filter, validate, optionText = 'name', readOnly, helperText }: RefInputProps) => (
  <ReferenceInput source={source} reference={reference} filter={filter}>
    <AutocompleteInput
      label={label}
      readOnly={readOnly}
      helperText={helperText}
      optionText={optionText}
      filterToQuery={(q: string) => ({ q })}
      validate={validate}
      sx={{ minWidth: 240 }}
    />
  </ReferenceInput>
);

export const searchFilter = <SearchInput key="q" source="q" alwaysOn placeholder="搜索" />;

export const EnumField = ({ source, choices, label, sortable }: { source: string; choices: Choice[]; label?: string; sortable?: boolean }) => (
  <SelectField source={source} choices={choices} label={label} emptyText="—" sortable={sortable} />
);

/** Integer fen per m² per month, shown as yuan without going through floats. */
export const formatFen = (fen: number | null | undefined) => {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

export const FenField = ({ source, label, sortable }: { source: string; label?: string; sortable?: boolean }) => (
  <FunctionField source={source} label={label} sortable={sortable} render={(r: RaRecord) => `${formatFen(r[source])} 元/㎡·月`} />
);
