import HowToVoteIcon from '@mui/icons-material/HowToVote';
import type { RaRecord } from 'react-admin';
import { VoteList } from './VoteList';
import { VoteShow } from './VoteShow';

// Votes are started by committee members in the mini-program; the console watches and may close them.
export const votes = {
  list: VoteList,
  show: VoteShow,
  icon: HowToVoteIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
