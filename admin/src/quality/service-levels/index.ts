import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { ServiceLevelCreate, ServiceLevelEdit } from './ServiceLevelForms';
import { ServiceLevelList } from './ServiceLevelList';

export const serviceLevels = { list: ServiceLevelList, edit: ServiceLevelEdit, create: ServiceLevelCreate, icon: MilitaryTechIcon, recordRepresentation: 'name' };
