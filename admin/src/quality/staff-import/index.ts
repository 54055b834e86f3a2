import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyPage } from '../../common/lazyPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const staffImport = { list: lazyPage(() => import('./StaffImportPage').then((m) => m.StaffImportPage)), icon: UploadFileIcon };
