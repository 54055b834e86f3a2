import { AutocompleteInput, Create, FormDataConsumer, ReferenceInput, SelectInput, SimpleForm, TextInput, required, type RaRecord } from 'react-admin';
import { phoneKind, phoneProblem } from '@baotou/shared';
import { F, againstChoices, categoryChoicesFor, kindChoices, levelChoices } from '../labels';

const householdText = (r: RaRecord) => (r ? `${r.buildingName ?? ''} ${r.unitName ?? ''} ${r.room}` : '');
// A hotline caller may give a landline (0472-5267086): the shared phone rule.
const phone = (v: string) => (v && !phoneKind(v) ? phoneProblem('联系电话', true) : undefined);

/** 5267086 热线 / 来访: staff enter a case for a resident; the server records the channel and who entered it. */
export const TicketCreate = () => (
  <Create redirect="show" title="热线登记">
    <SimpleForm defaultValues={{ channel: 'hotline', kind: 'complaint' }}>
      <SelectInput
        source="channel"
        label={F.channel}
        choices={[
          { id: 'hotline', name: '5267086热线' },
          { id: 'visit', name: '来访' },
        ]}
        validate={required()}
      />
      <TextInput source="contactName" label={F.contactName} validate={required()} />
      <TextInput source="contactPhone" label={F.contactPhone} validate={[required(), phone]} />
      <ReferenceInput source="compoundId" reference="compounds">
        <AutocompleteInput label={F.compoundId} optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 300 }} />
      </ReferenceInput>
      <FormDataConsumer>
        {({ formData }) =>
          formData.compoundId ? (
            <ReferenceInput
              source="householdId"
              reference="households"
              filter={{ compoundId: formData.compoundId }}
              sort={{ field: 'room', order: 'ASC' }}
              perPage={50}
            >
              <AutocompleteInput
                label={F.householdId}
                optionText={householdText}
                filterToQuery={(q: string) => ({ q })}
                validate={required()}
                sx={{ minWidth: 300 }}
              />
            </ReferenceInput>
          ) : null
        }
      </FormDataConsumer>
      <SelectInput source="kind" label={F.kind} choices={kindChoices} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <>
            <SelectInput source="category" label={F.category} choices={categoryChoicesFor(formData.kind)} validate={required()} />
            {formData.kind === 'complaint' && <SelectInput source="against" label={F.against} choices={againstChoices} validate={required()} />}
            {formData.kind !== 'repair' && (
              <SelectInput
                source="level"
                label="受理层级（简单社区、复杂街道、重大疑难旗县区）"
                choices={levelChoices.filter((c) => c.id !== 'company')}
                emptyText="社区"
              />
            )}
            {formData.kind === 'repair' && <TextInput source="preferredTime" label={F.preferredTime} />}
          </>
        )}
      </FormDataConsumer>
      <TextInput source="description" label={F.description} multiline minRows={3} fullWidth validate={required()} />
    </SimpleForm>
  </Create>
);
