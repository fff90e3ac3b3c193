// The three standard tables laid out as the national format prints them (docs/fields.md):
// each row is a label and a key prefix; each column a label and a key suffix.

const T3_COLUMNS = [
  ['natural', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['social', '社会公益组织'],
  ['legal', '法律服务机构'],
  ['other', '其他'],
  ['total', '总计'],
];

const T3_ROWS_HEAD = [
  ['t3.newReceived', '一、本年新收政府信息公开申请数量'],
  ['t3.carriedOver', '二、上年结转政府信息公开申请数量'],
  ['t3.granted', '三、（一）予以公开'],
  ['t3.partial', '（二）部分公开'],
  ['t3.denied.stateSecret', '（三）不予公开 1.属于国家秘密'],
  ['t3.denied.lawProhibited', '2.其他法律行政法规禁止公开'],
  ['t3.denied.threeSecurity', '3.危及“三安全一稳定”'],
  ['t3.denied.thirdParty', '4.保护第三方合法权益'],
  ['t3.denied.internalAffairs', '5.属于三类内部事务信息'],
  ['t3.denied.processInfo', '6.属于四类过程性信息'],
  ['t3.denied.enforcementFile', '7.属于行政执法案卷'],
  ['t3.denied.queryMatter', '8.属于行政查询事项'],
  ['t3.denied.sum', '不予公开 小计', 'derived'],
  ['t3.unable.noInfo', '（四）无法提供 1.本机关不掌握相关政府信息'],
  ['t3.unable.needCreation', '2.没有现成信息需要另行制作'],
  ['t3.unable.unclear', '3.补正后申请内容仍不明确'],
  ['t3.unable.sum', '无法提供 小计', 'derived'],
  ['t3.notProcessed.complaint', '（五）不予处理 1.信访举报投诉类申请'],
  ['t3.notProcessed.repeat', '2.重复申请'],
  ['t3.notProcessed.publication', '3.要求提供公开出版物'],
  ['t3.notProcessed.massRepeat', '4.无正当理由大量反复申请'],
  ['t3.notProcessed.confirm', '5.要求行政机关确认或重新出具已获取信息'],
  ['t3.notProcessed.sum', '不予处理 小计', 'derived'],
];
const T3_OTHER_2019 = [['t3.otherHandling', '（六）其他处理']];
const T3_OTHER_2021 = [
  ['t3.otherHandling.overdueCorrection', '（六）其他处理 1.申请人无正当理由逾期不补正'],
  ['t3.otherHandling.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用'],
  ['t3.otherHandling.other', '3.其他'],
  ['t3.otherHandling.sum', '其他处理 小计', 'derived'],
];
const T3_ROWS_TAIL = [
  ['t3.totalProcessed', '（七）总计'],
  ['t3.carriedForward', '四、结转下年度继续办理'],
];

const T4 = {
  id: 't4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  columns: [
    ['upheld', '结果维持'],
    ['corrected', '结果纠正'],
    ['other', '其他结果'],
    ['pending', '尚未审结'],
    ['total', '总计'],
  ],
  rows: [
    ['t4.review', '行政复议'],
    ['t4.litigationDirect', '行政诉讼 未经复议直接起诉'],
    ['t4.litigationAfterReview', '行政诉讼 复议后起诉'],
    ['t4.litigation.sum', '行政诉讼 合计', 'derived'],
  ],
};

const T2_2021 = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  columns: [
    ['issued', '本年制发件数'],
    ['repealed', '本年废止件数'],
    ['valid', '现行有效件数'],
    ['decisions', '本年处理决定数量'],
    ['amount', '本年收费金额（万元）'],
  ],
  rows: [
    ['t2.rules', '规章'],
    ['t2.normative', '行政规范性文件'],
    ['t2.licensing', '行政许可'],
    ['t2.penalty', '行政处罚'],
    ['t2.coercion', '行政强制'],
    ['t2.fees', '行政事业性收费'],
  ],
};

const T2_2019 = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  columns: [
    ['made', '本年新制作数量'],
    ['published', '本年新公开数量'],
    ['total', '对外公开总数量'],
    ['prev', '上一年项目数量'],
    ['change', '本年增/减'],
    ['decisions', '处理决定数量'],
    ['count', '采购项目数量'],
    ['amount', '采购总金额（万元）'],
  ],
  rows: [
    ['t2.rules', '规章'],
    ['t2.normative', '规范性文件'],
    ['t2.licensing', '行政许可'],
    ['t2.otherServices', '其他对外管理服务事项'],
    ['t2.penalty', '行政处罚'],
    ['t2.coercion', '行政强制'],
    ['t2.fees', '行政事业性收费'],
    ['t2.procurement', '政府集中采购'],
  ],
};

/** The layouts for a report's format; 'unknown' gets the 2021 one, the format in use today. */
export function layouts(format) {
  const t3 = {
    id: 't3',
    title: '三、收到和处理政府信息公开申请情况',
    columns: T3_COLUMNS,
    rows: [...T3_ROWS_HEAD, ...(format === '2019' ? T3_OTHER_2019 : T3_OTHER_2021), ...T3_ROWS_TAIL],
  };
  return [format === '2019' ? T2_2019 : T2_2021, t3, T4];
}
