/**
 * The parameters every need-to-know Cypher prelude takes (`cypher/read/visible-markings.cypher`): the
 * caller's clearance as a number, and the agency and country a report's releasability is matched
 * against. Built from a verified token by `visibilityOf` (src/auth/principal.ts).
 */
export interface VisibilityParams {
  clearance: number;
  principals: string[];
  /** `releasableTo` entries of two letters are countries, longer ones agencies (src/auth/markings.ts). */
  agency: string;
  country: string;
}
