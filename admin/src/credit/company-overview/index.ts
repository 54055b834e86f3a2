import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { lazyPage } from '../../common/lazyPage';

// A page, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const creditOverview = { list: lazyPage(() => import('./CompanyOverview').then((m) => m.CompanyOverview)), icon: VerifiedUserIcon };
