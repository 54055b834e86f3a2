import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Claims are filed by residents in the mini-program; the console only reviews them.
export const householdClaims = {
  list: lazyPage(() => import('./HouseholdClaimList').then((m) => m.HouseholdClaimList)),
  show: lazyPage(() => import('./HouseholdClaimShow').then((m) => m.HouseholdClaimShow)),
  icon: FactCheckIcon,
  recordRepresentation: (r: RaRecord) => `${r.compoundName ?? ''} ${r.buildingName ?? ''}${r.unitName ?? ''}${r.room ?? ''}`.trim(),
};
