import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyPage } from '../../common/lazyPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const partyImport = { list: lazyPage(() => import('./ImportPage').then((m) => m.ImportPage)), icon: UploadFileIcon };
