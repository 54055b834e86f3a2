import type { RaRecord } from 'react-admin';

/**
 * Before saving a user: an empty password means "keep the current one" (edit), and only
 * company staff carry a company.
 */
export const sanitizeUser = (data: RaRecord) => {
  const { password, ...rest } = data;
  return {
    ...rest,
    ...(password ? { password } : {}),
    companyId: data.role === 'company_staff' ? (data.companyId ?? null) : null,
  };
};
