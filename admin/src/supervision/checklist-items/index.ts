import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazyPage } from '../../common/lazyPage';

export const checklistItems = {
  list: lazyPage(() => import('./ChecklistItemList').then((m) => m.ChecklistItemList)),
  edit: lazyPage(() => import('./ChecklistItemForms').then((m) => m.ChecklistItemEdit)),
  create: lazyPage(() => import('./ChecklistItemForms').then((m) => m.ChecklistItemCreate)),
  icon: ChecklistIcon,
  recordRepresentation: 'text',
};
