import PieChartIcon from '@mui/icons-material/PieChart';
import { lazyPage } from '../../common/lazyPage';

export const feesCollection = { list: lazyPage(() => import('./CollectionPage').then((m) => m.CollectionPage)), icon: PieChartIcon };
