import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ImportPage } from './ImportPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const partyImport = { list: ImportPage, icon: UploadFileIcon };
