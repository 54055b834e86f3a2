import { usePermissions } from 'react-admin';

// Fee actions are the serving company's (issue 13); the server still decides, within its contracts.
export const useIsCompany = (): boolean => usePermissions<string | null>().permissions === 'company_staff';
