import HowToVoteIcon from '@mui/icons-material/HowToVote';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Votes are started by committee members in the mini-program; the console watches and may close them.
export const votes = {
  list: lazyPage(() => import('./VoteList').then((m) => m.VoteList)),
  show: lazyPage(() => import('./VoteShow').then((m) => m.VoteShow)),
  icon: HowToVoteIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
