import type { Role } from '@baotou/shared';

/** Who is acting: carried in the JWT, so no database read is needed per request. */
export interface Actor {
  id: number;
  name: string;
  role: Role;
  /** Staff: the region they answer for (company staff: none). */
  regionCode?: string;
  companyId?: number;
}
