import RecommendIcon from '@mui/icons-material/Recommend';
import { PlanItemList } from './PlanItemList';

export const upgradePlanItems = { list: PlanItemList, icon: RecommendIcon, recordRepresentation: 'projectName' };
