/**
 * Whether the reporting agency is a government (人民政府, 管委会, a bare place name) or one of its
 * departments: governments publish by 31 March and must report assessment results (条例第四十九、五十条).
 * An office of a government (人民政府办公室/办公厅) is a department.
 */
export type AgencyLevel = 'government' | 'department';

const GOVERNMENT = /(?:人民政府|管委会|管理委员会|实验区|开发区|高新区|新区|[省市县区旗州盟])$/;

export function agencyLevel(agency: string): AgencyLevel {
  return GOVERNMENT.test(agency.replace(/\s+/g, '')) ? 'government' : 'department';
}
