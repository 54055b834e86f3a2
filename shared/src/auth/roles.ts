export const STAFF_ROLES = ['city_admin', 'district_staff', 'street_staff', 'community_staff', 'party_staff', 'company_staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLES = [...STAFF_ROLES, 'resident'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市住建局',
  district_staff: '区住建局',
  street_staff: '街道',
  community_staff: '社区',
  party_staff: '党建办',
  company_staff: '物业企业',
  resident: '居民',
};

/** The region level a staff role is bound to (company staff are bound to a company instead). */
export const ROLE_REGION_LEVEL: Record<Exclude<StaffRole, 'company_staff'>, 'city' | 'district' | 'street' | 'community'> = {
  city_admin: 'city',
  district_staff: 'district',
  street_staff: 'street',
  community_staff: 'community',
  party_staff: 'city',
};
