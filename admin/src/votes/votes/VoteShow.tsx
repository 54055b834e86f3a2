import { useState } from 'react';
import { Box, Divider } from '@mui/material';
import {
  BooleanField,
  DateField,
  FunctionField,
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  ReferenceArrayField,
  SingleFieldList,
  ChipField,
  useRecordContext,
} from 'react-admin';
import { EnumField, RegionField } from '../../common/fields';
import { committeeRepresentation } from '../../committees/committees/representation';
import { voteKindChoices, voteMatterChoices, voteScopeChoices, voteStatusChoices } from '../choices';
import { CloseVoteButton } from './CloseVoteButton';
import { TurnoutField } from './TurnoutField';
import { VoteResult } from './VoteResult';
import { BallotConflicts } from './BallotConflicts';

/** The buildings or units a partial vote covers, by name. */
const ScopeField = (_p: { label?: string }) => {
  const r = useRecordContext();
  if (!r || r.scopeType === 'compound') return null;
  return (
    <Labeled label="resources.votes.fields.scopeIds">
      <ReferenceArrayField source="scopeIds" reference={r.scopeType === 'buildings' ? 'buildings' : 'units'}>
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
    </Labeled>
  );
};

export const VoteShow = () => {
  const [refreshKey, setRefreshKey] = useState(0);
  return (
    <Show
      actions={
        <TopToolbar>
          <CloseVoteButton onClosed={() => setRefreshKey((k) => k + 1)} />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="title" />
        <ReferenceField source="compoundId" reference="compounds" />
        <RegionField source="regionCode" />
        <ReferenceField source="committeeId" reference="committees" emptyText="—">
          <FunctionField render={committeeRepresentation} />
        </ReferenceField>
        <EnumField source="matter" choices={voteMatterChoices} />
        <EnumField source="kind" choices={voteKindChoices} />
        <EnumField source="scopeType" choices={voteScopeChoices} />
        <ScopeField />
        <TextField source="description" emptyText="—" />
        <DateField locales="zh-CN" source="opensAt" showTime emptyText="—" />
        <DateField locales="zh-CN" source="closesAt" showTime />
        <EnumField source="status" choices={voteStatusChoices} />
        <BooleanField source="followMajority" />
        <Labeled label="resources.votes.fields.turnout">
          <TurnoutField />
        </Labeled>
      </SimpleShowLayout>
      <Divider />
      <Box sx={{ p: 2 }}>
        <VoteResult refreshKey={refreshKey} />
        <BallotConflicts refreshKey={refreshKey} />
      </Box>
    </Show>
  );
};
