import { CIRCULARS, IDENTITY_BASIS } from '../form';

/** The texts the rules rest on, cited in every finding's `basis`. */
export const BASIS = {
  art49: '《中华人民共和国政府信息公开条例》（2019年修订）第四十九条',
  art50: '《中华人民共和国政府信息公开条例》（2019年修订）第五十条',
  format2019: `${CIRCULARS['2019']}（年度报告格式）`,
  format2021: `${CIRCULARS['2021']}（年度报告格式）`,
  formats: '国办公开办函〔2019〕60号、〔2021〕30号（年度报告格式）',
  feeRules: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号',
  t3Identity: IDENTITY_BASIS.t3,
  t4Identity: IDENTITY_BASIS.t4,
  t2Identity: IDENTITY_BASIS.t2,
  encoding: '记录完整性：文本须能如实读出',
} as const;
