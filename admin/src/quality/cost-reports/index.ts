import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyPage } from '../../common/lazyPage';

export const costReports = {
  list: lazyPage(() => import('./CostReportList').then((m) => m.CostReportList)),
  edit: lazyPage(() => import('./CostReportForms').then((m) => m.CostReportEdit)),
  create: lazyPage(() => import('./CostReportForms').then((m) => m.CostReportCreate)),
  icon: ReceiptLongIcon,
  recordRepresentation: 'companyName',
};
