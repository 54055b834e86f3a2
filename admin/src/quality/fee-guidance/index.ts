import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { FeeGuidanceCreate, FeeGuidanceEdit } from './FeeGuidanceForms';
import { FeeGuidanceList } from './FeeGuidanceList';

export const feeGuidance = { list: FeeGuidanceList, edit: FeeGuidanceEdit, create: FeeGuidanceCreate, icon: PriceChangeIcon, recordRepresentation: 'levelName' };
