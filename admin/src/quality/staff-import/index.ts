import UploadFileIcon from '@mui/icons-material/UploadFile';
import { StaffImportPage } from './StaffImportPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const staffImport = { list: StaffImportPage, icon: UploadFileIcon };
