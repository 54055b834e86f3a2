import type { RaRecord } from 'react-admin';
import { committeeKindLabels } from '../choices';

export const committeeRepresentation = (r: RaRecord) => (r ? `${r.compoundName ?? ''} ${committeeKindLabels[r.kind] ?? ''}`.trim() : '');
