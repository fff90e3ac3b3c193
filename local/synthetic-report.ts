/**
 * A small, self-made annual report (HTML, 2021-format table 3) for the pipeline tests and the
 * end-to-end bench; `newReceived` varies the numbers so a corrected version has other content.
 */
export function reportHtml(agency: string, year: number, newReceived = 12): string {
  const row = (label: string, n: number) =>
    `<tr><td colspan="3">${label}</td><td>${n}</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${n}</td></tr>`;
  return `<html><head><meta charset="utf-8"><title>${agency}${year}年政府信息公开工作年度报告</title></head><body>
<h1>${agency}${year}年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>全年新收政府信息公开申请${newReceived}件。</p>
<p>二、主动公开政府信息情况</p><p>本年主动公开政府信息。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan="3" rowspan="2">申请人情况</td><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${row('一、本年新收政府信息公开申请数量', newReceived)}
${row('二、上年结转政府信息公开申请数量', 0)}
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>${newReceived}</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${newReceived}</td></tr>
<tr><td colspan="2">（七）总计</td><td>${newReceived}</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${newReceived}</td></tr>
${row('四、结转下年度继续办理', 0)}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p>
<p>五、存在的主要问题及改进情况</p><p>无。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
</body></html>`;
}
