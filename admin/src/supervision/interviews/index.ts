import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { lazyPages } from '../../common/lazyPage';

export const interviews = {
  ...lazyPages(() => import('./pages').then((m) => m.interviews), ['list', 'show', 'edit']),
  icon: RecordVoiceOverIcon,
  recordRepresentation: (r: { compoundName?: string; id?: number }) => `${r.compoundName ?? ''}约谈 #${r.id ?? ''}`,
};
