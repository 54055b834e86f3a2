import { Button } from '@mui/material';
import { Create, DateTimeInput, NumberInput, SelectInput, SimpleForm, TextInput, useNotify, usePermissions } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { inspectionCreateSchema } from '@baotou/shared';
import { RefInput } from '../../common/fields';
import { kindChoices } from '../inspectionChoices';
import { pick } from '../../common/pick';
import { zodValidate } from '../../common/schemaValidation';
import { ResultsInput } from './ResultsInput';

const writable = ['projectId', 'kind', 'inspectedAt', 'lat', 'lng', 'note', 'results'];
const toBody = (v: Record<string, unknown>) => {
  const body = pick(writable)(v);
  if (body.inspectedAt instanceof Date) body.inspectedAt = body.inspectedAt.toISOString();
  else if (typeof body.inspectedAt === 'string' && body.inspectedAt) body.inspectedAt = new Date(body.inspectedAt).toISOString();
  return body;
};
const validate = (values: Record<string, unknown>) => {
  const errors = zodValidate(inspectionCreateSchema, toBody)(values);
  // A failed item needs its photo: said here on the results, as the server would say it.
  const results = (values.results ?? []) as { result: string; photos: string[]; correctedOnSpot: boolean; rectificationPhotos: string[] }[];
  if (results.some((r) => r.result === 'failed' && r.photos.length === 0)) errors.results ??= '不合格条目须附现场照片';
  if (results.some((r) => r.correctedOnSpot && r.rectificationPhotos.length === 0)) errors.results ??= '当场整改须附整改照片';
  return errors;
};

/** 获取定位: the browser's position into lat/lng (a phone's GPS; refused or absent → left empty). */
const LocateButton = () => {
  const { setValue } = useFormContext();
  const notify = useNotify();
  return (
    <Button
      size="small"
      onClick={() =>
        navigator.geolocation?.getCurrentPosition(
          (p) => {
            setValue('lat', Number(p.coords.latitude.toFixed(6)), { shouldDirty: true });
            setValue('lng', Number(p.coords.longitude.toFixed(6)), { shouldDirty: true });
          },
          () => notify('无法获取定位，请手动填写', { type: 'warning' }),
        )
      }
    >
      获取定位
    </Button>
  );
};

export const InspectionCreate = () => {
  const { permissions } = usePermissions();
  const kind = permissions === 'company_staff' ? 'patrol' : 'inspection';
  return (
    <Create redirect="show" transform={toBody}>
      <SimpleForm defaultValues={{ kind, results: [] }} validate={validate}>
        <SelectInput source="kind" choices={kindChoices} readOnly />
        <RefInput source="projectId" reference="projects" optionText="compoundName" />
        <DateTimeInput source="inspectedAt" helperText="默认为现在；补录不早于30天前" />
        <NumberInput source="lat" />
        <NumberInput source="lng" />
        <LocateButton />
        <TextInput source="note" fullWidth multiline />
        <ResultsInput />
      </SimpleForm>
    </Create>
  );
};
