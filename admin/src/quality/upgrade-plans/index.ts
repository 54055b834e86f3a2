import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { PlanCreate } from './PlanCreate';
import { PlanList } from './PlanList';
import { PlanShow } from './PlanShow';

export const upgradePlans = { list: PlanList, show: PlanShow, create: PlanCreate, icon: TrendingUpIcon, recordRepresentation: (r: { regionName?: string; year?: number }) => `${r.regionName ?? ''}${r.year ?? ''}年计划` };
