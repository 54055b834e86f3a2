import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { lazyPage } from '../../common/lazyPage';

export const awards = {
  list: lazyPage(() => import('./AwardList').then((m) => m.AwardList)),
  edit: lazyPage(() => import('./AwardForms').then((m) => m.AwardEdit)),
  create: lazyPage(() => import('./AwardForms').then((m) => m.AwardCreate)),
  icon: EmojiEventsIcon,
  recordRepresentation: 'projectName',
};
