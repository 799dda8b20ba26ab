import { VisibilityParams } from '../domain/visibility';
/** Who is calling, from the verified JWT. */
export const CLEARANCES = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const ROLES = ['analyst', 'loader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  subject: string;
  roles: Role[];
  agency: string;
  country: string;
  clearance: Clearance;
}

export function clearanceLevel(c: Clearance): number {
  return CLEARANCES.indexOf(c);
}

/**
 * The parameters every need-to-know Cypher prelude takes (`cypher/visible-reports.cypher`):
 * the caller's clearance as a number and the names a report can be released to.
 */
export type { VisibilityParams } from '../domain/visibility';

export function visibilityOf(p: Principal): VisibilityParams {
  const agency = p.agency.toUpperCase();
  const country = p.country.toUpperCase();
  return { clearance: clearanceLevel(p.clearance), principals: [agency, country], agency, country };
}
