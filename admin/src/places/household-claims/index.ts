import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { RaRecord } from 'react-admin';
import { HouseholdClaimList } from './HouseholdClaimList';
import { HouseholdClaimShow } from './HouseholdClaimShow';

// Claims are filed by residents in the mini-program; the console only reviews them.
export const householdClaims = {
  list: HouseholdClaimList,
  show: HouseholdClaimShow,
  icon: FactCheckIcon,
  recordRepresentation: (r: RaRecord) => `${r.compoundName ?? ''} ${r.buildingName ?? ''}${r.unitName ?? ''}${r.room ?? ''}`.trim(),
};
