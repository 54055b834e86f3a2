import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { CostReportCreate, CostReportEdit } from './CostReportForms';
import { CostReportList } from './CostReportList';

export const costReports = { list: CostReportList, edit: CostReportEdit, create: CostReportCreate, icon: ReceiptLongIcon, recordRepresentation: 'companyName' };
