import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { AwardCreate, AwardEdit } from './AwardForms';
import { AwardList } from './AwardList';

export const awards = { list: AwardList, edit: AwardEdit, create: AwardCreate, icon: EmojiEventsIcon, recordRepresentation: 'projectName' };
