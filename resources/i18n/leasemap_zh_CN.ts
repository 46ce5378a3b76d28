<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddChargeDialog</name>
    <message>
        <source>Type its rate, or tick exempt.</source>
        <translation>请填写税率，或勾选免税。</translation>
    </message>
    <message>
        <source>Add charge</source>
        <translation>添加收费项目</translation>
    </message>
    <message>
        <source>A charge&apos;s code as its bills carry it: its kind, a colon, and the name its contracts give it (service:空调费). Its rate here replaces its kind&apos;s.</source>
        <translation>收费项目代码与账单上的一致：类别、冒号，以及合同中该项目的名称（如 service:空调费）。此处的税率取代其所属类别的税率。</translation>
    </message>
    <message>
        <source>Kinds: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>税率(&amp;R)</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>免税</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Enter the rate, the deposit and each unit&apos;s area as numbers.</source>
        <translation>请以数字填写租金单价、押金和各单元面积。</translation>
    </message>
    <message>
        <source>Working out the amendment…</source>
        <translation>正在计算变更…</translation>
    </message>
    <message>
        <source>Version %1 from %2 changes:</source>
        <translation>第 %1 版自 %2 起的变更：</translation>
    </message>
    <message>
        <source>• nothing</source>
        <translation>• 无变更</translation>
    </message>
    <message>
        <source>Total %1 → %2</source>
        <translation>合计 %1 → %2</translation>
    </message>
    <message>
        <source>Amend %1</source>
        <translation>变更 %1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>Rent per m² a month</source>
        <translation>每月每 m² 租金</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Show the changes</source>
        <translation>显示变更</translation>
    </message>
    <message>
        <source>Schedule now</source>
        <translation>现租金计划</translation>
    </message>
    <message>
        <source>Schedule with the amendment</source>
        <translation>变更后的租金计划</translation>
    </message>
</context>
<context>
    <name>AmendmentUnits</name>
    <message>
        <source>%1 is already in the contract.</source>
        <translation>%1 已在合同中。</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1（新增）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Billable area (m²)</source>
        <translation>计租面积 (m²)</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Unit code to add, e.g. ZD-A-0301</source>
        <translation>要加入的单元编号，如 ZD-A-0301</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>加入单元</translation>
    </message>
    <message>
        <source>Untick a unit to release it from the amendment&apos;s date; a unit added is held from that date.</source>
        <translation>取消勾选即自变更生效日起退租该单元；新增单元自该日起租用。</translation>
    </message>
</context>
<context>
    <name>ArchiveMeterDialog</name>
    <message>
        <source>Closed by its final reading on {day}</source>
        <translation>已于 {day} 录入止码</translation>
    </message>
    <message>
        <source>Never read: none needed</source>
        <translation>从未抄表：无需止码</translation>
    </message>
    <message>
        <source>The dial&apos;s figure when taken out (last: {value} on {day})</source>
        <translation>拆表时的表盘读数（上次：{day} 读数 {value}）</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a number</source>
        <translation>{field}：“{text}”不是数字</translation>
    </message>
    <message>
        <source>{field}: give the dial&apos;s figure on {day}</source>
        <translation>{field}：请填写 {day} 的表盘读数</translation>
    </message>
    <message>
        <source>Archive meter {code}</source>
        <translation>归档表计 {code}</translation>
    </message>
    <message>
        <source>A meter that was read is never deleted: it is archived from the day it was taken out. Its readings stay, and it bills up to that day and no more. Its final reading closes each register; the reading of that day, if there is one, is its final.</source>
        <translation>抄过表的表计不会被删除，而是自拆除之日起归档。其读数保留，计费到该日为止，此后不再计费。每个计度器以止码结束；若当日已有读数，即以该读数为止码。</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>拆除日期：</translation>
    </message>
    <message>
        <source>Final reading ({register}):</source>
        <translation>止码（{register}）：</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AreaStatement</name>
    <message>
        <source>Click a finding to select its row</source>
        <translation>单击一条核对发现即可选中对应行</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>核对发现</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Floor / unit</source>
        <translation>楼层 / 单元</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Use / state</source>
        <translation>用途 / 状态</translation>
    </message>
    <message>
        <source>Gross m²</source>
        <translation>建筑面积 m²</translation>
    </message>
    <message>
        <source>Internal m²</source>
        <translation>套内面积 m²</translation>
    </message>
    <message>
        <source>Common rooms m²</source>
        <translation>公共部位 m²</translation>
    </message>
    <message>
        <source>Walls &amp; unassigned m²</source>
        <translation>墙体及未分配 m²</translation>
    </message>
    <message>
        <source>Shared rooms m²</source>
        <translation>楼栋共用部位 m²</translation>
    </message>
    <message>
        <source>Building share m²</source>
        <translation>楼栋分摊 m²</translation>
    </message>
    <message>
        <source>Common pool m²</source>
        <translation>应分摊公摊 m²</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>公摊系数</translation>
    </message>
    <message>
        <source>Load factor</source>
        <translation>面积系数</translation>
    </message>
    <message>
        <source>Share m²</source>
        <translation>公摊面积 m²</translation>
    </message>
    <message>
        <source>Leasable m²</source>
        <translation>可租面积 m²</translation>
    </message>
    <message>
        <source>Leased m²</source>
        <translation>已租面积 m²</translation>
    </message>
    <message>
        <source>Vacant m²</source>
        <translation>空置面积 m²</translation>
    </message>
    <message>
        <source>Other m²</source>
        <translation>其他面积 m²</translation>
    </message>
    <message>
        <source>Not leasable m²</source>
        <translation>不可租面积 m²</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>计租面积 m²</translation>
    </message>
    <message>
        <source>Leased</source>
        <translation>已租</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签未起租</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>装修或冻结</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>不可租</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>公共部位</translation>
    </message>
    <message>
        <source>Building common</source>
        <translation>楼栋共用</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <source>billed on internal area</source>
        <translation>按套内面积计租</translation>
    </message>
    <message>
        <source>billed on leasable area</source>
        <translation>按可租面积计租</translation>
    </message>
    <message>
        <source>Area statement</source>
        <translation>楼栋面积明细表</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Totals add up</source>
        <translation>合计核对无误</translation>
    </message>
    <message>
        <source>1 finding: the totals do not add up</source>
        <translation>1 处不符：合计对不上</translation>
    </message>
    <message>
        <source>%1 findings: the totals do not add up</source>
        <translation>%1 处不符：合计对不上</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
    <message>
        <source>Leasemap · printed %1</source>
        <translation>Leasemap · 打印于 %1</translation>
    </message>
    <message>
        <source>Leasemap · as of %1 · printed %2</source>
        <translation>Leasemap · 截至 %1 · 打印于 %2</translation>
    </message>
    <message>
        <source>{floor}: the units&apos; internal area ({internal} m²) exceeds the floor&apos;s gross area ({gross} m²) by {excess} m²</source>
        <translation>{floor}：各单元套内面积合计（{internal} m²）超出楼层建筑面积（{gross} m²）{excess} m²</translation>
    </message>
    <message>
        <source>{floor}: {pool} m² of common area has no unit for rent to be shared over</source>
        <translation>{floor}：{pool} m² 公摊面积没有可分摊的出租单元</translation>
    </message>
    <message>
        <source>the building&apos;s shared common rooms ({pool} m²) have no unit for rent to be shared over</source>
        <translation>楼栋共用部位（{pool} m²）没有可分摊的出租单元</translation>
    </message>
    <message>
        <source>{floor}: the common shares add up to {shares} m², not {pool} m² (off by {difference} m²)</source>
        <translation>{floor}：公摊面积合计 {shares} m²，应为 {pool} m²（差 {difference} m²）</translation>
    </message>
    <message>
        <source>{unit} ({floor}): common share {stored} m², by the rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit}（{floor}）：公摊面积 {stored} m²，按规则应为 {expected} m²（差 {difference} m²）</translation>
    </message>
    <message>
        <source>{unit} ({floor}): leasable area {stored} m² is not internal + share, {expected} m² (off by {difference} m²)</source>
        <translation>{unit}（{floor}）：可租面积 {stored} m² 不等于套内面积加公摊面积 {expected} m²（差 {difference} m²）</translation>
    </message>
    <message>
        <source>{unit} ({floor}): billable area {stored} m², by the park&apos;s rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit}（{floor}）：计租面积 {stored} m²，按园区计租口径应为 {expected} m²（差 {difference} m²）</translation>
    </message>
    <message>
        <source>{unit} ({floor}): gross area {stored} m², by the rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit}（{floor}）：建筑面积 {stored} m²，按规则应为 {expected} m²（差 {difference} m²）</translation>
    </message>
    <message>
        <source>{unit} ({floor}) is common area but carries a share of {share} m², leasable {leasable} m², billable {billable} m²</source>
        <translation>{unit}（{floor}）是公共部位，却记有公摊面积 {share} m²、可租面积 {leasable} m²、计租面积 {billable} m²</translation>
    </message>
    <message>
        <source>{floor}: leased, vacant and other areas add up to {counted} m², not the leasable {leasable} m² (off by {difference} m²; units {units})</source>
        <translation>{floor}：已租、空置与其他面积合计 {counted} m²，不等于可租面积 {leasable} m²（差 {difference} m²；单元 {units}）</translation>
    </message>
    <message>
        <source>no building {code} in this workspace (buildings: {known})</source>
        <translation>工作区中没有楼栋 {code}（现有楼栋：{known}）</translation>
    </message>
</context>
<context>
    <name>BankCli</name>
    <message>
        <source>--column wants FIELD=HEADER, such as payer=户名, not “{text}”</source>
        <translation>--column 应为 字段=列名，例如 payer=户名，而不是“{text}”</translation>
    </message>
    <message>
        <source>; name it with --column {field}=HEADER</source>
        <translation>；请用 --column {field}=列名 指定</translation>
    </message>
    <message>
        <source>{date}  {amount}  {payer}  {outcome}{tenant}</source>
        <translation>{date}  {amount}  {payer}  {outcome}{tenant}</translation>
    </message>
    <message>
        <source>: {tenant} ({confidence}) → {bills}</source>
        <translation>：{tenant}（{confidence}）→ {bills}</translation>
    </message>
    <message>
        <source>no bill</source>
        <translation>无账单</translation>
    </message>
    <message>
        <source>{file}: every receipt is imported already ({existing}): nothing new; rows skipped: {skipped}</source>
        <translation>{file}：收入均已导入（{existing} 笔）：没有新收款；跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>{file}: no receipts; rows skipped: {skipped}</source>
        <translation>{file}：没有收入；跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>{file}: payments imported: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}</source>
        <translation>{file}：已导入收款 {new} 笔（{received}），{account}；此前已导入 {existing} 笔；跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>{file}: payments to import: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}; nothing written</source>
        <translation>{file}：待导入收款 {new} 笔（{received}），{account}；此前已导入 {existing} 笔；跳过 {skipped} 行；未写入任何内容</translation>
    </message>
    <message>
        <source>account {account}</source>
        <translation>账户 {account}</translation>
    </message>
    <message>
        <source>account (none)</source>
        <translation>账户（无）</translation>
    </message>
    <message>
        <source>allocated automatically: {auto} ({auto_amount}); to confirm in Payments to match: {proposed} ({proposed_amount}); unmatched: {unmatched} ({unmatched_amount})</source>
        <translation>自动核销：{auto} 笔（{auto_amount}）；在“待匹配收款”中确认：{proposed} 笔（{proposed_amount}）；未匹配：{unmatched} 笔（{unmatched_amount}）</translation>
    </message>
</context>
<context>
    <name>BankImport</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>摘要/附言</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
</context>
<context>
    <name>BankImportDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>预演已取消。</translation>
    </message>
    <message>
        <source>Choose a bank statement</source>
        <translation>选择银行流水</translation>
    </message>
    <message>
        <source>Bank statements (*.csv *.xls *.xlsx);;All files (*)</source>
        <translation>银行流水 (*.csv *.xls *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <translation>%1 来自 %2：%3</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>（无付款人）</translation>
    </message>
    <message>
        <source>%1, confidence %2: %3 to %4</source>
        <translation>%1，置信度 %2：%3 核销到 %4</translation>
    </message>
    <message>
        <source>no bill</source>
        <translation>无账单</translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation>导入银行流水</translation>
    </message>
    <message>
        <source>A bank statement is the account&apos;s export from the bank (CSV, XLS or XLSX). Its receipts become payments: those whose payer, reference and amount agree with a tenant&apos;s open bills are allocated automatically, the others wait in Payments to match. Rehearse it to see every payment; nothing is written until you import, and importing the same file again adds nothing.</source>
        <translation>银行流水是从银行导出的账户明细（CSV、XLS 或 XLSX）。其中的收入记为收款：付款人、附言和金额都与租户未结账单相符的自动核销，其余进入“待匹配收款”。先预演查看每笔收款；导入前不写入任何内容，同一文件再次导入也不会重复添加。</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>银行流水：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>The account the file names, when it names one</source>
        <translation>文件中注明的账户（如有）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列映射…</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>预演</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Payments to match…</source>
        <translation>待匹配收款…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列映射</translation>
    </message>
    <message>
        <source>Which column holds each field (bold: needed; a Received column does for the amount). The columns you choose are remembered for the account when you import.</source>
        <translation>各字段对应哪一列（粗体为必填；有“收入”列即可代替交易金额）。导入时会为该账户记住您选择的列。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing the payments…</source>
        <translation>正在导入收款…</translation>
    </message>
    <message>
        <source>Reading the file&apos;s columns…</source>
        <translation>正在读取文件的列…</translation>
    </message>
    <message>
        <source>Reading and matching the statement…</source>
        <translation>正在读取并匹配银行流水…</translation>
    </message>
    <message>
        <source>New payments (%1)</source>
        <translation>新收款（%1）</translation>
    </message>
    <message>
        <source>Skipped rows (%1)</source>
        <translation>跳过的行（%1）</translation>
    </message>
    <message>
        <source>Choose a bank statement to begin.</source>
        <translation>请选择一份银行流水。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Rehearse the statement to see the payments it holds.</source>
        <translation>预演银行流水，查看其中的收款。</translation>
    </message>
    <message>
        <source>Every receipt of this file is imported already (%3): nothing new. Rows skipped: %4.</source>
        <translation>此文件的收入均已导入（%3 笔）：没有新收款。跳过 %4 行。</translation>
    </message>
    <message>
        <source>No receipts in this file. Rows skipped: %4.</source>
        <translation>此文件中没有收入。跳过 %4 行。</translation>
    </message>
    <message>
        <source>Payments imported: %1, %2 in all. Already imported before: %3. Rows skipped: %4. Importing the file again adds nothing.</source>
        <translation>已导入收款 %1 笔，合计 %2。此前已导入：%3 笔。跳过 %4 行。再次导入此文件不会重复添加。</translation>
    </message>
    <message>
        <source>New payments: %1, %2 in all. Already imported: %3. Rows skipped: %4. Nothing is written until you import.</source>
        <translation>新收款 %1 笔，合计 %2。已导入过：%3 笔。跳过 %4 行。导入前不写入任何内容。</translation>
    </message>
    <message>
        <source>Account: %1.</source>
        <translation>账户：%1。</translation>
    </message>
    <message>
        <source>The account or the columns changed: rehearse again to import.</source>
        <translation>账户或列映射已更改：请重新预演后再导入。</translation>
    </message>
    <message>
        <source>allocated automatically: %1 (%2)</source>
        <translation>自动核销：%1 笔（%2）</translation>
    </message>
    <message>
        <source>to confirm in Payments to match: %1 (%2)</source>
        <translation>在“待匹配收款”中确认：%1 笔（%2）</translation>
    </message>
    <message>
        <source>unmatched: %1 (%2)</source>
        <translation>未匹配：%1 笔（%2）</translation>
    </message>
    <message>
        <source>Matching: %1</source>
        <translation>匹配结果：%1</translation>
    </message>
    <message>
        <source>Matching would leave: %1</source>
        <translation>预计匹配结果：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>BillLinesDialog</name>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Reading the bill…</source>
        <translation>正在读取账单…</translation>
    </message>
    <message>
        <source>Bill %1</source>
        <translation>账单 %1</translation>
    </message>
</context>
<context>
    <name>Billing</name>
    <message>
        <source>not a month (YYYY-MM) or a range of days: {text}</source>
        <translation>不是月份（YYYY-MM）或日期范围：{text}</translation>
    </message>
    <message>
        <source>adjusts {billed} → {now}</source>
        <translation>调整 {billed} → {now}</translation>
    </message>
    <message>
        <source>provisional: a correction follows</source>
        <translation>暂估：之后会有更正</translation>
    </message>
    <message>
        <source>{first} – {last} is already billed: {existing} bills posted before, nothing new to post</source>
        <translation>{first} – {last} 已出账：此前已过账 {existing} 张账单，没有新账单</translation>
    </message>
    <message>
        <source>would post {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped; nothing written</source>
        <translation>将过账 {created} 张账单（{total} {currency}）；{existing} 张已过账；跳过 {skipped} 项；未写入任何内容</translation>
    </message>
    <message>
        <source>posted {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped</source>
        <translation>已过账 {created} 张账单（{total} {currency}）；{existing} 张已过账；跳过 {skipped} 项</translation>
    </message>
    <message>
        <source>{contract}: a draft, not billed</source>
        <translation>{contract}：草稿，不出账</translation>
    </message>
    <message>
        <source>{contract}: not billed, its schedule cannot be computed ({problem})</source>
        <translation>{contract}：不出账，无法计算其租金计划（{problem}）</translation>
    </message>
    <message>
        <source>{contract}: no period of it starts from {from} to {to}</source>
        <translation>{contract}：在 {from} 至 {to} 之间没有开始的计费期</translation>
    </message>
    <message>
        <source>{contract}: {charge} from {period_start} is rent-free (0.00), not billed</source>
        <translation>{contract}：{period_start} 起的{charge}为免租（0.00），不出账</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: no reading closing the month on {meter} (run the same period again once it is read)</source>
        <translation>{contract}：{unit} {month} 的{utility}费未出账：{meter} 缺少当月截止读数（录入读数后重新运行同一期间即可出账）</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: no tariff in force on {meter}</source>
        <translation>{contract}：{unit} {month} 的{utility}费未出账：{meter} 没有适用的价格</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: tariff {tariff} has no price for meter {meter}&apos;s {register} register</source>
        <translation>{contract}：{unit} {month} 的{utility}费未出账：价格“{tariff}”没有表 {meter} {register}时段的单价</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: {meter} needs checking ({flag})</source>
        <translation>{contract}：{unit} {month} 的{utility}费未出账：{meter} 需要核查（{flag}）</translation>
    </message>
    <message>
        <source>{unit}: {quantity} {measure} of {utility} in {month} ({amount}) used on {days} of {of_days} days nobody held it: the landlord&apos;s, not billed</source>
        <translation>{unit}：{month} 有 {days}/{of_days} 天无人承租，其间用{utility} {quantity} {measure}（{amount}）由业主承担，不出账</translation>
    </message>
    <message>
        <source>Meter {meter} of {unit} used {times}× its usual: {per_day} a day from {previous_on} to {on}, usually {median}; billed as read — check the reading</source>
        <translation>{unit} 的表 {meter} 用量为平时的 {times} 倍：{previous_on} 至 {on} 日均 {per_day}，平时 {median}；已按读数出账，请核查读数</translation>
    </message>
    <message>
        <source>Caught up: {contract} amended from {effective_on} (version {version}) after {month} was billed, so its {utility} for {month} is billed now</source>
        <translation>补开：{contract} 在 {month} 出账后变更，自 {effective_on} 起生效（第 {version} 版），其 {month} 的{utility}费现予补开</translation>
    </message>
    <message>
        <source>{unit} takes no share of meter {meter}&apos;s shared {utility} in {month}: not connected ({why})</source>
        <translation>{unit} 不参与表计 {meter} 在 {month} 的{utility}公摊：当月未接入（{why}）</translation>
    </message>
    <message>
        <source>Meter {meter} ({register}): {from} on {from_on} to {to} on {to_on}, {dial} on the dial</source>
        <translation>表 {meter}（{register}）：{from_on} 读数 {from} 至 {to_on} 读数 {to}，走字 {dial}</translation>
    </message>
    <message>
        <source>× {multiplier}, meter {meter}&apos;s multiplier</source>
        <translation>× {multiplier}（表 {meter} 的倍率）</translation>
    </message>
    <message>
        <source>The dial turned past {rollover_at} between {previous_on} and {on}</source>
        <translation>{previous_on} 至 {on} 间表盘走过 {rollover_at} 归零（翻转）</translation>
    </message>
    <message>
        <source>Meter replaced on {on}: the old one&apos;s final {previous}, the new one&apos;s initial {value}</source>
        <translation>{on} 换表：旧表止码 {previous}，新表起码 {value}</translation>
    </message>
    <message>
        <source>Installed on {on} at {value}</source>
        <translation>{on} 装表，起码 {value}</translation>
    </message>
    <message>
        <source>Removed on {on}</source>
        <translation>{on} 拆表</translation>
    </message>
    <message>
        <source>{quantity} {measure} at {price} ({tariff}, flat): {amount}</source>
        <translation>{quantity} {measure} × {price}（{tariff}，单一价）= {amount}</translation>
    </message>
    <message>
        <source>Band {band} ({from}–{up_to} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</source>
        <translation>第 {band} 档（{from}–{up_to} {measure}）：{quantity} {measure} × {price}（{tariff}，阶梯价）= {amount}</translation>
    </message>
    <message>
        <source>Band {band} (over {from} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</source>
        <translation>第 {band} 档（{from} {measure} 以上）：{quantity} {measure} × {price}（{tariff}，阶梯价）= {amount}</translation>
    </message>
    <message>
        <source>{register}: {quantity} {measure} at {price} ({tariff}, time of use): {amount}</source>
        <translation>{register}时段：{quantity} {measure} × {price}（{tariff}，峰谷分时）= {amount}</translation>
    </message>
    <message>
        <source>That price from {from} to {to}: {days} of the {of_days} days&apos; use</source>
        <translation>{from} 至 {to} 适用此价：按 {days}/{of_days} 天分摊当月用量</translation>
    </message>
    <message>
        <source>Meter {meter}: {main_use} {measure}, its sub meters {subs} (common areas {common}): {shared} {measure} shared</source>
        <translation>总表 {meter}：{main_use} {measure}，分表合计 {subs}（其中公共区域 {common}）：公摊 {shared} {measure}</translation>
    </message>
    <message>
        <source>This unit&apos;s share by {basis}: {weight} of {denominator} → {quantity} {measure}, {amount} of the shared charge {charge} ({tariff}: {prices})</source>
        <translation>本单元按{basis}分摊：{weight}/{denominator} → {quantity} {measure}，公摊费用 {charge} 中的 {amount}（{tariff}：{prices}）</translation>
    </message>
    <message>
        <source>Held {days} of {of_days} days ({from} to {to}): {quantity} of {whole} {measure}, {amount} of {whole_amount}</source>
        <translation>承租 {days}/{of_days} 天（{from} 至 {to}）：{whole} {measure} 中的 {quantity}，{whole_amount} 中的 {amount}</translation>
    </message>
    <message>
        <source>Tariff {tariff}: a version from {valid_from} entered after this month was billed</source>
        <translation>价格“{tariff}”：自 {valid_from} 起的新版本在本月出账后录入</translation>
    </message>
    <message>
        <source>Tariff {tariff}: its version from {valid_from} archived after this month was billed</source>
        <translation>价格“{tariff}”：自 {valid_from} 起的版本在本月出账后归档</translation>
    </message>
    <message>
        <source>{contract} amended from {effective_on} (version {version}) after this month was billed</source>
        <translation>{contract} 在本月出账后变更，自 {effective_on} 起生效（第 {version} 版）</translation>
    </message>
    <message>
        <source>{contract} terminated on {terminated_on} after this month was billed: the days after it are not its</source>
        <translation>{contract} 在本月出账后解约，解约日为 {terminated_on}：此后的天数不再由其承担</translation>
    </message>
    <message>
        <source>Meter {meter} moved from tariff {was} to {tariff} after this month was billed</source>
        <translation>表计 {meter} 在本月出账后由价格“{was}”改为“{tariff}”</translation>
    </message>
    <message>
        <source>Meter {meter} set to tariff {tariff} after this month was billed</source>
        <translation>表计 {meter} 在本月出账后改用价格“{tariff}”</translation>
    </message>
    <message>
        <source>Meter {meter} taken off tariff {was} after this month was billed: no tariff prices it now</source>
        <translation>表计 {meter} 在本月出账后取消价格“{was}”：现无价格可计</translation>
    </message>
    <message>
        <source>electricity</source>
        <translation>电</translation>
    </message>
    <message>
        <source>water</source>
        <translation>水</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <source>heat</source>
        <translation>热</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水费</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气费</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>热费</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总</translation>
    </message>
    <message>
        <source>sharp</source>
        <translation>尖</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>平</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>agreed weights</source>
        <translation>约定权重</translation>
    </message>
    <message>
        <source>a reading below the one before</source>
        <translation>读数小于上次读数</translation>
    </message>
    <message>
        <source>a reading off the dial</source>
        <translation>读数超出表盘量程</translation>
    </message>
    <message>
        <source>no initial reading of the new meter</source>
        <translation>缺少新表起码</translation>
    </message>
    <message>
        <source>no final reading of the old meter</source>
        <translation>缺少旧表止码</translation>
    </message>
    <message>
        <source>its sub meters measured more than it</source>
        <translation>分表用量之和大于总表</translation>
    </message>
    <message>
        <source>the shares&apos; weights add up to 0</source>
        <translation>分摊权重之和为 0</translation>
    </message>
    <message>
        <source>a unit under it has no weight</source>
        <translation>表下有单元没有分摊权重</translation>
    </message>
    <message>
        <source>its shared use cannot be priced</source>
        <translation>公摊用量无法计价</translation>
    </message>
    <message>
        <source>its basis cannot be read</source>
        <translation>分摊依据无法读取</translation>
    </message>
    <message>
        <source>{meter} and {more} more</source>
        <translation>{meter} 及另外 {more} 个表</translation>
    </message>
    <message>
        <source>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day, capped at the amount overdue: {accrued}</source>
        <translation>{bill} 的滞纳金：逾期 {overdue}，自 {due_on} 起 {days} 天，每日 {rate}%，以逾期金额为限：{accrued}</translation>
    </message>
    <message>
        <source>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day: {accrued}</source>
        <translation>{bill} 的滞纳金：逾期 {overdue}，自 {due_on} 起 {days} 天，每日 {rate}%：{accrued}</translation>
    </message>
    <message>
        <source>; {posted_before} of it billed before</source>
        <translation>；其中 {posted_before} 已于此前出账</translation>
    </message>
</context>
<context>
    <name>BillingFlow</name>
    <message>
        <source>Billing run posted: %1, %2</source>
        <translation>出账已过账：%1，%2</translation>
    </message>
    <message>
        <source>Billing run not posted: %1</source>
        <translation>出账未过账：%1</translation>
    </message>
</context>
<context>
    <name>BillingMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>请先打开工作区</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>收费(&amp;B)</translation>
    </message>
    <message>
        <source>Billing &amp;run…</source>
        <translation>出账(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Collections…</source>
        <translation>催收(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Invoices…</source>
        <translation>发票(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Three-ledger check…</source>
        <translation>三账对齐(&amp;T)…</translation>
    </message>
    <message>
        <source>Import &amp;bank statement…</source>
        <translation>导入银行流水(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Meters…</source>
        <translation>表计(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Payments to match</source>
        <translation>待匹配收款(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Enter payment…</source>
        <translation>录入收款(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;ceivables…</source>
        <translation>应收账款(&amp;C)…</translation>
    </message>
    <message>
        <source>Ta&amp;x rates…</source>
        <translation>税率(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>节假日(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>BillingRun</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>1 bill</source>
        <translation>1 张账单</translation>
    </message>
    <message>
        <source>%1 bills</source>
        <translation>%1 张账单</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Adjustment: %1 → %2</source>
        <translation>调整：%1 → %2</translation>
    </message>
    <message>
        <source>Provisional: a later run posts the correction once the figure is known.</source>
        <translation>暂估：数据确定后，之后的出账会过账更正。</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>补开</translation>
    </message>
    <message>
        <source>see note</source>
        <translation>见备注</translation>
    </message>
    <message>
        <source>check reading</source>
        <translation>核查读数</translation>
    </message>
    <message>
        <source>Every meter (%1): %2</source>
        <translation>全部表（%1 个）：%2</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费项</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>计费期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>付款日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Adjusts %1: billed %2 before, %3 due now, a difference of %4.</source>
        <translation>调整 %1：此前已出账 %2，现应收 %3，差额 %4。</translation>
    </message>
    <message>
        <source>The period is no longer due (a termination or an amendment took it): what was billed for it is credited.</source>
        <translation>该计费期已不再应收（因退租或变更）：此前为其出账的金额予以冲减。</translation>
    </message>
    <message>
        <source>Changed since it was billed:</source>
        <translation>出账后的变动：</translation>
    </message>
    <message>
        <source>Due now:</source>
        <translation>现应收：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Unit %1, %2</source>
        <translation>单元 %1，%2</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>账单编号</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>暂估</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>BillingRunDialog</name>
    <message>
        <source>Posting cancelled: nothing was written.</source>
        <translation>过账已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>预演已取消。</translation>
    </message>
    <message>
        <source>Billing run</source>
        <translation>出账</translation>
    </message>
    <message>
        <source>A run bills every contract period that starts in the period chosen: rent, fees and other charges, and adjustments of periods billed before whose amount has changed. Rehearse it to see every bill; nothing is written until you post, and posting the same period again posts nothing twice.</source>
        <translation>出账为所选期间内开始的每个合同计费期生成账单：租金、物业费等各项费用，以及此前已出账但金额有变的计费期的调整。先预演查看每张账单；过账前不写入任何内容，同一期间再次过账也不会重复出账。</translation>
    </message>
    <message>
        <source>Metered utilities are billed a month in arrears: a month&apos;s run bills the month before&apos;s electricity, water, gas and heat.</source>
        <translation>水电燃气等计量费用按月后付：每月的出账运行收取上个月的电、水、燃气和热费。</translation>
    </message>
    <message>
        <source>Periods starting in:</source>
        <translation>计费期开始于：</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>出账日期：</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>A range of days</source>
        <translation>按日期范围</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>预演</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Posting the bills…</source>
        <translation>正在过账…</translation>
    </message>
    <message>
        <source>Rehearsing the run…</source>
        <translation>正在预演出账…</translation>
    </message>
    <message>
        <source>Skipped (%1)</source>
        <translation>跳过（%1）</translation>
    </message>
    <message>
        <source>Rehearse the run to see the bills it would post.</source>
        <translation>预演出账，查看将要过账的账单。</translation>
    </message>
    <message>
        <source>Adjustments among them: %1.</source>
        <translation>其中调整 %1 张。</translation>
    </message>
    <message>
        <source>%2 is already billed: %5 posted before, nothing new to post. Skipped: %6.</source>
        <translation>%2 已出账：此前已过账 %5，没有新账单可过账。跳过：%6 项。</translation>
    </message>
    <message>
        <source>Posted %1 for %2, issued %3: %4 in all.</source>
        <translation>已为 %2 过账 %1（出账日期 %3），合计 %4。</translation>
    </message>
    <message>
        <source>Already posted before: %5. Skipped: %6. Posting %2 again posts nothing new.</source>
        <translation>此前已过账：%5 张。跳过：%6 项。再次为 %2 过账不会产生新账单。</translation>
    </message>
    <message>
        <source>Nothing to bill for %2. Skipped: %6.</source>
        <translation>%2 没有需要出账的项目。跳过：%6 项。</translation>
    </message>
    <message>
        <source>%1 to post for %2, issued %3: %4 in all.</source>
        <translation>%2 待过账 %1（出账日期 %3），合计 %4。</translation>
    </message>
    <message>
        <source>Already posted: %5. Skipped: %6. Nothing is written until you post.</source>
        <translation>已过账：%5 张。跳过：%6 项。过账前不写入任何内容。</translation>
    </message>
    <message>
        <source>The period or the date changed: rehearse again to post.</source>
        <translation>期间或日期已更改：请重新预演后再过账。</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <source>not changed: under contract %1, needs an amendment</source>
        <translation>未更改：合同 %1 在执行，须先办理变更</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Use now</source>
        <translation>现用途</translation>
    </message>
    <message>
        <source>Would become</source>
        <translation>将改为</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Common share m²</source>
        <translation>公摊面积 m²</translation>
    </message>
    <message>
        <source>Leasable m²</source>
        <translation>可租面积 m²</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>计租面积 m²</translation>
    </message>
    <message>
        <source>Classify rooms again</source>
        <translation>重新判定房间用途</translation>
    </message>
    <message>
        <source>Building %1: each room&apos;s use (for rent or common area) as its name says. Nothing is written until you apply; rooms under contract are listed, not changed, and uses a person chose are kept.</source>
        <translation>楼栋 %1：按房间名称重新判定每个房间的用途（可租或公共部位）。点击“应用”之前不会写入任何内容；合同在执行的房间只列出、不更改，人工设定的用途保持不变。</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Uses that change (%1)</source>
        <translation>用途变化（%1）</translation>
    </message>
    <message>
        <source>Areas that move (%1)</source>
        <translation>面积变动（%1）</translation>
    </message>
    <message>
        <source>Reading what classifying would change…</source>
        <translation>正在预演重新判定的结果…</translation>
    </message>
    <message>
        <source>Writing the changes…</source>
        <translation>正在写入更改…</translation>
    </message>
    <message>
        <source>1 room would change use.</source>
        <translation>1 个房间将改变用途。</translation>
    </message>
    <message>
        <source>%1 rooms would change use.</source>
        <translation>%1 个房间将改变用途。</translation>
    </message>
    <message>
        <source>1 room under contract is listed but not changed.</source>
        <translation>1 个合同在执行的房间只列出、不更改。</translation>
    </message>
    <message>
        <source>%1 rooms under contract are listed but not changed.</source>
        <translation>%1 个合同在执行的房间只列出、不更改。</translation>
    </message>
</context>
<context>
    <name>ClassifyRooms</name>
    <message>
        <source>for rent</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>common (floor)</source>
        <translation>公共（本层公摊）</translation>
    </message>
    <message>
        <source>common (building)</source>
        <translation>公共（全楼公摊）</translation>
    </message>
    <message>
        <source>a room number only ({word})</source>
        <translation>只有房号（{word}）</translation>
    </message>
    <message>
        <source>nothing in its name decides: for rent, please check</source>
        <translation>名称无法判断：按可租处理，请核对</translation>
    </message>
    <message>
        <source>the word “{word}”</source>
        <translation>依据“{word}”</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>等 {n} 个</translation>
    </message>
    <message>
        <source>Building {building}, levels {levels}: {n} rooms changed use</source>
        <translation>楼栋 {building}，楼层 {levels}：{n} 个房间已改变用途</translation>
    </message>
    <message>
        <source>Building {building}, levels {levels}: {n} rooms would change use (rehearsal: nothing was written; run without --dry-run to apply)</source>
        <translation>楼栋 {building}，楼层 {levels}：{n} 个房间将改变用途（预演：未写入任何内容；去掉 --dry-run 即执行）</translation>
    </message>
    <message>
        <source>  {code} {name}: {before} → {after} ({why})</source>
        <translation>  {code} {name}：{before} → {after}（{why}）</translation>
    </message>
    <message>
        <source> — not changed: under contract {contracts}, it needs an amendment</source>
        <translation> —— 未更改：合同 {contracts} 在执行，须先办理变更</translation>
    </message>
    <message>
        <source>Areas that move ({n} units):</source>
        <translation>面积变动（{n} 个单元）：</translation>
    </message>
    <message>
        <source>  {code}: share {share_before} → {share_after} m², leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</source>
        <translation>  {code}：公摊 {share_before} → {share_after} m²，可租 {leasable_before} → {leasable_after} m²，计租 {billable_before} → {billable_after} m²</translation>
    </message>
    <message>
        <source>For rent, but nothing in the name decides (please check): {units}</source>
        <translation>按可租处理、但名称无法判断的房间（请核对）：{units}</translation>
    </message>
    <message>
        <source>Kept as a person set them: {units}</source>
        <translation>保留人工设定的用途：{units}</translation>
    </message>
    <message>
        <source>Every room already has the use its name gives it.</source>
        <translation>所有房间的用途都已与名称一致。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>{message}; nothing was written</source>
        <translation>{message}；未写入任何内容</translation>
    </message>
    <message>
        <source>{message}
Nothing was written.</source>
        <translation>{message}
未写入任何内容。</translation>
    </message>
    <message>
        <source>{message}; nothing was written; pass --force to import it anyway</source>
        <translation>{message}；未写入任何内容；如仍要导入，请加 --force</translation>
    </message>
    <message>
        <source>two workspaces named: {first} and {second}</source>
        <translation>指定了两个工作区：{first} 和 {second}</translation>
    </message>
    <message>
        <source>name the workspace with --workspace</source>
        <translation>请用 --workspace 指定工作区</translation>
    </message>
    <message>
        <source>name the workspace to import into with --workspace</source>
        <translation>请用 --workspace 指定要导入的工作区</translation>
    </message>
    <message>
        <source>a demo park has at least {least} units; --units {units} is too few</source>
        <translation>演示园区至少要有 {least} 个单元；--units {units} 太少</translation>
    </message>
    <message>
        <source>{file} exists; pass --force to replace it</source>
        <translation>{file} 已存在；如要替换，请加 --force</translation>
    </message>
    <message>
        <source>{code} {name} ({currency}) as of {day}</source>
        <translation>{code} {name}（{currency}），截至 {day}</translation>
    </message>
    <message>
        <source>built {file}: {buildings}, {floors}, {units}, {common}, {tenants}, {contracts} in {seconds} s</source>
        <translation>已生成 {file}：{buildings}、{floors}、{units}、{common}、{tenants}、{contracts}，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>{buildings}, {units} ({for_rent}, {common}), leasable {leasable} m², leased {leased} m², vacant {vacant} m², occupancy {occupancy}</source>
        <translation>{buildings}，{units}（{for_rent}，{common}），可租 {leasable} m²，已租 {leased} m²，空置 {vacant} m²，出租率 {occupancy}</translation>
    </message>
    <message>
        <source>{code} {name}: {floors}, {units}</source>
        <translation>{code} {name}：{floors}，{units}</translation>
    </message>
    <message>
        <source>--classes takes 2 to 9</source>
        <translation>--classes 只能取 2 到 9</translation>
    </message>
    <message>
        <source>wrote {file}: {pages}</source>
        <translation>已写入 {file}：{pages}</translation>
    </message>
    <message>
        <source>--layers wants role=layer pairs, such as rooms=使用面积线, not “{text}”</source>
        <translation>--layers 需要“用途=图层”的写法，例如 rooms=使用面积线；“{text}”不是这种写法</translation>
    </message>
    <message>
        <source>give --building CODE for a floor plan, or --site for a site plan</source>
        <translation>楼层平面图请用“--building 楼栋编号”指定楼栋，总平面图请用 --site</translation>
    </message>
    <message>
        <source>give --floor for a one-floor drawing or --levels, not both</source>
        <translation>单层图纸用 --floor，多层用 --levels，二者不能同时使用</translation>
    </message>
    <message>
        <source>--levels {text}: give one level per floor, comma-separated, e.g. --levels 1,2,3 (-1 or B1 is the first basement; there is no level 0)</source>
        <translation>--levels {text}：请逐层给出层号，用逗号分隔，例如 --levels 1,2,3（-1 或 B1 表示地下一层；没有第 0 层）</translation>
    </message>
    <message>
        <source>dry run: nothing was written; the import would change:</source>
        <translation>试运行：未写入任何内容；导入将作如下更改：</translation>
    </message>
    <message>
        <source>(--replace-site-plan removes the previous site plan)</source>
        <translation>（加 --replace-site-plan 可删除原有总平面图）</translation>
    </message>
    <message>
        <source>{n} building</source>
        <translation>{n} 栋楼</translation>
    </message>
    <message>
        <source>{n} buildings</source>
        <translation>{n} 栋楼</translation>
    </message>
    <message>
        <source>{n} floor</source>
        <translation>{n} 层</translation>
    </message>
    <message>
        <source>{n} floors</source>
        <translation>{n} 层</translation>
    </message>
    <message>
        <source>{n} unit</source>
        <translation>{n} 个单元</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} 个单元</translation>
    </message>
    <message>
        <source>{n} unit for rent</source>
        <translation>{n} 个出租单元</translation>
    </message>
    <message>
        <source>{n} units for rent</source>
        <translation>{n} 个出租单元</translation>
    </message>
    <message>
        <source>{n} common room</source>
        <translation>{n} 个公共部位</translation>
    </message>
    <message>
        <source>{n} common rooms</source>
        <translation>{n} 个公共部位</translation>
    </message>
    <message>
        <source>{n} tenant</source>
        <translation>{n} 个租户</translation>
    </message>
    <message>
        <source>{n} tenants</source>
        <translation>{n} 个租户</translation>
    </message>
    <message>
        <source>{n} contract</source>
        <translation>{n} 份合同</translation>
    </message>
    <message>
        <source>{n} contracts</source>
        <translation>{n} 份合同</translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>{n} room</source>
        <translation>{n} 个房间</translation>
    </message>
    <message>
        <source>{n} rooms</source>
        <translation>{n} 个房间</translation>
    </message>
    <message>
        <source>no floor level for &quot;{file}&quot;: neither its name nor its title names one; pass --floor N with the level</source>
        <translation>无法确定“{file}”是哪一层：文件名和图纸标题都没有指明楼层；请用“--floor 层号”指定</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; names the roof (&quot;{word}&quot;), which is not a level; pass --floor N with the level</source>
        <translation>“{file}”指的是屋顶（“{word}”），不是楼层；请用“--floor 层号”指定</translation>
    </message>
    <message>
        <source>the file name &quot;{text}&quot; names two floors, &quot;{first}&quot; (level {first_level}) and &quot;{second}&quot; (level {second_level}); pass --floor N with the level</source>
        <translation>文件名“{text}”同时指明了两个楼层：“{first}”（第 {first_level} 层）和“{second}”（第 {second_level} 层）；请用“--floor 层号”指定</translation>
    </message>
    <message>
        <source>the title &quot;{text}&quot; names two floors, &quot;{first}&quot; (level {first_level}) and &quot;{second}&quot; (level {second_level}); pass --floor N with the level</source>
        <translation>标题“{text}”同时指明了两个楼层：“{first}”（第 {first_level} 层）和“{second}”（第 {second_level} 层）；请用“--floor 层号”指定</translation>
    </message>
    <message>
        <source>the file name &quot;{file}&quot; says level {first_level} but the drawing&apos;s title &quot;{text}&quot; says level {second_level}; pass --floor N with the level</source>
        <translation>文件名“{file}”表示第 {first_level} 层，而图纸标题“{text}”表示第 {second_level} 层；请用“--floor 层号”指定</translation>
    </message>
    <message>
        <source>{file} has {count} floors and no level in the title of {floors}; pass --levels with one level per floor in drawing order (e.g. --levels {example})</source>
        <translation>{file} 有 {count} 个楼层，其中 {floors} 的标题没有指明层号；请用 --levels 按图纸中的顺序逐层给出层号（例如 --levels {example}）</translation>
    </message>
    <message>
        <source>--levels gives {given} levels but {file} has {count} floors ({floors}); give one level per floor, in that order</source>
        <translation>--levels 给出了 {given} 个层号，但 {file} 有 {count} 个楼层（{floors}）；请按此顺序逐层给出层号</translation>
    </message>
    <message>
        <source>floors &quot;{first}&quot; and &quot;{second}&quot; would both be level {level}; pass --levels with one level per floor in drawing order</source>
        <translation>楼层“{first}”和“{second}”都会成为第 {level} 层；请用 --levels 按图纸中的顺序逐层给出层号</translation>
    </message>
    <message>
        <source>--floor applies to a one-floor plan; {file} has {count} floors: give each its level with --levels</source>
        <translation>--floor 只适用于单层图纸；{file} 有 {count} 个楼层：请用 --levels 逐层给出层号</translation>
    </message>
    <message>
        <source>--area takes an area in m² above zero, such as 500, not “{text}”</source>
        <translation>--area 应为大于零的面积（m²），例如 500，而不是“{text}”</translation>
    </message>
    <message>
        <source>--floors {text}: give the lowest and highest level, e.g. --floors 3-8 (B1 or -1 is the first basement; there is no level 0)</source>
        <translation>--floors {text}：请给出最低和最高楼层，例如 --floors 3-8（B1 或 -1 为地下一层；没有第 0 层）</translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 up, not {text}</source>
        <translation>--limit 应为不小于 1 的整数，而不是 {text}</translation>
    </message>
    <message>
        <source>no park {code} in the workspace (parks: {parks})</source>
        <translation>工作区中没有园区 {code}（现有园区：{parks}）</translation>
    </message>
    <message>
        <source>no building {code} in park {park} (buildings: {buildings})</source>
        <translation>园区 {park} 中没有楼栋 {code}（现有楼栋：{buildings}）</translation>
    </message>
    <message>
        <source>Vacant on {day}, about {area} m² in one piece, best fit first:</source>
        <translation>{day} 空置、连片约 {area} m² 的空间（面积最接近的在前）：</translation>
    </message>
    <message>
        <source>{building} {floor} (level {level}): {units}  {area} m²  {rent}  {share}%</source>
        <translation>{building} {floor}（第 {level} 层）：{units}  {area} m²  {rent}  {share}%</translation>
    </message>
    <message>
        <source>{amount} {currency}/month</source>
        <translation>{amount} {currency}/月</translation>
    </message>
    <message>
        <source>no asking rent</source>
        <translation>无报价</translation>
    </message>
    <message>
        <source>No neighbouring vacant units on one floor make {least}–{most} m² on {day}.</source>
        <translation>{day} 没有同层相邻的空置单元合计达到 {least}–{most} m²。</translation>
    </message>
</context>
<context>
    <name>Collections</name>
    <message>
        <source>Low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>中风险</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>极高风险</translation>
    </message>
    <message>
        <source>The oldest bill still open, due {due_on}, is {days} days overdue: 1 point per {days_per_point} days, at most {cap}</source>
        <translation>最早一笔未结账单（到期日 {due_on}）已逾期 {days} 天：每 {days_per_point} 天扣 1 分，最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>{count} bills paid after their due date since {since} (the latest {max_days_late} days late): {each} points each, at most {cap}</source>
        <translation>自 {since} 起有 {count} 笔账单逾期后才付清（最长逾期 {max_days_late} 天）：每笔扣 {each} 分，最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>Court case from {on}: {note} (counts until {until})</source>
        <translation>{on} 起的诉讼：{note}（计至 {until}）</translation>
    </message>
    <message>
        <source>Tax notice from {on}: {note} (counts until {until})</source>
        <translation>{on} 起的税务公告：{note}（计至 {until}）</translation>
    </message>
    <message>
        <source>The score stops at 0 ({points_off} points off in all)</source>
        <translation>信用分最低为 0（共扣 {points_off} 分）</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}) ended on {until}: it no longer counts</source>
        <translation>{on} 的{kind}（{note}）已于 {until} 到期，不再计分</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}) counts from that day</source>
        <translation>{on} 的{kind}（{note}）自当日起计分</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}): noted; only court and tax signals cost points</source>
        <translation>{on} 的{kind}（{note}）：仅作记录；只有诉讼和税务信号扣分</translation>
    </message>
    <message>
        <source>A stored signal cannot be read: {entry}</source>
        <translation>一条已存的信用信号无法读取：{entry}</translation>
    </message>
    <message>
        <source>Bill 7 days earlier</source>
        <translation>提前 7 天出账</translation>
    </message>
    <message>
        <source>Reminder letter (PDF)</source>
        <translation>催款通知书（PDF）</translation>
    </message>
    <message>
        <source>Call within 1 working day</source>
        <translation>1 个工作日内电话催收</translation>
    </message>
    <message>
        <source>Renewal frozen</source>
        <translation>冻结续约</translation>
    </message>
    <message>
        <source>Formal notice</source>
        <translation>正式通知函</translation>
    </message>
    <message>
        <source>Deposit warning</source>
        <translation>押金扣抵预警</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>法务审查</translation>
    </message>
    <message>
        <source>Start termination</source>
        <translation>启动解约</translation>
    </message>
    <message>
        <source>Site check within 48 h</source>
        <translation>48 小时内现场检查</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Court case</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <source>Tax notice</source>
        <translation>税务公告</translation>
    </message>
    <message>
        <source>Other news</source>
        <translation>其他信息</translation>
    </message>
    <message>
        <source>Ended {day}: the tier was left</source>
        <translation>{day} 结束：已离开该风险等级</translation>
    </message>
    <message>
        <source>Done {day}</source>
        <translation>{day} 已完成</translation>
    </message>
    <message>
        <source>Holds while the tier does</source>
        <translation>风险等级不变期间有效</translation>
    </message>
    <message>
        <source>Open, {days} days late</source>
        <translation>待办，已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Open, due {day}</source>
        <translation>待办，{day} 到期</translation>
    </message>
    <message>
        <source>Low risk: no action. Bills go out as usual and no one needs to call.</source>
        <translation>低风险：无需催收措施。账单照常出具，无需致电。</translation>
    </message>
    <message>
        <source>{tier}: no action is listed for this tenant.</source>
        <translation>{tier}：该租户暂无催收措施。</translation>
    </message>
    <message>
        <source>Score {score} of 100 · {tier}</source>
        <translation>信用分 {score}/100 · {tier}</translation>
    </message>
    <message>
        <source>{amount} overdue since {day}</source>
        <translation>自 {day} 起逾期欠款 {amount}</translation>
    </message>
    <message>
        <source>Renewal is frozen: the tenant&apos;s credit is {tier}.</source>
        <translation>续约已冻结：该租户信用为{tier}。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>信用分</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期欠款</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>最早到期日</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>待办措施</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责岗位</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发起日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>No point off: nothing overdue, no late payment, no court or tax signal</source>
        <translation>未扣分：无逾期欠款、无逾期付款、无诉讼或税务信号</translation>
    </message>
    <message>
        <source>no contract</source>
        <translation>无合同</translation>
    </message>
    <message>
        <source>Credit on {day}: {count} tenants</source>
        <translation>{day} 的信用：共 {count} 个租户</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{tenants} — {tiers}</source>
        <translation>{tenants}（{tiers}）</translation>
    </message>
    <message>
        <source>Nothing is overdue: there is no reminder to send</source>
        <translation>无逾期欠款，无需发送催款通知书</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>催收</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Points off</source>
        <translation>扣分明细</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>催收措施</translation>
    </message>
    <message>
        <source>Credit signals (entered by hand)</source>
        <translation>信用信号（手工录入）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>计分截止</translation>
    </message>
    <message>
        <source>Days as 2026-03-01. Leave “Counts until” blank for the kind&apos;s default: 24 months for a court case, 12 for a tax notice.</source>
        <translation>日期格式如 2026-03-01。“计分截止”留空则按默认期限：诉讼 24 个月，税务公告 12 个月。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Letter in</source>
        <translation>通知书语言</translation>
    </message>
    <message>
        <source>Generate reminder letter…</source>
        <translation>生成催款通知书…</translation>
    </message>
    <message>
        <source>Add signal</source>
        <translation>添加信号</translation>
    </message>
    <message>
        <source>Remove signal</source>
        <translation>删除信号</translation>
    </message>
    <message>
        <source>Save signals</source>
        <translation>保存信号</translation>
    </message>
</context>
<context>
    <name>CollectionsFlow</name>
    <message>
        <source>Reading the tenants&apos; credit…</source>
        <translation>正在读取租户信用…</translation>
    </message>
    <message>
        <source>Actions not raised: %1</source>
        <translation>未能生成催收措施：%1</translation>
    </message>
    <message>
        <source>Marked done on %1.</source>
        <translation>已于 %1 标记完成。</translation>
    </message>
    <message>
        <source>%1 signals saved.</source>
        <translation>已保存 %1 条信号。</translation>
    </message>
    <message>
        <source>Reminder %1 kept with %2.</source>
        <translation>催款通知书 %1 已存入 %2。</translation>
    </message>
    <message>
        <source>Save the reminder letter</source>
        <translation>保存催款通知书</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已另存为 %1。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
</context>
<context>
    <name>ContractDetail</name>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2：%1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>terminated on %1</source>
        <translation>终止于 %1</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>%1 (%2 m²)</source>
        <translation>%1（%2 m²）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>floor %1%</source>
        <translation>下限 %1%</translation>
    </message>
    <message>
        <source>cap %1%</source>
        <translation>上限 %1%</translation>
    </message>
    <message>
        <source>%1% of sales above the natural breakpoint</source>
        <translation>超出自然保底点的销售额按 %1% 提成</translation>
    </message>
    <message>
        <source>%1% of sales above %2 a month</source>
        <translation>每月销售额超出 %2 的部分按 %1% 提成</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>租期</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约日</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交付日</translation>
    </message>
    <message>
        <source>Rent starts</source>
        <translation>起租日</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>付款周期</translation>
    </message>
    <message>
        <source>Rent-free</source>
        <translation>免租</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>递增</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>营业额提成</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>面积系数</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No renewal advice for a draft</source>
        <translation>草稿合同没有续约建议</translation>
    </message>
    <message>
        <source>Renew with an increase, to %1 per m² a month</source>
        <translation>建议续约并提价，至每月每 m² %1</translation>
    </message>
    <message>
        <source>Renew at the current rent, %1 per m² a month</source>
        <translation>建议按现租金续约，每月每 m² %1</translation>
    </message>
    <message>
        <source>Let the tenant go</source>
        <translation>建议不再续约</translation>
    </message>
    <message>
        <source>The lease has ended: no advice</source>
        <translation>租约已结束：无建议</translation>
    </message>
    <message>
        <source>No advice yet</source>
        <translation>暂无建议</translation>
    </message>
    <message>
        <source>No payment record yet: no bill has been issued to this tenant, so no late payment or arrears is counted.</source>
        <translation>尚无付款记录：尚未向该租户开具账单，因此未计入逾期付款或欠款。</translation>
    </message>
    <message>
        <source>Advice opens on %opens_on, 90 days before the end on %ends_on (%days_left days left).</source>
        <translation>建议将于 %opens_on 给出，即到期日 %ends_on 前 90 天（还剩 %days_left 天）。</translation>
    </message>
    <message>
        <source>The lease ended on %ends_on.</source>
        <translation>租约已于 %ends_on 结束。</translation>
    </message>
    <message>
        <source>Arrears of %amount are still open.</source>
        <translation>尚有欠款 %amount 未结清。</translation>
    </message>
    <message>
        <source>%count late payments; the latest was %max_days days late.</source>
        <translation>逾期付款 %count 次；最长逾期 %max_days 天。</translation>
    </message>
    <message>
        <source>%count late payments, at most %max_days days late: the tenant pays well.</source>
        <translation>逾期付款 %count 次，最长逾期 %max_days 天：租户付款良好。</translation>
    </message>
    <message>
        <source>No comparable deal signed since %since: the market cannot be judged.</source>
        <translation>自 %since 以来没有可比成交：无法判断市场水平。</translation>
    </message>
    <message>
        <source>The rent %current is %gap% below the market %market (the median of %deals deals in the last twelve months).</source>
        <translation>现租金 %current 比市场价 %market 低 %gap%（近十二个月 %deals 笔成交的中位数）。</translation>
    </message>
    <message>
        <source>The rent %current is at the market %market (%gap% apart; %deals deals in the last twelve months).</source>
        <translation>现租金 %current 与市场价 %market 相当（相差 %gap%；近十二个月 %deals 笔成交）。</translation>
    </message>
    <message>
        <source>%leads open leads want space like this.</source>
        <translation>有 %leads 个在跟进的意向客户需要此类空间。</translation>
    </message>
    <message>
        <source>No open lead wants space like this.</source>
        <translation>没有在跟进的意向客户需要此类空间。</translation>
    </message>
    <message>
        <source>The increase is held to %cap% (the market is %market).</source>
        <translation>涨幅以 %cap% 为限（市场价为 %market）。</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>v%1 · from %2</source>
        <translation>第 %1 版 · 自 %2 起</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Changed from version %1, from %2:</source>
        <translation>相对第 %1 版的变更，自 %2 起：</translation>
    </message>
    <message>
        <source>As signed. It stays as it was whatever later versions change.</source>
        <translation>签约时的版本，不受后续版本影响。</translation>
    </message>
    <message>
        <source>Version 1&apos;s schedule, as signed:</source>
        <translation>第 1 版签约时的租金计划：</translation>
    </message>
    <message>
        <source>Version %1&apos;s terms alone, over the whole term; the contract bills them from %2 (see Schedule):</source>
        <translation>仅按第 %1 版条款计算的整个租期计划；合同自 %2 起按此版计费（见“租金计划”）：</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>A contract is settled once it is terminated or has ended.</source>
        <translation>合同终止或到期后方可结算。</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>变更…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续约…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>结算…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>租金计划</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Generate PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
</context>
<context>
    <name>ContractDocument</name>
    <message>
        <source>Contract document</source>
        <translation>合同文本</translation>
    </message>
    <message>
        <source>Save contract document</source>
        <translation>保存合同文本</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Attach a file to the contract</source>
        <translation>为合同添加附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>The contract in Chinese</source>
        <translation>中文合同</translation>
    </message>
    <message>
        <source>The contract in English</source>
        <translation>英文合同</translation>
    </message>
    <message>
        <source>Each paragraph in Chinese with its English beneath; the Chinese version prevails</source>
        <translation>每段中文下附英文译文；以中文版本为准</translation>
    </message>
</context>
<context>
    <name>ContractFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待办节点</translation>
    </message>
    <message>
        <source>Reading the contract…</source>
        <translation>正在读取合同…</translation>
    </message>
    <message>
        <source>Marking it done…</source>
        <translation>正在标记完成…</translation>
    </message>
    <message>
        <source>No unit %1 in this park.</source>
        <translation>本园区没有单元 %1。</translation>
    </message>
    <message>
        <source>%1 renewed by %2</source>
        <translation>%1 已由 %2 续约</translation>
    </message>
    <message>
        <source>%1 settled on %2</source>
        <translation>%1 已于 %2 结算</translation>
    </message>
    <message>
        <source>Deposit movement of %1 reversed</source>
        <translation>%1 的押金流水已冲销</translation>
    </message>
    <message>
        <source>Deposit of %1 received</source>
        <translation>%1 的押金已收取</translation>
    </message>
    <message>
        <source>Deposit of %1 refunded</source>
        <translation>%1 的押金已退还</translation>
    </message>
</context>
<context>
    <name>ContractList</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>租期</translation>
    </message>
    <message>
        <source>Area m²</source>
        <translation>面积 m²</translation>
    </message>
    <message>
        <source>Rent /m²/month</source>
        <translation>租金单价 /m²/月</translation>
    </message>
    <message>
        <source>Monthly rent</source>
        <translation>月租金</translation>
    </message>
    <message>
        <source>Days to end</source>
        <translation>距到期天数</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
    <message>
        <source>Reading the contracts…</source>
        <translation>正在读取合同…</translation>
    </message>
    <message>
        <source>%1 of %2 contracts</source>
        <translation>%1 / %2 份合同</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Every building</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>Search code, tenant, unit…</source>
        <translation>搜索编号、租户、单元…</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>到期于</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
</context>
<context>
    <name>ContractTemplate</name>
    <message>
        <source>Line {line}: {name} is not a placeholder the document knows</source>
        <translation>第 {line} 行：{name} 不是合同文本可用的占位符</translation>
    </message>
    <message>
        <source>Line {line}: {name} must stand on a line of its own</source>
        <translation>第 {line} 行：{name} 须单独占一行</translation>
    </message>
    <message>
        <source>Line {line}: {name} cannot carry a format; write it plain</source>
        <translation>第 {line} 行：{name} 不能带格式，请只写占位符名</translation>
    </message>
    <message>
        <source>Line {line}: a brace without its pair (type {{ or }} for a brace itself)</source>
        <translation>第 {line} 行：花括号不成对（要输入花括号本身，请写 {{ 或 }}）</translation>
    </message>
    <message>
        <source>There is no contract template in language {language}</source>
        <translation>没有 {language} 语言的合同模板</translation>
    </message>
    <message>
        <source>The Chinese template has {zh} articles (## headings) and the English one {en}: a bilingual document pairs them one for one</source>
        <translation>中文模板有 {zh} 条（## 标题），英文模板有 {en} 条：双语合同须逐条对应</translation>
    </message>
    <message>
        <source>{section}: the Chinese template places {zh} and the English one {en}; a bilingual document needs the same blocks in the same order</source>
        <translation>{section}：中文模板放置了 {zh}，英文模板放置了 {en}；双语合同要求两者的区块相同且顺序一致</translation>
    </message>
    <message>
        <source>Article “{heading}”</source>
        <translation>条款“{heading}”</translation>
    </message>
    <message>
        <source>Before the first article</source>
        <translation>第一条之前</translation>
    </message>
    <message>
        <source>no block</source>
        <translation>无区块</translation>
    </message>
    <message>
        <source>The Chinese template</source>
        <translation>中文模板</translation>
    </message>
    <message>
        <source>The English template</source>
        <translation>英文模板</translation>
    </message>
    <message>
        <source>The contract template cannot be used:</source>
        <translation>合同模板无法使用：</translation>
    </message>
    <message>
        <source>the contract&apos;s code</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>the contract&apos;s version number</source>
        <translation>合同版本号</translation>
    </message>
    <message>
        <source>the signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>the date the document is made</source>
        <translation>合同文本生成日期</translation>
    </message>
    <message>
        <source>the landlord: the park&apos;s name</source>
        <translation>出租方：园区名称</translation>
    </message>
    <message>
        <source>the park&apos;s address</source>
        <translation>园区地址</translation>
    </message>
    <message>
        <source>the tenant&apos;s name</source>
        <translation>承租方名称</translation>
    </message>
    <message>
        <source>the tenant&apos;s contact person</source>
        <translation>承租方联系人</translation>
    </message>
    <message>
        <source>the tenant&apos;s phone</source>
        <translation>承租方电话</translation>
    </message>
    <message>
        <source>the tenant&apos;s email</source>
        <translation>承租方电子邮箱</translation>
    </message>
    <message>
        <source>the codes of the units let</source>
        <translation>所租单元编号</translation>
    </message>
    <message>
        <source>the billable area let, m²</source>
        <translation>计租面积合计（平方米）</translation>
    </message>
    <message>
        <source>the first day of the term</source>
        <translation>租期起始日</translation>
    </message>
    <message>
        <source>the last day of the term</source>
        <translation>租期届满日</translation>
    </message>
    <message>
        <source>the term in words, with hand-over and rent start</source>
        <translation>租赁期限条款（含交付日、计租日）</translation>
    </message>
    <message>
        <source>the hand-over date</source>
        <translation>交付日</translation>
    </message>
    <message>
        <source>the first day of rent</source>
        <translation>计租日</translation>
    </message>
    <message>
        <source>the rent clause in words</source>
        <translation>租金条款</translation>
    </message>
    <message>
        <source>the area bands in words</source>
        <translation>分档计价条款</translation>
    </message>
    <message>
        <source>the area coefficient in words</source>
        <translation>面积系数条款</translation>
    </message>
    <message>
        <source>the rent-free periods in words</source>
        <translation>免租期条款</translation>
    </message>
    <message>
        <source>the rent review in words</source>
        <translation>租金调整条款</translation>
    </message>
    <message>
        <source>the turnover rent in words</source>
        <translation>营业额提成租金条款</translation>
    </message>
    <message>
        <source>the charges in words</source>
        <translation>其他费用条款</translation>
    </message>
    <message>
        <source>the deposit in words</source>
        <translation>保证金条款</translation>
    </message>
    <message>
        <source>when payments are due, in words</source>
        <translation>支付期限条款</translation>
    </message>
    <message>
        <source>the late fee in words</source>
        <translation>滞纳金条款</translation>
    </message>
    <message>
        <source>the deposit amount</source>
        <translation>保证金金额</translation>
    </message>
    <message>
        <source>the rent over the term</source>
        <translation>租期内租金合计</translation>
    </message>
    <message>
        <source>everything the schedule bills over the term</source>
        <translation>租期内租金及费用总计</translation>
    </message>
    <message>
        <source>that total in words (Chinese capitals in Chinese)</source>
        <translation>总计金额大写（中文合同为中文大写）</translation>
    </message>
    <message>
        <source>the contract&apos;s notes</source>
        <translation>合同备注</translation>
    </message>
    <message>
        <source>block: the table of units let</source>
        <translation>区块：所租单元表</translation>
    </message>
    <message>
        <source>block: the plan of their floors, the units shaded</source>
        <translation>区块：所在楼层平面图（所租单元着色）</translation>
    </message>
    <message>
        <source>block: every clause, numbered</source>
        <translation>区块：全部条款（编号）</translation>
    </message>
    <message>
        <source>block: the full schedule and its totals</source>
        <translation>区块：完整租金明细及合计</translation>
    </message>
    <message>
        <source>block: both parties&apos; signature blocks</source>
        <translation>区块：双方签章栏</translation>
    </message>
</context>
<context>
    <name>ContractText</name>
    <message>
        <source>{area} m² at base {rate} per m² a month</source>
        <translation>{area} m² 按基础单价 {rate}/m²/月计</translation>
    </message>
    <message>
        <source>{area} m² at base {rate} per m² a day</source>
        <translation>{area} m² 按基础单价 {rate}/m²/日计</translation>
    </message>
    <message>
        <source>{days} of {of} days of {month}</source>
        <translation>{month} 按 {days}/{of} 天折算</translation>
    </message>
    <message>
        <source>rent-free ({kind}) {applied_from} to {applied_to}</source>
        <translation>免租（{kind}）{applied_from} 至 {applied_to}</translation>
    </message>
    <message>
        <source>rent-free ({kind}) {starts_on} to {ends_on}, applied {applied_from} to {applied_to}</source>
        <translation>免租（{kind}）{starts_on} 至 {ends_on}，实际免租 {applied_from} 至 {applied_to}</translation>
    </message>
    <message>
        <source>stepped price {price} per m² from {from}</source>
        <translation>阶梯价 {price}/m²，自 {from} 起</translation>
    </message>
    <message>
        <source>escalated +{percent}% a year, the step of {from}</source>
        <translation>每年递增 {percent}%，本次自 {from} 起</translation>
    </message>
    <message>
        <source>escalated +{amount} per m² a year, the step of {from}</source>
        <translation>每年每 m² 递增 {amount}，本次自 {from} 起</translation>
    </message>
    <message>
        <source>CPI {year} change {change}%, {applied}% applied from {from}</source>
        <translation>CPI {year} 年变动 {change}%，自 {from} 起按 {applied}% 调整</translation>
    </message>
    <message>
        <source>CPI {year} not known yet: {applied}% (the floor) applied from {from}, corrected once it is entered</source>
        <translation>CPI {year} 年数值尚未公布：自 {from} 起按下限 {applied}% 计，公布后补差</translation>
    </message>
    <message>
        <source>sales {sales} × {rate}% above the natural breakpoint {breakpoint}: +{amount}</source>
        <translation>销售额 {sales} × {rate}%，超出自然保底点 {breakpoint}：+{amount}</translation>
    </message>
    <message>
        <source>sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</source>
        <translation>销售额 {sales} × {rate}%，超出约定保底点 {breakpoint}：+{amount}</translation>
    </message>
    <message>
        <source>{month}: sales {sales} × {rate}% above the natural breakpoint {breakpoint} (base {base}): +{amount}</source>
        <translation>{month}：销售额 {sales} × {rate}%，超出自然保底点 {breakpoint}（保底租金 {base}）：+{amount}</translation>
    </message>
    <message>
        <source>{month}: sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</source>
        <translation>{month}：销售额 {sales} × {rate}%，超出约定保底点 {breakpoint}：+{amount}</translation>
    </message>
    <message>
        <source>sales above the breakpoint {from} to {to} at {rate}%: {amount}</source>
        <translation>超出保底点的销售额 {from} 至 {to} 按 {rate}%：{amount}</translation>
    </message>
    <message>
        <source>turnover part raised to its minimum {minimum} (computed {computed})</source>
        <translation>提成部分提高至下限 {minimum}（计算值 {computed}）</translation>
    </message>
    <message>
        <source>turnover part held to its maximum {maximum} (computed {computed})</source>
        <translation>提成部分限于上限 {maximum}（计算值 {computed}）</translation>
    </message>
    <message>
        <source>{name}: {amount} per m² a month × {area} m² = {monthly} a month</source>
        <translation>{name}：{amount}/m²/月 × {area} m² = 每月 {monthly}</translation>
    </message>
    <message>
        <source>{name}: {monthly} a month</source>
        <translation>{name}：每月 {monthly}</translation>
    </message>
    <message>
        <source>rent-free {starts_on} to {ends_on} does not apply to this charge</source>
        <translation>免租 {starts_on} 至 {ends_on} 不适用于此费用</translation>
    </message>
    <message>
        <source>version {version} from {from}</source>
        <translation>第 {version} 版，自 {from} 起</translation>
    </message>
    <message>
        <source>{starts_on} to {ends_on} of the period {period_starts_on} to {period_ends_on}</source>
        <translation>计费期 {period_starts_on} 至 {period_ends_on} 中的 {starts_on} 至 {ends_on}</translation>
    </message>
    <message>
        <source>the term ends on {ends_on}, before it starts on {starts_on}: no schedule</source>
        <translation>租期止于 {ends_on}，早于起始日 {starts_on}：无法生成租金计划</translation>
    </message>
    <message>
        <source>the rent-free period {starts_on} to {ends_on} lies outside the term</source>
        <translation>免租期 {starts_on} 至 {ends_on} 超出租期</translation>
    </message>
    <message>
        <source>the CPI of {year} is not known yet: from {from} the floor is billed, and a correction follows once the index is entered</source>
        <translation>{year} 年 CPI 尚未公布：自 {from} 起按下限计费，录入指数后生成补差行</translation>
    </message>
    <message>
        <source>the CPI adjustment day (month {month}, day {day}) does not exist</source>
        <translation>CPI 调整日（{month} 月 {day} 日）不存在</translation>
    </message>
    <message>
        <source>sales of {month} are not reported yet: the base rent is billed</source>
        <translation>{month} 销售额尚未上报：按保底租金计费</translation>
    </message>
    <message>
        <source>sales of {count} months between {first} and {last} are not reported yet: the base rent is billed</source>
        <translation>{first} 至 {last} 期间有 {count} 个月的销售额尚未上报：按保底租金计费</translation>
    </message>
    <message>
        <source>the due rule ({days}) is not a day that exists: billed on the period&apos;s first day instead</source>
        <translation>付款规则（{days}）不是有效日期：改为计费期首日付款</translation>
    </message>
    <message>
        <source>the versions are numbered {numbers}, not 1, 2, 3 …</source>
        <translation>版本编号为 {numbers}，而非 1、2、3 …</translation>
    </message>
    <message>
        <source>version {version} takes effect on {effective_on}, not after the version before it ({previous})</source>
        <translation>第 {version} 版生效日 {effective_on} 不晚于上一版（{previous}）</translation>
    </message>
    <message>
        <source>no version bills {starts_on} to {ends_on}</source>
        <translation>{starts_on} 至 {ends_on} 无任何版本计费</translation>
    </message>
    <message>
        <source>version {version} takes effect on {effective_on}, after its term ends on {ends_on}</source>
        <translation>第 {version} 版生效日 {effective_on} 晚于其租期到期日 {ends_on}</translation>
    </message>
    <message>
        <source>choose a tenant or type a new one&apos;s name</source>
        <translation>请选择租户或填写新租户名称</translation>
    </message>
    <message>
        <source>the term must start on {expected} (delivery, or rent start without fit-out), not {starts_on}</source>
        <translation>租期应始于 {expected}（交付日，无装修期时为起租日），而非 {starts_on}</translation>
    </message>
    <message>
        <source>the term starts on {starts_on}, before signing on {signed_on}</source>
        <translation>租期始于 {starts_on}，早于签约日 {signed_on}</translation>
    </message>
    <message>
        <source>ends on {ends_on}, before it starts on {starts_on}</source>
        <translation>止于 {ends_on}，早于起始日 {starts_on}</translation>
    </message>
    <message>
        <source>rent starts on {rent_starts_on}, before delivery on {delivered_on}</source>
        <translation>起租日 {rent_starts_on} 早于交付日 {delivered_on}</translation>
    </message>
    <message>
        <source>rent starts on {rent_starts_on}, after the end on {ends_on}</source>
        <translation>起租日 {rent_starts_on} 晚于到期日 {ends_on}</translation>
    </message>
    <message>
        <source>{starts_on} to {ends_on} lies outside the term {term_starts_on} to {term_ends_on}</source>
        <translation>{starts_on} 至 {ends_on} 超出租期 {term_starts_on} 至 {term_ends_on}</translation>
    </message>
    <message>
        <source>add at least one unit</source>
        <translation>请至少添加一个单元</translation>
    </message>
    <message>
        <source>{unit} is listed twice</source>
        <translation>{unit} 重复列出</translation>
    </message>
    <message>
        <source>{unit} is leased by {contract} from {starts_on} to {last_day}</source>
        <translation>{unit} 已由合同 {contract} 租用（{starts_on} 至 {last_day}）</translation>
    </message>
    <message>
        <source>{unit} is not a unit of this park</source>
        <translation>{unit} 不是本园区的单元</translation>
    </message>
    <message>
        <source>{unit} has been removed from the plan</source>
        <translation>{unit} 已从平面图中移除</translation>
    </message>
    <message>
        <source>{unit} is common area ({use}): it cannot be let</source>
        <translation>{unit} 为公共区域（{use}），不可出租</translation>
    </message>
    <message>
        <source>{unit} cannot be let now: {status}</source>
        <translation>{unit} 目前不可出租：{status}</translation>
    </message>
    <message>
        <source>the billable area must be above zero, not {signed} m²</source>
        <translation>计租面积须大于零，而非 {signed} m²</translation>
    </message>
    <message>
        <source>{signed} m² signed, but {unit} measures {unit_area} m² billable ({difference} m²)</source>
        <translation>签约 {signed} m²，但 {unit} 计租面积为 {unit_area} m²（相差 {difference} m²）</translation>
    </message>
    <message>
        <source>the rent is on {area} m² but the units add up to {units} m²</source>
        <translation>租金按 {area} m² 计，但各单元合计 {units} m²</translation>
    </message>
    <message>
        <source>{amount} is below zero</source>
        <translation>{amount} 小于零</translation>
    </message>
    <message>
        <source>{value} must be above zero</source>
        <translation>{value} 须大于零</translation>
    </message>
    <message>
        <source>{days} is not a valid day for this due rule</source>
        <translation>{days} 不是此付款规则的有效日期</translation>
    </message>
    <message>
        <source>the bands&apos; upper bounds ({bounds}) must rise, only the last one open</source>
        <translation>各档面积上限（{bounds}）须递增，仅最后一档不设上限</translation>
    </message>
    <message>
        <source>the last band ends at {last} m²: leave its bound empty so every m² is billed</source>
        <translation>最后一档止于 {last} m²：请留空其上限，使全部面积计租</translation>
    </message>
    <message>
        <source>the cap {cap}% is below the floor {floor}%</source>
        <translation>上限 {cap}% 低于下限 {floor}%</translation>
    </message>
    <message>
        <source>month {month}, day {day} is not a day every year has</source>
        <translation>{month} 月 {day} 日并非每年都有</translation>
    </message>
    <message>
        <source>two steps start on the same day</source>
        <translation>两个阶梯始于同一天</translation>
    </message>
    <message>
        <source>the maximum {maximum} is below the minimum {minimum}</source>
        <translation>上限 {maximum} 低于下限 {minimum}</translation>
    </message>
    <message>
        <source>{month}: sales not reported yet, base rent only for that month</source>
        <translation>{month}：销售额尚未上报，该月仅计保底租金</translation>
    </message>
    <message>
        <source>{unit} is added on {held_from}, outside the term</source>
        <translation>{unit} 于 {held_from} 加入，不在租期之内</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>give the contract a code</source>
        <translation>请填写合同编号</translation>
    </message>
    <message>
        <source>contract code {code} is already used</source>
        <translation>合同编号 {code} 已被使用</translation>
    </message>
    <message>
        <source>a renewal starts on {expected}, the day after the contract ends</source>
        <translation>续签合同应始于 {expected}，即原合同到期次日</translation>
    </message>
    <message>
        <source>{terminated_on} is after the end on {ends_on}: the contract ends by itself</source>
        <translation>{terminated_on} 晚于到期日 {ends_on}：合同到期自动终止</translation>
    </message>
    <message>
        <source>the term started on {starts_on}: terminate it on or after that day, not {terminated_on}</source>
        <translation>租期已于 {starts_on} 开始：请在该日或之后终止，而非 {terminated_on}</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>起租日</translation>
    </message>
    <message>
        <source>Term starts on</source>
        <translation>租期起始日</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>终止日</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>租金计划</translation>
    </message>
    <message>
        <source>Billable area</source>
        <translation>计租面积</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>租金单价</translation>
    </message>
    <message>
        <source>Priced</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>付款周期</translation>
    </message>
    <message>
        <source>Calendar periods</source>
        <translation>按自然周期</translation>
    </message>
    <message>
        <source>30-day months</source>
        <translation>按 30 天折算</translation>
    </message>
    <message>
        <source>Rent-free periods</source>
        <translation>免租期</translation>
    </message>
    <message>
        <source>Overlapping rent-free</source>
        <translation>免租期重叠</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>递增条款</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>提成租金</translation>
    </message>
    <message>
        <source>Tiered pricing</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>面积系数</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>付款日</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <source>Unit {key}</source>
        <translation>单元 {key}</translation>
    </message>
    <message>
        <source>Billable area of {key}</source>
        <translation>{key} 的计租面积</translation>
    </message>
    <message>
        <source>Rent-free period {key}</source>
        <translation>免租期 {key}</translation>
    </message>
    <message>
        <source>Charge {key}</source>
        <translation>费用 {key}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>已签约，未起租</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>已续签</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>per m² a month</source>
        <translation>每 m² 每月</translation>
    </message>
    <message>
        <source>per m² a day</source>
        <translation>每 m² 每日</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月付</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>季付</translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation>半年付</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>年付</translation>
    </message>
    <message>
        <source>fit-out</source>
        <translation>装修期</translation>
    </message>
    <message>
        <source>after opening</source>
        <translation>开业后</translation>
    </message>
    <message>
        <source>any dates</source>
        <translation>其他日期</translation>
    </message>
    <message>
        <source>Stack: the later starts where the earlier ends</source>
        <translation>累加：后一段从前一段结束处开始</translation>
    </message>
    <message>
        <source>Longer wins: only the longest applies</source>
        <translation>取长：仅最长的一段有效</translation>
    </message>
    <message>
        <source>Fixed % a year</source>
        <translation>每年固定百分比</translation>
    </message>
    <message>
        <source>Fixed amount a year</source>
        <translation>每年固定金额</translation>
    </message>
    <message>
        <source>Stepped table</source>
        <translation>阶梯价表</translation>
    </message>
    <message>
        <source>CPI, by yearly change</source>
        <translation>CPI，按年度变动</translation>
    </message>
    <message>
        <source>CPI, by index ratio</source>
        <translation>CPI，按指数比值</translation>
    </message>
    <message>
        <source>Property fee</source>
        <translation>物业费</translation>
    </message>
    <message>
        <source>Service charge</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车费</translation>
    </message>
    <message>
        <source>Other charge</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>days before the period</source>
        <translation>天（计费期开始前）</translation>
    </message>
    <message>
        <source>day of the month before</source>
        <translation>日（上月）</translation>
    </message>
    <message>
        <source>Leasing</source>
        <translation>招商</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Units handed over</source>
        <translation>单元交付</translation>
    </message>
    <message>
        <source>Rent starts</source>
        <translation>起租</translation>
    </message>
    <message>
        <source>First payment</source>
        <translation>首次付款</translation>
    </message>
    <message>
        <source>Quarterly review {n}</source>
        <translation>第 {n} 次季度回访</translation>
    </message>
    <message>
        <source>{n} days before the end</source>
        <translation>到期前 {n} 天</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>ContractWizard</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>计租面积 m²</translation>
    </message>
    <message>
        <source>Asking rent</source>
        <translation>挂牌租金</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Price per m²</source>
        <translation>单价（每 m²）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Band up to m² (0: the rest)</source>
        <translation>面积档上限 m²（0：其余）</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Name on the bill</source>
        <translation>账单名称</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Per m²</source>
        <translation>按 m²</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Edit draft contract</source>
        <translation>编辑合同草稿</translation>
    </message>
    <message>
        <source>Contract and tenant</source>
        <translation>合同与租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Rent-free periods</source>
        <translation>免租期</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>递增条款</translation>
    </message>
    <message>
        <source>Tiered pricing by area band</source>
        <translation>按面积分档计价</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>提成租金</translation>
    </message>
    <message>
        <source>Charges billed with the rent</source>
        <translation>随租金收取的费用</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>New tenant&apos;s name</source>
        <translation>新租户名称</translation>
    </message>
    <message>
        <source>Contact, phone</source>
        <translation>联系人、电话</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>起租日</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>租期</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>租金单价</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>付款周期</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>计费期</translation>
    </message>
    <message>
        <source>Partial months</source>
        <translation>不足月</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>面积系数</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>付款日</translation>
    </message>
    <message>
        <source>Overlapping periods</source>
        <translation>免租期重叠</translation>
    </message>
    <message>
        <source>Increase a year</source>
        <translation>每年递增</translation>
    </message>
    <message>
        <source>Added per m² a year</source>
        <translation>每年每 m² 增加</translation>
    </message>
    <message>
        <source>Rate of sales</source>
        <translation>提成比例</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation>保底点</translation>
    </message>
    <message>
        <source>Minimum a month</source>
        <translation>每月下限</translation>
    </message>
    <message>
        <source>Maximum a month</source>
        <translation>每月上限</translation>
    </message>
    <message>
        <source>Per day overdue</source>
        <translation>逾期每日</translation>
    </message>
    <message>
        <source>Days of grace</source>
        <translation>宽限天数</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Once late</source>
        <translation>逾期后</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>新租户…</translation>
    </message>
    <message>
        <source>Company name as on the contract</source>
        <translation>合同上的公司全称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add the units selected on the plan</source>
        <translation>添加平面图上选中的单元</translation>
    </message>
    <message>
        <source>Unit code, e.g. ZD-A-0301</source>
        <translation>单元编号，如 ZD-A-0301</translation>
    </message>
    <message>
        <source>Add by code</source>
        <translation>按编号添加</translation>
    </message>
    <message>
        <source>Handed over before rent starts (fit-out)</source>
        <translation>起租前先交付（装修期）</translation>
    </message>
    <message>
        <source>Follow the calendar (first and last prorated)</source>
        <translation>按自然月/季计费（首尾折算）</translation>
    </message>
    <message>
        <source>Prorate over 30 days</source>
        <translation>按 30 天折算</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Adjusted each year on month, day</source>
        <translation>每年调整于（月、日）</translation>
    </message>
    <message>
        <source>Artificial (else natural: base ÷ rate)</source>
        <translation>约定保底点（否则为自然保底点：保底租金 ÷ 比例）</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>不高于</translation>
    </message>
    <message>
        <source>Never more than the overdue amount</source>
        <translation>不超过逾期金额</translation>
    </message>
    <message>
        <source>Count from the due date, not after the grace</source>
        <translation>从到期日起算，而非宽限期满后</translation>
    </message>
    <message>
        <source>Rent schedule</source>
        <translation>租金计划</translation>
    </message>
    <message>
        <source>To fix before saving</source>
        <translation>保存前需修正</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Select units on the plan first (Ctrl+click adds).</source>
        <translation>请先在平面图上选择单元（Ctrl+单击可多选）。</translation>
    </message>
    <message>
        <source>The units selected are listed already.</source>
        <translation>所选单元已在列表中。</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>No unit %1 in this park.</source>
        <translation>本园区没有单元 %1。</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <source>Total %1 m²</source>
        <translation>合计 %1 m²</translation>
    </message>
    <message>
        <source>Total rent &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>租金合计 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>everything &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>全部费用 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Net effective rent &lt;b&gt;%1&lt;/b&gt; per m² a month over %2 m²</source>
        <translation>有效租金 &lt;b&gt;%1&lt;/b&gt;/m²/月，按 %2 m² 计</translation>
    </message>
    <message>
        <source>discounted at %1%: %2</source>
        <translation>按 %1% 折现：%2</translation>
    </message>
    <message>
        <source>%1 bill lines</source>
        <translation>共 %1 行账单</translation>
    </message>
    <message>
        <source>Not saved: fix the %1 marked fields first.</source>
        <translation>未保存：请先修正 %1 个标记的字段。</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签约…</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>ContractWizardFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Not saved: the marked fields were refused.</source>
        <translation>未保存：标记的字段被拒绝。</translation>
    </message>
    <message>
        <source>Contract %1 signed</source>
        <translation>合同 %1 已签约</translation>
    </message>
    <message>
        <source>Draft contract %1 saved</source>
        <translation>合同草稿 %1 已保存</translation>
    </message>
    <message>
        <source>Contract not saved</source>
        <translation>合同未保存</translation>
    </message>
    <message>
        <source>Contract not opened</source>
        <translation>合同未打开</translation>
    </message>
    <message>
        <source>%1 is signed: it changes by an amendment, not in the wizard.</source>
        <translation>%1 已签约：须通过补充协议变更，不能在向导中修改。</translation>
    </message>
</context>
<context>
    <name>DepositMoveDialog</name>
    <message>
        <source>Type the amount as a number, such as 25,080.00.</source>
        <translation>请以数字输入金额，例如 25,080.00。</translation>
    </message>
    <message>
        <source>Working out what it writes…</source>
        <translation>正在计算将写入的内容…</translation>
    </message>
    <message>
        <source>Nothing is written until you press Save.</source>
        <translation>点击“保存”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Refunded %1 of %2&apos;s deposit on %3.</source>
        <translation>已于 %3 退还 %2 的押金 %1。</translation>
    </message>
    <message>
        <source>Refunding %1 of %2&apos;s deposit on %3:</source>
        <translation>于 %3 退还 %2 的押金 %1：</translation>
    </message>
    <message>
        <source>Received %1 into %2&apos;s deposit on %3.</source>
        <translation>已于 %3 收取 %2 的押金 %1。</translation>
    </message>
    <message>
        <source>Receiving %1 into %2&apos;s deposit on %3:</source>
        <translation>于 %3 收取 %2 的押金 %1：</translation>
    </message>
    <message>
        <source>None: not out of a payment entered here</source>
        <translation>无：不从已录入的收款中划转</translation>
    </message>
    <message>
        <source>Reading the tenant&apos;s payments that hold money…</source>
        <translation>正在读取该租户尚有未核销金额的收款…</translation>
    </message>
    <message>
        <source>No payment of the tenant&apos;s holds money not allocated.</source>
        <translation>该租户没有尚有未核销金额的收款。</translation>
    </message>
    <message>
        <source>%1 of the tenant&apos;s payments hold money not allocated; the deposit taken out of one no longer waits in the payments queue.</source>
        <translation>该租户有 %1 笔收款尚有未核销金额；从中划作押金的部分不再留在“待匹配收款”中。</translation>
    </message>
    <message>
        <source>Refund the deposit of %1</source>
        <translation>退还 %1 的押金</translation>
    </message>
    <message>
        <source>Part or all of what the deposit holds (%1 of %2 agreed), paid back to the tenant. Once the contract has ended, Settle… applies it to what is still owed first.</source>
        <translation>将押金余额（合同约定 %2，现有 %1）部分或全部退还租户。合同结束后，“结算…”会先以押金抵扣欠款。</translation>
    </message>
    <message>
        <source>Receive the deposit of %1</source>
        <translation>收取 %1 的押金</translation>
    </message>
    <message>
        <source>The deposit received, in whole or in part: it holds %1 of %2 agreed.</source>
        <translation>登记收到的押金（全部或部分）：合同约定 %2，现有 %1。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Came in with</source>
        <translation>来自收款</translation>
    </message>
    <message>
        <source>e.g. 25,080.00</source>
        <translation>例如 25,080.00</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DepositPanel</name>
    <message>
        <source>Deposit: %1</source>
        <translation>押金：%1</translation>
    </message>
    <message>
        <source>The deposit holds nothing to refund.</source>
        <translation>押金余额为零，无可退还。</translation>
    </message>
    <message>
        <source>Pay back part or all of what the deposit holds; says held before → after first.</source>
        <translation>将押金余额部分或全部退还租户；写入前先显示押金余额的变化（前 → 后）。</translation>
    </message>
    <message>
        <source>Record the deposit received, in whole or in part, and the payment it came in; says what it writes first.</source>
        <translation>登记收到的押金（全部或部分）及其来自的收款；写入前先说明将写入的内容。</translation>
    </message>
    <message>
        <source>A reversal is not reversed: enter the movement again.</source>
        <translation>冲销记录不能再冲销：请重新录入该笔流水。</translation>
    </message>
    <message>
        <source>This movement is reversed already.</source>
        <translation>该笔流水已冲销。</translation>
    </message>
    <message>
        <source>Undo the selected movement with a reversing one; what it did to a payment or a bill is undone with it.</source>
        <translation>以一笔冲销流水撤销所选流水；它对付款或账单的影响一并撤销。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>流水</translation>
    </message>
    <message>
        <source>Held ±</source>
        <translation>押金增减</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No deposit movement yet.</source>
        <translation>尚无押金流水。</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>收取…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
</context>
<context>
    <name>DepositText</name>
    <message>
        <source>Deposit {amount} carried to {new}</source>
        <translation>押金 {amount} 转入 {new}</translation>
    </message>
    <message>
        <source>top-up {amount} due</source>
        <translation>需补缴 {amount}</translation>
    </message>
    <message>
        <source>{amount} stays on {old} for its settlement</source>
        <translation>{amount} 留在 {old}，待其结算时处理</translation>
    </message>
    <message>
        <source>{old} holds no deposit to carry: {new}&apos;s deposit of {asked} is due in full</source>
        <translation>{old} 没有可转入的押金：{new} 的押金 {asked} 须全额缴纳</translation>
    </message>
    <message>
        <source>{new} asks no deposit</source>
        <translation>{new} 不收取押金</translation>
    </message>
    <message>
        <source>{new} is another tenant&apos;s: nothing of {old}&apos;s deposit is carried</source>
        <translation>{new} 属于其他租户：{old} 的押金不转入</translation>
    </message>
    <message>
        <source>{new}&apos;s deposit of {amount} is due in full</source>
        <translation>{new} 的押金 {amount} 须全额缴纳</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收取</translation>
    </message>
    <message>
        <source>Applied to a bill</source>
        <translation>抵扣账单</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退还</translation>
    </message>
    <message>
        <source>Carried to the renewal</source>
        <translation>转入续租合同</translation>
    </message>
    <message>
        <source>Carried from the contract renewed</source>
        <translation>由原合同转入</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>{amount} received</source>
        <translation>已收 {amount}</translation>
    </message>
    <message>
        <source>{amount} carried from {other}</source>
        <translation>由 {other} 转入 {amount}</translation>
    </message>
    <message>
        <source>{amount} applied to bills</source>
        <translation>抵扣账单 {amount}</translation>
    </message>
    <message>
        <source>{amount} refunded</source>
        <translation>已退 {amount}</translation>
    </message>
    <message>
        <source>{amount} carried to {other}</source>
        <translation>转入 {other} {amount}</translation>
    </message>
    <message>
        <source>held {held} of {agreed} agreed</source>
        <translation>合同约定 {agreed}，现有 {held}</translation>
    </message>
    <message>
        <source>reverses a movement not listed</source>
        <translation>冲销一笔未列出的流水</translation>
    </message>
    <message>
        <source>reverses: {kind} of {on}</source>
        <translation>冲销：{on} 的{kind}</translation>
    </message>
    <message>
        <source>to {other}</source>
        <translation>转入 {other}</translation>
    </message>
    <message>
        <source>from {other}</source>
        <translation>由 {other} 转入</translation>
    </message>
    <message>
        <source>bill {bill}</source>
        <translation>账单 {bill}</translation>
    </message>
    <message>
        <source>out of {payer}&apos;s payment</source>
        <translation>来自 {payer} 的付款</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>{amount} reversed</source>
        <translation>已冲销 {amount}</translation>
    </message>
    <message>
        <source>The deposit of {amount} received on {on} is reversed: {contract} holds {after} (now {holds})</source>
        <translation>冲销 {on} 收取的押金 {amount}：{contract} 的押金余额将为 {after}（现为 {holds}）</translation>
    </message>
    <message>
        <source>{amount} of {contract}&apos;s deposit applied on {on} is reversed: it holds {after} (now {holds})</source>
        <translation>冲销 {on} 以 {contract} 押金抵扣的 {amount}：押金余额将为 {after}（现为 {holds}）</translation>
    </message>
    <message>
        <source>The refund of {amount} on {on} is reversed: {contract}&apos;s deposit holds {after} (now {holds})</source>
        <translation>冲销 {on} 退还的 {amount}：{contract} 的押金余额将为 {after}（现为 {holds}）</translation>
    </message>
    <message>
        <source>The carry of {amount} from {old} to {new} on {on} is reversed on both contracts: {old} holds {old_after} (now {old_holds}), {new} holds {new_after} (now {new_holds})</source>
        <translation>{on} 由 {old} 转入 {new} 的 {amount} 在两份合同上一并冲销：{old} 的押金余额将为 {old_after}（现为 {old_holds}），{new} 将为 {new_after}（现为 {new_holds}）</translation>
    </message>
    <message>
        <source>{payer}&apos;s payment of {paid} on {paid_on} gets {amount} back, to allocate again</source>
        <translation>{payer} 于 {paid_on} 的付款 {paid} 退回 {amount}，可重新核销</translation>
    </message>
    <message>
        <source>Bill {bill} is open again for {amount}</source>
        <translation>账单 {bill} 重新变为未结清，金额 {amount}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>{on} · {amount} · {payer} · holds {holds}</source>
        <translation>{on} · {amount} · {payer} · 未核销 {holds}</translation>
    </message>
    <message>
        <source>held {holds} → {after} ({agreed} agreed)</source>
        <translation>押金余额 {holds} → {after}（合同约定 {agreed}）</translation>
    </message>
    <message>
        <source>{amount} paid back to the tenant</source>
        <translation>退还租户 {amount}</translation>
    </message>
    <message>
        <source>not out of a payment entered here: no payment&apos;s money changes</source>
        <translation>不从已录入的收款中划转：各笔收款金额不变</translation>
    </message>
    <message>
        <source>from {payer}&apos;s payment of {paid} on {paid_on}, which then holds {left} for the payments queue</source>
        <translation>来自 {payer} 于 {paid_on} 的收款 {paid}，划转后该笔收款尚余 {left} 留待匹配</translation>
    </message>
</context>
<context>
    <name>DepositsCli</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>not an amount: {text}</source>
        <translation>不是金额：{text}</translation>
    </message>
    <message>
        <source>not a payment id: {text}</source>
        <translation>不是收款编号：{text}</translation>
    </message>
    <message>
        <source>{contract}: deposit {held}</source>
        <translation>{contract}：押金 {held}</translation>
    </message>
    <message>
        <source>no deposit movement yet</source>
        <translation>尚无押金流水</translation>
    </message>
    <message>
        <source>not a deposit movement id: {text} (see: leasemap deposits CONTRACT)</source>
        <translation>不是押金流水编号：{text}（见：leasemap deposits 合同）</translation>
    </message>
    <message>
        <source>Reversing it on {on}:</source>
        <translation>于 {on} 冲销：</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Written, the reversing movements: {ids}</source>
        <translation>已写入冲销流水：{ids}</translation>
    </message>
    <message>
        <source>Refunding {amount} of {contract}&apos;s deposit on {on}:</source>
        <translation>于 {on} 退还 {contract} 的押金 {amount}：</translation>
    </message>
    <message>
        <source>Receiving {amount} into {contract}&apos;s deposit on {on}:</source>
        <translation>于 {on} 收取 {contract} 的押金 {amount}：</translation>
    </message>
    <message>
        <source>Written, the movement: {id}</source>
        <translation>已写入押金流水：{id}</translation>
    </message>
    <message>
        <source>Settling {contract} on {on}:</source>
        <translation>于 {on} 结算 {contract}：</translation>
    </message>
    <message>
        <source>Settled {contract} on {on}:</source>
        <translation>已于 {on} 结算 {contract}：</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>已过账。</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>1 day late</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>%1 天后到期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>When</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责方</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 shown, %2 late</source>
        <translation>显示 %1 项，逾期 %2 项</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>全部负责方</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>只看逾期</translation>
    </message>
</context>
<context>
    <name>EditFlow</name>
    <message>
        <source>The unit cannot be split</source>
        <translation>无法拆分该单元</translation>
    </message>
    <message>
        <source>The units cannot be merged</source>
        <translation>无法合并这些单元</translation>
    </message>
    <message>
        <source>The unit cannot take that shape</source>
        <translation>该单元不能改为此形状</translation>
    </message>
    <message>
        <source>The unit cannot be drawn</source>
        <translation>无法绘制该单元</translation>
    </message>
    <message>
        <source>The use cannot be changed</source>
        <translation>无法更改用途</translation>
    </message>
    <message>
        <source>The edit cannot be undone</source>
        <translation>无法撤销该编辑</translation>
    </message>
    <message>
        <source>The edit cannot be redone</source>
        <translation>无法重做该编辑</translation>
    </message>
    <message>
        <source>Open a floor&apos;s plan to check it.</source>
        <translation>打开某一楼层的平面图即可检查。</translation>
    </message>
    <message>
        <source>The edit cannot be made</source>
        <translation>无法进行该编辑</translation>
    </message>
</context>
<context>
    <name>EditToolBar</name>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Select units; Ctrl+click adds a unit or takes it out</source>
        <translation>选择单元；按住 Ctrl 单击可加选或取消选择</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Split a unit: click the points of a line across it (it snaps to corners, edges and walls; Shift keeps a segment level or plumb); double-click or Enter splits, Backspace takes back a point, Esc cancels</source>
        <translation>拆分单元：沿穿过单元的分割线逐点单击（自动吸附到角点、边线和墙线；按住 Shift 保持水平或垂直）；双击或按 Enter 完成拆分，Backspace 撤回上一点，Esc 取消</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge the selected neighbouring units (M); with fewer than two selected, click the units to merge, then press Enter</source>
        <translation>合并所选的相邻单元（M）；所选不足两个时，逐个单击要合并的单元，然后按 Enter</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>顶点</translation>
    </message>
    <message>
        <source>Drag a corner of the selected unit to move it; double-click an edge to add a corner; click a corner and press Delete to remove it</source>
        <translation>拖动所选单元的角点以移动；双击边线以添加角点；单击角点后按 Delete 删除</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw a new unit: click its corners; double-click or Enter closes it</source>
        <translation>绘制新单元：逐个单击其角点；双击或按 Enter 闭合</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>Keep each segment level or plumb (or hold Shift while clicking)</source>
        <translation>每段保持水平或垂直（或单击时按住 Shift）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Change the selected units&apos; use</source>
        <translation>更改所选单元的用途</translation>
    </message>
    <message>
        <source>Plan editing</source>
        <translation>平面编辑</translation>
    </message>
</context>
<context>
    <name>EditTools</name>
    <message>
        <source>Merge selected units</source>
        <translation>合并所选单元</translation>
    </message>
    <message>
        <source>Split this unit</source>
        <translation>拆分此单元</translation>
    </message>
    <message>
        <source>Edit vertices</source>
        <translation>编辑顶点</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
</context>
<context>
    <name>FinanceSettingsFlow</name>
    <message>
        <source>Reading the park&apos;s tax rates…</source>
        <translation>正在读取园区税率…</translation>
    </message>
    <message>
        <source>Tax rates saved.</source>
        <translation>税率已保存。</translation>
    </message>
    <message>
        <source>%1 saved in the calendar.</source>
        <translation>%1 已存入日历。</translation>
    </message>
    <message>
        <source>%1 removed from the calendar.</source>
        <translation>%1 已从日历中删除。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Calendar imported from %1: %2 days added, %3 changed.</source>
        <translation>已从 %1 导入日历：新增 %2 天，修改 %3 天。</translation>
    </message>
</context>
<context>
    <name>FindSpaceDialog</name>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Total m²</source>
        <translation>合计 m²</translation>
    </message>
    <message>
        <source>Asking rent per month</source>
        <translation>报价月租金</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>吻合度</translation>
    </message>
    <message>
        <source>Find space</source>
        <translation>查找连片空间</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Vacant on</source>
        <translation>空置日期</translation>
    </message>
    <message>
        <source>Whole park</source>
        <translation>整个园区</translation>
    </message>
    <message>
        <source>Only levels</source>
        <translation>仅限楼层</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Vacant units next to each other on one floor, up to six, that together make about the area.</source>
        <translation>同一楼层相邻的空置单元（最多六个），合计约为所需面积。</translation>
    </message>
    <message>
        <source>No neighbouring vacant units on one floor make about this area on that day.</source>
        <translation>该日没有同层相邻的空置单元合计约为此面积。</translation>
    </message>
    <message>
        <source>1 candidate: choose it to see it on the plan.</source>
        <translation>1 个方案：选中后可在平面图上查看。</translation>
    </message>
    <message>
        <source>%1 candidates, best fit first: choose one to see it on the plan.</source>
        <translation>%1 个方案，面积最接近的在前：选中一个可在平面图上查看。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
</context>
<context>
    <name>HolidayImportDialog</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Import a holiday calendar: %1</source>
        <translation>导入节假日日历：%1</translation>
    </message>
    <message>
        <source>%1 days to add, %2 to change, %3 there already, %4 refused. Nothing is written until you record them.</source>
        <translation>将新增 %1 天，修改 %2 天，已有 %3 天，拒绝 %4 行。确认记录前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Record %1 days</source>
        <translation>记录 %1 天</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <source>Holiday (day off)</source>
        <translation>节假日（休）</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班日（班）</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: add %2, %3 %4</source>
        <translation>%1：新增 %2，%3 %4</translation>
    </message>
    <message>
        <source>%1: change %2 to %3 %4</source>
        <translation>%1：将 %2 改为 %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 is there already</source>
        <translation>%1：%2 已在日历中</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1：已拒绝：%2</translation>
    </message>
</context>
<context>
    <name>HolidaysCli</name>
    <message>
        <source>{file}: {lines} days ({years})</source>
        <translation>{file}：{lines} 天（{years} 年）</translation>
    </message>
    <message>
        <source>{added} days added, {changed} changed, {same} already there, {refused} refused</source>
        <translation>新增 {added} 天，修改 {changed} 天，已有 {same} 天，拒绝 {refused} 行</translation>
    </message>
    <message>
        <source>{added} days to add, {changed} to change, {same} already there, {refused} refused</source>
        <translation>将新增 {added} 天，修改 {changed} 天，已有 {same} 天，拒绝 {refused} 行</translation>
    </message>
    <message>
        <source>The first {shown} of {count} refused lines:</source>
        <translation>被拒绝的 {count} 行中的前 {shown} 行：</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 行</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Import a holiday calendar</source>
        <translation>导入节假日日历</translation>
    </message>
    <message>
        <source>Calendars (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>日历文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 holidays, %2 make-up working days</source>
        <translation>节假日 %1 天，调休上班 %2 天</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>The park&apos;s public holidays and the weekend days worked in their place (调休). Collections counts working days with them: a call within a working day, a legal review within five.</source>
        <translation>园区的法定节假日，以及调休上班的周末。催收按此计算工作日：1 个工作日内电话催收，5 个工作日内法务审查。</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (国庆节, 春节 …)</source>
        <translation>名称（国庆节、春节…）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import floor plan</source>
        <translation>导入平面图</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot read the drawing</source>
        <translation>无法读取图纸</translation>
    </message>
    <message>
        <source>Warning: %1. Importing needs your confirmation.</source>
        <translation>警告：%1。导入需要您确认。</translation>
    </message>
    <message>
        <source>  %1: leasable %2 → %3 m², billable %4 → %5 m²</source>
        <translation>  %1：可租面积 %2 → %3 m²，计租面积 %4 → %5 m²</translation>
    </message>
    <message>
        <source>  %1 becomes %2: its code was made of the drawing&apos;s internal handle</source>
        <translation>  %1 改为 %2：原编号取自图纸内部句柄</translation>
    </message>
    <message>
        <source>  Needs attention: %1 is under contract %2, which names the old code</source>
        <translation>  需要核对：%1 有合同 %2，合同上写的是旧编号</translation>
    </message>
    <message>
        <source>  %1 matched by overlap: the drawing labels the room %2, not %3; %4 → %5 m²</source>
        <translation>  %1 按位置重叠匹配：图纸将该房间标为 %2，而非 %3；%4 → %5 m²</translation>
    </message>
    <message>
        <source>  Needs attention: %1 is under contract %2 and was matched to room %3 only by where it lies; check it is the same unit</source>
        <translation>  需要注意：%1 有合同 %2，仅凭位置与房间 %3 匹配；请确认是同一单元</translation>
    </message>
    <message>
        <source>  Contract %1 needs an amendment: %2 was signed on %3 m², now %4 m²</source>
        <translation>  合同 %1 需要变更：%2 签约面积 %3 m²，现为 %4 m²</translation>
    </message>
    <message>
        <source>The drawing cannot be imported: on floor %1 units would overlap, and no two units on a floor may share floor area.</source>
        <translation>无法导入该图纸：楼层 %1 上会有单元相互重叠，同一楼层的任意两个单元不得共用面积。</translation>
    </message>
    <message>
        <source>  %1 and %2 share %3 m²</source>
        <translation>  %1 与 %2 重叠 %3 m²</translation>
    </message>
    <message>
        <source>Correct the drawing and read it again.</source>
        <translation>请修改图纸后重新读取。</translation>
    </message>
    <message>
        <source>room %1 (%2)</source>
        <translation>房间 %1（%2）</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <source>  Room %1 overlaps %2 by %3 m²; %2 is kept for contract %4: end or amend the contract, or correct the drawing</source>
        <translation>  房间 %1 与 %2 重叠 %3 m²；%2 因合同 %4 而保留：请终止或变更该合同，或修改图纸</translation>
    </message>
    <message>
        <source>%1 (a draft)</source>
        <translation>%1（草稿）</translation>
    </message>
    <message>
        <source>%1, ended %2</source>
        <translation>%1，已于 %2 结束</translation>
    </message>
    <message>
        <source>  Room %1 overlaps %2 by %3 m²; %2 is kept only because contract %4 points at it: archive the unit first (an import cannot overwrite a unit with history), or correct the drawing</source>
        <translation>  房间 %1 与 %2 重叠 %3 m²；%2 仅因合同 %4 指向它而保留：请先将该单元归档（导入不能覆盖有历史记录的单元），或修改图纸</translation>
    </message>
    <message>
        <source>This drawing may not belong on this floor:
%1

Import it anyway?</source>
        <translation>这张图纸可能不属于该楼层：
%1

仍要导入吗？</translation>
    </message>
    <message>
        <source>Importing %1 into %2…</source>
        <translation>正在将 %1 导入 %2…</translation>
    </message>
    <message>
        <source>Floor plan not imported</source>
        <translation>平面图未导入</translation>
    </message>
    <message>
        <source>%1; nothing was written.</source>
        <translation>%1；未写入任何内容。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1
Nothing was written.</source>
        <translation>%1
未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported into %1: %2 added, %3 changed, %4 removed.</source>
        <translation>已导入 %1：新增 %2，变更 %3，移除 %4。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Rooms (closed outlines)</source>
        <translation>房间（闭合轮廓）</translation>
    </message>
    <message>
        <source>Walls</source>
        <translation>墙线</translation>
    </message>
    <message>
        <source>Room labels</source>
        <translation>房间标注</translation>
    </message>
    <message>
        <source>Gross-area outline</source>
        <translation>建筑面积线</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Reading the drawing…</source>
        <translation>正在读取图纸…</translation>
    </message>
    <message>
        <source>Reading cancelled; go back to choose again.</source>
        <translation>已取消读取；可返回重新选择。</translation>
    </message>
    <message>
        <source>%1 — %2 rooms</source>
        <translation>%1 — %2 个房间</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>%1 rooms on %2 floors; %3 warnings.</source>
        <translation>共 %2 层 %1 个房间；%3 条警告。</translation>
    </message>
    <message>
        <source>The drawing cannot be imported: %1</source>
        <translation>该图纸无法导入：%1</translation>
    </message>
    <message>
        <source>Changes to the register if you import now</source>
        <translation>现在导入将对台账做出的变更</translation>
    </message>
    <message>
        <source>  %1 (level %2): %3 added, %4 changed, %5 unchanged, %6 removed</source>
        <translation>  %1（第 %2 层）：新增 %3，变更 %4，未变 %5，移除 %6</translation>
    </message>
    <message>
        <source>    %1: %2 → %3 m²</source>
        <translation>    %1：%2 → %3 m²</translation>
    </message>
    <message>
        <source>    %1 is gone from the drawing but kept: a contract points at it</source>
        <translation>    %1 已不在图纸中，但有合同关联，予以保留</translation>
    </message>
    <message>
        <source>unknown: enter the level</source>
        <translation>未知：请输入楼层号</translation>
    </message>
    <message>
        <source>entered by you</source>
        <translation>由您输入</translation>
    </message>
    <message>
        <source>by elevation order (storey at %1 m)</source>
        <translation>按标高顺序（该层标高 %1 米）</translation>
    </message>
    <message>
        <source>from the storey name “%1”</source>
        <translation>来自楼层名称“%1”</translation>
    </message>
    <message>
        <source>from the drawing&apos;s title “%1”</source>
        <translation>来自图纸标题“%1”</translation>
    </message>
    <message>
        <source>from “%1” in the file name “%2”</source>
        <translation>来自文件名“%2”中的“%1”</translation>
    </message>
    <message>
        <source>from the file name “%1”</source>
        <translation>来自文件名“%1”</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Drawing units: %1</source>
        <translation>图纸单位：%1</translation>
    </message>
    <message>
        <source>Floor %1</source>
        <translation>楼层 %1</translation>
    </message>
    <message>
        <source>  → level %1 (%2)</source>
        <translation>  → 第 %1 层（%2）</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Choose a floor plan</source>
        <translation>选择平面图</translation>
    </message>
    <message>
        <source>Floor plans (*.dxf *.dwg *.ifc);;All files (*)</source>
        <translation>平面图 (*.dxf *.dwg *.ifc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A DXF, DWG or IFC floor plan, and the building it belongs to.</source>
        <translation>DXF、DWG 或 IFC 平面图，及其所属楼栋。</translation>
    </message>
    <message>
        <source>Enter the level of every floor: 1 is the ground floor, -1 the first basement.</source>
        <translation>请输入每一层的楼层号：1 为首层，-1 为地下一层。</translation>
    </message>
    <message>
        <source>Leasable</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Mark as leasable</source>
        <translation>设为可租</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>本层公共部位</translation>
    </message>
    <message>
        <source>Mark as the floor&apos;s common area</source>
        <translation>设为本层公共部位</translation>
    </message>
    <message>
        <source>Building common</source>
        <translation>全楼公共部位</translation>
    </message>
    <message>
        <source>Mark as the building&apos;s common area</source>
        <translation>设为全楼公共部位</translation>
    </message>
    <message>
        <source>%1 rooms to check: nothing in the drawing says whether they are common area.</source>
        <translation>%1 个房间待核对：图纸未说明是否为公共部位。</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>Two floors have the same level; give each floor its own.</source>
        <translation>有两层的楼层号相同；请为每一层指定各自的楼层号。</translation>
    </message>
    <message>
        <source>Check each floor&apos;s level and why; change any that is wrong.</source>
        <translation>请核对每一层的楼层号及其依据；如有错误请修改。</translation>
    </message>
    <message>
        <source>Set by you; the drawing said: %1</source>
        <translation>由您设定；图纸原为：%1</translation>
    </message>
    <message>
        <source>Import floor plan</source>
        <translation>导入平面图</translation>
    </message>
    <message>
        <source>Drawing and target</source>
        <translation>图纸与目标</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Building code</source>
        <translation>楼栋编号</translation>
    </message>
    <message>
        <source>Floor level</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>from the drawing&apos;s name, title or storeys; you confirm it next</source>
        <translation>取自图纸的文件名、标题或楼层；下一步由您确认</translation>
    </message>
    <message>
        <source>One unit per IfcZone (IFC), not per space</source>
        <translation>按 IfcZone 划分单元（IFC），而非按空间</translation>
    </message>
    <message>
        <source>Rooms found</source>
        <translation>识别到的房间</translation>
    </message>
    <message>
        <source>Green rooms are sure, amber ones are guesses. Correct layer roles on the right; the drawing is read again at once.</source>
        <translation>绿色房间为确定识别，橙色为推测。可在右侧修改图层用途，图纸会立即重新读取。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Double-click a room&apos;s use to change it; right-click selected rooms to change them all at once.</source>
        <translation>双击房间的用途可修改；右键单击选中的房间可一次全部修改。</translation>
    </message>
    <message>
        <source>Drawing units</source>
        <translation>图纸单位</translation>
    </message>
    <message>
        <source>Floors and levels</source>
        <translation>楼层对应</translation>
    </message>
    <message>
        <source>Which level of the building each floor of the drawing is, and why. Nothing is guessed: change any level that is wrong.</source>
        <translation>图纸中的每一层对应楼栋的第几层，以及依据。不做任何猜测：如有错误请修改。</translation>
    </message>
    <message>
        <source>Floor of the drawing</source>
        <translation>图纸中的楼层</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层号</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import; then all of it, at once.</source>
        <translation>点击“导入”之前不会写入任何内容；导入时一次性全部写入。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>InputsFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <source>Sales of %1 saved: %2.</source>
        <translation>%1 销售额已保存：%2。</translation>
    </message>
    <message>
        <source>Sales of %1 taken back: the month bills the base rent until they are reported.</source>
        <translation>%1 的销售额已撤回：上报前该月按保底租金计费。</translation>
    </message>
    <message>
        <source>Sales: %1 months added, %2 corrected, %3 rejected</source>
        <translation>销售额：新增 %1 个月，更正 %2 个月，拒绝 %3 行</translation>
    </message>
    <message>
        <source>Reading the park&apos;s CPI…</source>
        <translation>正在读取园区 CPI…</translation>
    </message>
    <message>
        <source>CPI %1 saved: %2.</source>
        <translation>%1 年 CPI 已保存：%2。</translation>
    </message>
    <message>
        <source>%1 has no sales reported for %2: nothing to take back.</source>
        <translation>%1 在 %2 没有已上报的销售额，无可撤回。</translation>
    </message>
    <message>
        <source>Import sales</source>
        <translation>导入销售额</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Recording…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费项</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Bill total</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>未开票</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>增值税税率</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Amount incl. tax</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>The park has no VAT rate for this charge.</source>
        <translation>本园区未设置该费项的增值税税率。</translation>
    </message>
    <message>
        <source>%1 incl. tax = %2 excl. tax + %3 tax at %4</source>
        <translation>价税合计 %1 = 金额 %2 + 税额 %3（税率 %4）</translation>
    </message>
    <message>
        <source>Reissue an invoice</source>
        <translation>重开发票</translation>
    </message>
    <message>
        <source>Issue an invoice</source>
        <translation>登记开票</translation>
    </message>
    <message>
        <source>Invoice number:</source>
        <translation>发票号码：</translation>
    </message>
    <message>
        <source>Record the invoice</source>
        <translation>登记发票</translation>
    </message>
    <message>
        <source>Void invoice %1</source>
        <translation>作废发票 %1</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Reverse invoice %1 (红冲)</source>
        <translation>红冲发票 %1</translation>
    </message>
    <message>
        <source>Red invoice number:</source>
        <translation>红字发票号码：</translation>
    </message>
    <message>
        <source>Record the red invoice</source>
        <translation>登记红字发票</translation>
    </message>
    <message>
        <source>as the tax platform issued it</source>
        <translation>按税务平台开具的号码填写</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>tax included</source>
        <translation>含税</translation>
    </message>
    <message>
        <source>tax excluded</source>
        <translation>不含税</translation>
    </message>
    <message>
        <source>Red amounts:</source>
        <translation>红字金额：</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>价税分离：</translation>
    </message>
    <message>
        <source>Replaces:</source>
        <translation>替代：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>required: why, as a tax audit would ask</source>
        <translation>必填：原因（税务稽查会问）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InvoiceFlow</name>
    <message>
        <source>Reading the bills and invoices…</source>
        <translation>正在读取账单和发票…</translation>
    </message>
    <message>
        <source>Invoice %1 recorded for %2.</source>
        <translation>已为 %2 登记发票 %1。</translation>
    </message>
    <message>
        <source>Invoice %1 voided.</source>
        <translation>发票 %1 已作废。</translation>
    </message>
    <message>
        <source>Invoice %1 reversed by red invoice %2.</source>
        <translation>发票 %1 已由红字发票 %2 冲销。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Invoices recorded from %1: %2.</source>
        <translation>已从 %1 登记发票：%2 张。</translation>
    </message>
</context>
<context>
    <name>InvoiceImportDialog</name>
    <message>
        <source>Recording…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <source>Import invoice numbers: %1</source>
        <translation>导入发票号码：%1</translation>
    </message>
    <message>
        <source>%1 to record, %2 recorded already, %3 refused. Nothing is written until you record them.</source>
        <translation>待登记 %1 张，已登记 %2 张，拒绝 %3 张。确认登记前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Record %1 invoices</source>
        <translation>登记 %1 张发票</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InvoiceListDialog</name>
    <message>
        <source>Import invoice numbers</source>
        <translation>导入发票号码</translation>
    </message>
    <message>
        <source>Tax platform exports (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>税务平台导出文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a bill to see its invoices.</source>
        <translation>选择一张账单以查看其发票。</translation>
    </message>
    <message>
        <source>Invoices of %1: %2 invoiced of %3, %4 left to invoice.</source>
        <translation>%1 的发票：账单 %3，已开票 %2，未开票 %4。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Invoices (%1 of %2 bills)</source>
        <translation>发票（%2 张账单中的 %1 张）</translation>
    </message>
    <message>
        <source>Each bill is invoiced by the tax platform; record here the number it issued. A voided or reversed invoice keeps its number and stays listed; reissue the bill after it.</source>
        <translation>每张账单的发票由税务平台开具，请在此登记其发票号码。作废或红冲的发票保留原号码并继续列出；之后可为该账单重开发票。</translation>
    </message>
    <message>
        <source>All bills</source>
        <translation>全部账单</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>有未开票金额</translation>
    </message>
    <message>
        <source>Bill, tenant or invoice number</source>
        <translation>账单、租户或发票号码</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>开票…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>重开…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Reverse (红冲)…</source>
        <translation>红冲…</translation>
    </message>
    <message>
        <source>Import numbers…</source>
        <translation>导入发票号码…</translation>
    </message>
    <message>
        <source>Bill lines…</source>
        <translation>账单明细…</translation>
    </message>
    <message>
        <source>What the chosen bill is made of: each line with its reasons (or double-click it)</source>
        <translation>所选账单的组成：每一行及其依据（也可双击账单）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <source>Not invoiced</source>
        <translation>未开票</translation>
    </message>
    <message>
        <source>Part invoiced</source>
        <translation>部分开票</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Reversed (红冲)</source>
        <translation>已红冲</translation>
    </message>
    <message>
        <source>Over-invoiced: reverse and reissue</source>
        <translation>超额开票：请红冲后重开</translation>
    </message>
    <message>
        <source>Not invoiced: no VAT rate</source>
        <translation>不开票：无增值税税率</translation>
    </message>
    <message>
        <source>Red invoice for %1</source>
        <translation>冲销 %1 的红字发票</translation>
    </message>
    <message>
        <source>Voided on %1</source>
        <translation>%1 作废</translation>
    </message>
    <message>
        <source>Reversed by %1</source>
        <translation>已由 %1 红冲</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>%1 (red)</source>
        <translation>%1（红字）</translation>
    </message>
    <message>
        <source>%1 (voided)</source>
        <translation>%1（已作废）</translation>
    </message>
    <message>
        <source>%1 (reversed)</source>
        <translation>%1（已红冲）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>账单编号</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费项</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Bill total</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>未开票</translation>
    </message>
    <message>
        <source>State</source>
        <translation>开票状态</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Incl. tax</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>Excl. tax</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 (reason: %2)</source>
        <translation>%1（原因：%2）</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: invoice %2 for %3, %4 (%5 excl. tax + %6 tax)</source>
        <translation>%1：账单 %3 的发票 %2，价税合计 %4（金额 %5 + 税额 %6）</translation>
    </message>
    <message>
        <source>%1: invoice %2 for %3 is recorded already</source>
        <translation>%1：账单 %3 的发票 %2 已登记</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1：拒绝：%2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <source>Industrial / plant</source>
        <translation>厂房</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation>公寓</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>车位</translation>
    </message>
    <message>
        <source>Advertising spot</source>
        <translation>广告位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Leasable</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Leased</source>
        <translation>已租</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Under renovation</source>
        <translation>装修中</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>不可租</translation>
    </message>
    <message>
        <source>Office building</source>
        <translation>办公楼</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>厂房楼</translation>
    </message>
    <message>
        <source>Retail podium</source>
        <translation>商业裙楼</translation>
    </message>
    <message>
        <source>Apartments</source>
        <translation>公寓楼</translation>
    </message>
    <message>
        <source>Mixed use</source>
        <translation>综合体</translation>
    </message>
    <message>
        <source>North</source>
        <translation>北</translation>
    </message>
    <message>
        <source>North-east</source>
        <translation>东北</translation>
    </message>
    <message>
        <source>East</source>
        <translation>东</translation>
    </message>
    <message>
        <source>South-east</source>
        <translation>东南</translation>
    </message>
    <message>
        <source>South</source>
        <translation>南</translation>
    </message>
    <message>
        <source>South-west</source>
        <translation>西南</translation>
    </message>
    <message>
        <source>West</source>
        <translation>西</translation>
    </message>
    <message>
        <source>North-west</source>
        <translation>西北</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>毛坯</translation>
    </message>
    <message>
        <source>Basic fit-out</source>
        <translation>简装</translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation>精装</translation>
    </message>
    <message>
        <source>Premium fit-out</source>
        <translation>豪装</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Midstream</source>
        <translation>中游</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>下游</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>已签未起租</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>在租</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Rent control</source>
        <translation>租控图</translation>
    </message>
    <message>
        <source>Lease expiry</source>
        <translation>租约到期</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>净收益</translation>
    </message>
    <message>
        <source>Energy intensity</source>
        <translation>能耗强度</translation>
    </message>
    <message>
        <source>Space heat</source>
        <translation>空间热度</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>30天内到期</translation>
    </message>
    <message>
        <source>Expiring in 60 days</source>
        <translation>60天内到期</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>90天内到期</translation>
    </message>
    <message>
        <source>Under renovation or frozen</source>
        <translation>装修中或冻结</translation>
    </message>
    <message>
        <source>Common area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <source>For rent</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Common (floor)</source>
        <translation>公共（本层公摊）</translation>
    </message>
    <message>
        <source>Common (building)</source>
        <translation>公共（全楼公摊）</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>HKD</source>
        <translation>港元</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>欧元</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Area m²</source>
        <translation>面积 m²</translation>
    </message>
    <message>
        <source>Asking per m²</source>
        <translation>报价/m²</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>可租日期</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>租期</translation>
    </message>
    <message>
        <source>Rate per m²</source>
        <translation>单价/m²</translation>
    </message>
    <message>
        <source>Total rent</source>
        <translation>租金总额</translation>
    </message>
    <message>
        <source>Net effective</source>
        <translation>净有效租金</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Quote %1 saved.</source>
        <translation>报价 %1 已保存。</translation>
    </message>
    <message>
        <source>Making the draft contract…</source>
        <translation>正在生成合同草稿…</translation>
    </message>
    <message>
        <source>Save the lead first</source>
        <translation>请先保存线索</translation>
    </message>
    <message>
        <source>Only an open lead is quoted</source>
        <translation>只能给进行中的线索报价</translation>
    </message>
    <message>
        <source>A new lead starts in the first stage, %1.</source>
        <translation>新线索从第一阶段“%1”开始。</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation>%2 起%1（%3）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Give an area range (the least above zero, not above the most) to see the units that match.</source>
        <translation>请填写面积范围（最小值大于零且不大于最大值），即可看到匹配的单元。</translation>
    </message>
    <message>
        <source>Looking for matching units…</source>
        <translation>正在查找匹配的单元…</translation>
    </message>
    <message>
        <source>No vacant unit or set of neighbouring units comes near these needs.</source>
        <translation>没有接近这些需求的空置单元或相邻单元组合。</translation>
    </message>
    <message>
        <source>%1 matches, best first: choose one to see why, show it on the plan or quote it.</source>
        <translation>%1 个匹配，最佳在前：选中一个可查看原因、在平面图上显示或报价。</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Lead %1 — %2</source>
        <translation>线索 %1 — %2</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Area wanted</source>
        <translation>需求面积</translation>
    </message>
    <message>
        <source>Budget per m² a month</source>
        <translation>预算（每月每平方米）</translation>
    </message>
    <message>
        <source>Move in</source>
        <translation>入驻</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Features wanted</source>
        <translation>所需配套</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>by</source>
        <translation>不晚于</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>e.g. 货梯, 高层</source>
        <translation>例如 货梯、高层</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Stage and history</source>
        <translation>阶段与历史</translation>
    </message>
    <message>
        <source>Matching units</source>
        <translation>匹配单元</translation>
    </message>
    <message>
        <source>Why this score:</source>
        <translation>得分原因：</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Show on &amp;plan</source>
        <translation>在平面图上显示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quote…</source>
        <translation>报价(&amp;Q)…</translation>
    </message>
    <message>
        <source>Make &amp;draft contract</source>
        <translation>生成合同草稿(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LeasingMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>请先打开工作区</translation>
    </message>
    <message>
        <source>&amp;Leasing</source>
        <translation>租赁(&amp;L)</translation>
    </message>
    <message>
        <source>New &amp;contract…</source>
        <translation>新建合同(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;ontracts</source>
        <translation>合同(&amp;O)</translation>
    </message>
    <message>
        <source>Import &amp;rent roll…</source>
        <translation>导入租金台账(&amp;R)…</translation>
    </message>
    <message>
        <source>Contract &amp;templates…</source>
        <translation>合同模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Price &amp;index (CPI)…</source>
        <translation>物价指数 (CPI)(&amp;I)…</translation>
    </message>
    <message>
        <source>Leasing &amp;settings…</source>
        <translation>招商设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>LeasingSettingsDialog</name>
    <message>
        <source>The discount rate must be at least 0% and below 100% a year, not %1%.</source>
        <translation>年折现率必须不小于 0% 且小于 100%，而不是 %1%。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Type the discount rate as a percentage a year, at least 0 and below 100 (6.5 for 6.5%), or leave it empty for none.</source>
        <translation>请按年百分比填写折现率，不小于 0 且小于 100（6.5% 填 6.5），或留空表示不折现。</translation>
    </message>
    <message>
        <source>Weighted pipeline of the open leads: %1.</source>
        <translation>进行中线索的加权漏斗价值：%1。</translation>
    </message>
    <message>
        <source>Weighted pipeline of the open leads: %1 now, %2 with these probabilities.</source>
        <translation>进行中线索的加权漏斗价值：当前 %1，按以上概率为 %2。</translation>
    </message>
    <message>
        <source>Leasing settings</source>
        <translation>招商设置</translation>
    </message>
    <message>
        <source>The park&apos;s figures for the pipeline and for quotes. A stage&apos;s probability of closing weighs its leads&apos; expected value on the pipeline board; a stage at its default follows the default.</source>
        <translation>本园区用于招商漏斗和报价的参数。各阶段的成交概率用于在漏斗看板上对该阶段线索的预计价值加权；保持默认值的阶段随默认值变化。</translation>
    </message>
    <message>
        <source>Probability of closing</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Leads&apos; value a year</source>
        <translation>线索年价值</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Back to the default, %1%</source>
        <translation>恢复为默认值 %1%</translation>
    </message>
    <message>
        <source>All to &amp;defaults</source>
        <translation>全部恢复默认(&amp;D)</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>折现率(&amp;R)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>% a year</source>
        <translation>%/年</translation>
    </message>
    <message>
        <source>Quotes and the contract wizard discount each month&apos;s rent at this rate for the discounted net effective rent; empty: they show none.</source>
        <translation>报价和合同向导按此折现率对每月租金折现，得出折现后的净有效租金；留空则不显示折现值。</translation>
    </message>
</context>
<context>
    <name>LeasingSettingsFlow</name>
    <message>
        <source>Reading the park&apos;s settings…</source>
        <translation>正在读取园区设置…</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Leasing settings saved.</source>
        <translation>招商设置已保存。</translation>
    </message>
</context>
<context>
    <name>Ledgers</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>on {on} the contract and operations ledgers agree; the books were not compared</source>
        <translation>{on} 合同账与运营账一致；未核对财务账</translation>
    </message>
    <message>
        <source>on {on}: {count} differences of {causes} causes between the contract and operations ledgers; the books were not compared</source>
        <translation>{on}：合同账与运营账之间 {causes} 类原因共 {count} 处差异；未核对财务账</translation>
    </message>
    <message>
        <source>on {on} the three ledgers agree; {matched} of our entries found among {entries} lines of the books</source>
        <translation>{on} 三账一致；运营账 {matched} 条记录均在财务账 {entries} 条分录中找到</translation>
    </message>
    <message>
        <source>on {on}: {count} differences of {causes} causes; {matched} of our entries found among {entries} lines of the books</source>
        <translation>{on}：{causes} 类原因共 {count} 处差异；运营账有 {matched} 条记录在财务账 {entries} 条分录中找到</translation>
    </message>
    <message>
        <source>{n} deposit movements cannot be booked and are not in the check (a reversal of a movement that is not there, or a kind not known)</source>
        <translation>{n} 笔押金变动无法生成凭证，未参与核对（所冲销的变动不存在，或类型未知）</translation>
    </message>
    <message>
        <source>wrote {file}: {vouchers} vouchers, {lines} lines, debit {debit} = credit {credit}, {first} – {last}</source>
        <translation>已写入 {file}：凭证 {vouchers} 张，分录 {lines} 行，借方 {debit} = 贷方 {credit}，{first} – {last}</translation>
    </message>
    <message>
        <source>--column wants FIELD=HEADER, such as debit=借方本币, not “{text}”</source>
        <translation>--column 的格式为 字段=列标题，例如 debit=借方本币，而不是“{text}”</translation>
    </message>
    <message>
        <source>{file}: imported {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused</source>
        <translation>{file}：已导入财务账分录 {new} 条（借方 {debit}，贷方 {credit}）；此前已导入 {existing} 条；拒绝 {refused} 行</translation>
    </message>
    <message>
        <source>{file}: would import {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused; nothing written</source>
        <translation>{file}：将导入财务账分录 {new} 条（借方 {debit}，贷方 {credit}）；此前已导入 {existing} 条；拒绝 {refused} 行；未写入任何内容</translation>
    </message>
</context>
<context>
    <name>LedgersFlow</name>
    <message>
        <source>Vouchers written: %1</source>
        <translation>凭证已写入：%1</translation>
    </message>
    <message>
        <source>Books imported: %1 lines</source>
        <translation>财务账已导入：%1 条</translation>
    </message>
    <message>
        <source>Books not imported: %1</source>
        <translation>财务账未导入：%1</translation>
    </message>
</context>
<context>
    <name>LedgersText</name>
    <message>
        <source>Leased, not billed</source>
        <translation>已出租未出账</translation>
    </message>
    <message>
        <source>Bill with no contract</source>
        <translation>账单无对应合同</translation>
    </message>
    <message>
        <source>Billed after the end date</source>
        <translation>到期后仍出账</translation>
    </message>
    <message>
        <source>Bill not in the schedule</source>
        <translation>账单不在租金计划内</translation>
    </message>
    <message>
        <source>Billed ≠ schedule</source>
        <translation>出账金额 ≠ 租金计划</translation>
    </message>
    <message>
        <source>Deposit not received</source>
        <translation>押金未收</translation>
    </message>
    <message>
        <source>Deposit amount differs from the contract</source>
        <translation>押金金额与合同不符</translation>
    </message>
    <message>
        <source>Plan area ≠ contract area</source>
        <translation>平面面积 ≠ 合同面积</translation>
    </message>
    <message>
        <source>Unit no longer in the plan</source>
        <translation>房间已不在平面中</translation>
    </message>
    <message>
        <source>Receipt not in the books</source>
        <translation>收款未入财务账</translation>
    </message>
    <message>
        <source>Bill not in the books</source>
        <translation>账单未入财务账</translation>
    </message>
    <message>
        <source>Adjustment not in the books</source>
        <translation>调整未入财务账</translation>
    </message>
    <message>
        <source>Allocation not in the books</source>
        <translation>核销未入财务账</translation>
    </message>
    <message>
        <source>Refund not in the books</source>
        <translation>退款未入财务账</translation>
    </message>
    <message>
        <source>Deposit received, not in the books</source>
        <translation>押金收取未入财务账</translation>
    </message>
    <message>
        <source>Deposit applied, not in the books</source>
        <translation>押金抵扣未入财务账</translation>
    </message>
    <message>
        <source>Deposit refunded, not in the books</source>
        <translation>押金退还未入财务账</translation>
    </message>
    <message>
        <source>Books hold another amount</source>
        <translation>财务账金额不同</translation>
    </message>
    <message>
        <source>In the books, not ours</source>
        <translation>财务账有、运营账无</translation>
    </message>
    <message>
        <source>Deposit in the books, not ours</source>
        <translation>财务账有押金、运营账无</translation>
    </message>
    <message>
        <source>receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>银行存款</translation>
    </message>
    <message>
        <source>deposits held</source>
        <translation>其他应付款-押金</translation>
    </message>
    <message>
        <source>contract ↔ operations</source>
        <translation>合同账 ↔ 运营账</translation>
    </message>
    <message>
        <source>operations ↔ finance</source>
        <translation>运营账 ↔ 财务账</translation>
    </message>
    <message>
        <source>{contract_code} ({units}): {charge} {period_start} – {period_end}, {amount} due on {due_on}, has no bill</source>
        <translation>{contract_code}（{units}）：{charge} {period_start} – {period_end}，应于 {due_on} 收 {amount}，没有账单</translation>
    </message>
    <message>
        <source>bill {bill_number} ({charge} {period_start} – {period_end}, {billed_amount}) names no signed contract of the park</source>
        <translation>账单 {bill_number}（{charge} {period_start} – {period_end}，{billed_amount}）没有对应本园区已签约的合同</translation>
    </message>
    <message>
        <source>bill {bill_number} bills {period_start} – {period_end}, after {contract_code} ended on {contract_ends_on}</source>
        <translation>账单 {bill_number} 计费期为 {period_start} – {period_end}，而 {contract_code} 已于 {contract_ends_on} 结束</translation>
    </message>
    <message>
        <source>bill {bill_number}: {contract_code}&apos;s schedule has no {charge} period from {period_start}</source>
        <translation>账单 {bill_number}：{contract_code} 的租金计划中没有自 {period_start} 起的{charge}计费期</translation>
    </message>
    <message>
        <source>bill {bill_number} bills {billed_amount} for {period_start} – {period_end}; the schedule says {due_amount} (difference {difference})</source>
        <translation>账单 {bill_number} 就 {period_start} – {period_end} 出账 {billed_amount}；租金计划为 {due_amount}（差额 {difference}）</translation>
    </message>
    <message>
        <source>{contract_code} lets {unit_code} at {contract_area} m²; the plan says {plan_area} m² (difference {difference} m²)</source>
        <translation>{contract_code} 按 {contract_area} m² 出租 {unit_code}；平面面积为 {plan_area} m²（差额 {difference} m²）</translation>
    </message>
    <message>
        <source>{contract_code} lets {unit_code} ({contract_area} m²), a unit the plan no longer has</source>
        <translation>{contract_code} 出租的 {unit_code}（{contract_area} m²）已不在平面中</translation>
    </message>
    <message>
        <source>receipt of {amount} on {on} from {payer}: no entry in the books ({reference})</source>
        <translation>{on} 收到 {payer} 的 {amount}：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>bill {number} of {amount} posted on {on}: no entry in the books ({reference})</source>
        <translation>{on} 过账的账单 {number}（{amount}）：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>adjustment {number} of {amount} posted on {on}: no entry in the books ({reference})</source>
        <translation>{on} 过账的调整 {number}（{amount}）：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>{payer}&apos;s payment allocated to {number} on {on} ({amount} on receivables): no entry in the books ({reference})</source>
        <translation>{payer} 的付款于 {on} 核销至 {number}（应收账款 {amount}）：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>allocation to {number} reversed on {on} ({amount} on receivables): no entry in the books ({reference})</source>
        <translation>{on} 冲回对 {number} 的核销（应收账款 {amount}）：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>refund to {payer} on {on} ({amount} from the bank): no entry in the books ({reference})</source>
        <translation>{on} 退款给 {payer}（银行存款 {amount}）：财务账中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>{reference} on {on}: {amount} here, {books_amount} in the books (voucher {vouchers}; difference {difference})</source>
        <translation>{reference}（{on}）：运营账 {amount}，财务账 {books_amount}（凭证 {vouchers}；差额 {difference}）</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: {books_amount} {customer}, no entry of ours has it</source>
        <translation>{books_on} 的凭证 {vouchers}，科目 {account}：{books_amount} {customer}，运营账中没有对应记录</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: {books_amount} names {reference}, which is not ours on that account</source>
        <translation>{books_on} 的凭证 {vouchers}，科目 {account}：{books_amount} 注明 {reference}，但该科目下运营账没有此记录</translation>
    </message>
    <message>
        <source>{contract_code} ({units}): the deposit of {due_amount} due on {due_on} was not received</source>
        <translation>{contract_code}（{units}）：应于 {due_on} 收取的押金 {due_amount} 未收到</translation>
    </message>
    <message>
        <source>{contract_code}: {received_amount} received as its deposit; the contract says {due_amount} (difference {difference})</source>
        <translation>{contract_code}：已收押金 {received_amount}；合同约定 {due_amount}（差额 {difference}）</translation>
    </message>
    <message>
        <source>{contract_code}: {received_amount} received as its deposit, {carried_amount} of it carried from {carried_from_code}; the contract says {due_amount} (difference {difference})</source>
        <translation>{contract_code}：已收押金 {received_amount}，其中 {carried_amount} 由 {carried_from_code} 转入；合同约定 {due_amount}（差额 {difference}）</translation>
    </message>
    <message>
        <source>deposit of {deposit_amount} received for {contract_code} on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>{on} 收取 {contract_code} 的押金 {deposit_amount}：财务账 {accounts} 中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>{deposit_amount} of {contract_code}&apos;s deposit applied to {bill_number} on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>{on} 以 {contract_code} 的押金 {deposit_amount} 抵扣 {bill_number}：财务账 {accounts} 中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>{deposit_amount} of {contract_code}&apos;s deposit refunded on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>{on} 退还 {contract_code} 的押金 {deposit_amount}：财务账 {accounts} 中没有对应分录（{reference}）</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} {customer} that none of ours has</source>
        <translation>{books_on} 的凭证 {vouchers}，科目 {account}：押金 {books_amount} {customer}，运营账中没有对应的押金记录</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} naming {reference}, which is not ours on that account</source>
        <translation>{books_on} 的凭证 {vouchers}，科目 {account}：押金 {books_amount} 注明 {reference}，但该科目下运营账没有此记录</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>the contract renewed</source>
        <translation>原合同</translation>
    </message>
    <message>
        <source>bills {n}</source>
        <translation>账单 {n} 笔</translation>
    </message>
    <message>
        <source>adjustments {n}</source>
        <translation>调整 {n} 笔</translation>
    </message>
    <message>
        <source>receipts {n}</source>
        <translation>收款 {n} 笔</translation>
    </message>
    <message>
        <source>allocations {n}</source>
        <translation>核销 {n} 笔</translation>
    </message>
    <message>
        <source>refunds {n}</source>
        <translation>退款 {n} 笔</translation>
    </message>
    <message>
        <source>deposits received {n}</source>
        <translation>押金收取 {n} 笔</translation>
    </message>
    <message>
        <source>deposits applied {n}</source>
        <translation>押金抵扣 {n} 笔</translation>
    </message>
    <message>
        <source>deposits refunded {n}</source>
        <translation>押金退还 {n} 笔</translation>
    </message>
    <message>
        <source>The books are not imported yet: the contract and operations ledgers are compared; import the accounting system&apos;s posted entries to compare the books.</source>
        <translation>尚未导入财务账：本次仅核对合同账与运营账；导入财务系统已记账的分录后即可核对财务账。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{n} entries of ours await the books: {parts}.</source>
        <translation>运营账共 {n} 条记录待与财务账核对：{parts}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>Build demo workspace</source>
        <translation>生成演示工作区</translation>
    </message>
    <message>
        <source>Building the demo park…</source>
        <translation>正在生成演示园区…</translation>
    </message>
    <message>
        <source>Demo not built</source>
        <translation>演示工作区未生成</translation>
    </message>
    <message>
        <source>Demo cancelled; nothing was written.</source>
        <translation>已取消生成演示，未写入任何内容。</translation>
    </message>
    <message>
        <source>Leasemap workspaces (*.leasemap);;All files (*)</source>
        <translation>Leasemap 工作区 (*.leasemap);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 units · leased %2 of %3 m² · occupancy %4</source>
        <translation>%1 个单元 · 已租 %2 / %3 m² · 出租率 %4</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Build &amp;demo workspace…</source>
        <translation>生成演示工作区(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import floor plan (DXF, IFC)…</source>
        <translation>导入平面图 (DXF、IFC)(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;site plan (DXF, IFC)…</source>
        <translation>导入总平面图（DXF、IFC）(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export map as PDF…</source>
        <translation>导出地图为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Export map as P&amp;NG…</source>
        <translation>导出地图为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Export map as S&amp;VG…</source>
        <translation>导出地图为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Leasemap</source>
        <translation>关于 Leasemap(&amp;A)</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Unit details</source>
        <translation>单元详情</translation>
    </message>
    <message>
        <source>As of </source>
        <translation>截至 </translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Local only · not synced</source>
        <translation>仅本地 · 未同步</translation>
    </message>
    <message>
        <source>Changes are kept in this workspace and queued for the team server.</source>
        <translation>修改保存在本工作区，并排队等待同步到团队服务器。</translation>
    </message>
    <message>
        <source>Finishing background work before closing…</source>
        <translation>正在完成后台任务，完成后即关闭…</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>Finishing background work before opening %1…</source>
        <translation>正在完成后台任务，完成后打开 %1…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>no workspace</source>
        <translation>无工作区</translation>
    </message>
    <message>
        <source>Leasemap — %1</source>
        <translation>Leasemap — %1</translation>
    </message>
    <message>
        <source>About Leasemap</source>
        <translation>关于 Leasemap</translation>
    </message>
    <message>
        <source>Leasemap turns floor plans into leasable units and runs a park&apos;s leasing, billing and forecasting, offline first.</source>
        <translation>Leasemap 将楼层平面图转化为可租单元，并支持园区的招商租赁、账单收费与经营预测，离线优先。</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>area m²</source>
        <translation>面积 m²</translation>
    </message>
    <message>
        <source>%1/m²/month</source>
        <translation>%1/m²/月</translation>
    </message>
    <message>
        <source>%1 %2/m²/month</source>
        <translation>%2 %1/m²/月</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>currency, amount</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Vacant, never let</source>
        <translation>空置（从未出租）</translation>
    </message>
    <message>
        <source>Before the meter readings</source>
        <translation>抄表开始前</translation>
    </message>
    <message>
        <source>months to lease end</source>
        <translation>距租约到期月数</translation>
    </message>
    <message>
        <source>days vacant</source>
        <translation>空置天数</translation>
    </message>
    <message>
        <source>rent per m² per month</source>
        <translation>租金 元/m²/月</translation>
    </message>
    <message>
        <source>net income per m² per month</source>
        <translation>净收益 元/m²/月</translation>
    </message>
    <message>
        <source>kWh per m² per month</source>
        <translation>kWh/m²/月</translation>
    </message>
    <message>
        <source>heat index 0–100</source>
        <translation>热度指数 0–100</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 kWh/m²/month</source>
        <translation>%1 kWh/m²/月</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 / 100</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>%1, overdue since %2</source>
        <translation>%1，自 %2 起逾期</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Red outline: 1 unit whose tenant has bills overdue</source>
        <translation>红色边框：1 个单元的租户有逾期账单</translation>
    </message>
    <message>
        <source>Red outline: %1 units whose tenant has bills overdue</source>
        <translation>红色边框：%1 个单元的租户有逾期账单</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>租约到期</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>No meter readings before %1: choose a date from %2 on.</source>
        <translation>%1 之前没有抄表数据：请选择 %2 及以后的日期。</translation>
    </message>
    <message>
        <source>Class breaks kept from %1</source>
        <translation>沿用 %1 的分级断点</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>choose a building or one of its floors first</source>
        <translation>请先选择一栋楼或其中一层</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>出租率</translation>
    </message>
    <message>
        <source>Leased / leasable m²</source>
        <translation>已租 / 可租面积 m²</translation>
    </message>
    <message>
        <source>Vacancy loss so far</source>
        <translation>累计空置损失</translation>
    </message>
    <message>
        <source>Rent per m² per month</source>
        <translation>平均租金 元/m²/月</translation>
    </message>
    <message>
        <source>Leasemap · as of %1 · printed %2</source>
        <translation>Leasemap · 数据截至 %1 · 打印于 %2</translation>
    </message>
    <message>
        <source>building %1 has no units to print</source>
        <translation>楼栋 %1 没有可打印的单元</translation>
    </message>
    <message>
        <source>Stacking plan</source>
        <translation>楼栋租控图</translation>
    </message>
    <message>
        <source>Park map</source>
        <translation>资产地图</translation>
    </message>
    <message>
        <source>Rent-control map</source>
        <translation>租控图</translation>
    </message>
    <message>
        <source>Lease expiry map</source>
        <translation>租约到期图</translation>
    </message>
    <message>
        <source>Vacancy map</source>
        <translation>空置地图</translation>
    </message>
    <message>
        <source>Revenue map</source>
        <translation>收益地图</translation>
    </message>
    <message>
        <source>Net revenue map</source>
        <translation>净收益地图</translation>
    </message>
    <message>
        <source>Energy intensity map</source>
        <translation>能耗强度图</translation>
    </message>
    <message>
        <source>Space heat map</source>
        <translation>空间热度图</translation>
    </message>
    <message>
        <source>there is no map to print here</source>
        <translation>这里没有可打印的地图</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>楼栋数</translation>
    </message>
    <message>
        <source>no building %1 in this workspace (buildings: %2)</source>
        <translation>本工作区没有楼栋 %1（现有楼栋：%2）</translation>
    </message>
    <message>
        <source>nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <source>unknown paper size %1 (A4 or A3)</source>
        <translation>未知纸张尺寸 %1（可选 A4 或 A3）</translation>
    </message>
    <message>
        <source>%1 is a folder; name the PDF file to write</source>
        <translation>%1 是一个文件夹，请指定要写入的 PDF 文件名</translation>
    </message>
    <message>
        <source>cannot write %1: no folder %2</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>there is no map to export here</source>
        <translation>这里没有可导出的地图</translation>
    </message>
    <message>
        <source>Floors %1–%2 of %3</source>
        <translation>楼层 %1–%2（共 %3 层）</translation>
    </message>
    <message>
        <source>Units numbered in the plan:</source>
        <translation>图中编号的单元：</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>This floor has no plan yet: import a DXF or IFC drawing (File → Import floor plan), or open the building to see its stacking plan.</source>
        <translation>该楼层还没有平面图：请导入 DXF 或 IFC 图纸（文件 → 导入平面图），或打开楼栋查看楼栋租控图。</translation>
    </message>
    <message>
        <source>Reading the park map…</source>
        <translation>正在读取园区地图…</translation>
    </message>
    <message>
        <source>Occupancy %</source>
        <translation>出租率 %</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>楼栋数</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Keep class breaks</source>
        <translation>固定分级断点</translation>
    </message>
    <message>
        <source>Changing the date keeps the classes of the date this was switched on, so colours compare across dates</source>
        <translation>切换日期时沿用开启此项当天的分级，使不同日期的颜色可以比较</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>缩放到所选</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Float legend</source>
        <translation>浮动图例</translation>
    </message>
    <message>
        <source>Show the legend in a small window over the map, or put it back beside the map</source>
        <translation>在地图上方的小窗口中显示图例，或放回地图旁边</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show or collapse the unit details, so the map gets their width</source>
        <translation>显示或收起单元详情，让地图使用其宽度</translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation>导出地图为 PNG…</translation>
    </message>
    <message>
        <source>Export map as SVG…</source>
        <translation>导出地图为 SVG…</translation>
    </message>
    <message>
        <source>Export map as PDF…</source>
        <translation>导出地图为 PDF…</translation>
    </message>
    <message>
        <source>Building to one PDF…</source>
        <translation>整栋楼导出为一个 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>No contract {contract}</source>
        <translation>没有合同 {contract}</translation>
    </message>
    <message>
        <source>{contract} is signed: it changes by an amendment</source>
        <translation>{contract} 已签约：只能通过变更修改</translation>
    </message>
    <message>
        <source>{contract} is no longer a draft: only a draft is signed</source>
        <translation>{contract} 已不是草稿：只有草稿可以签约</translation>
    </message>
    <message>
        <source>{contract} is a draft or terminated: only a signed contract can do this</source>
        <translation>{contract} 是草稿或已终止：只有已签约的合同可以这样做</translation>
    </message>
    <message>
        <source>{contract}: an amendment from {effective_on} is outside the term</source>
        <translation>{contract}：自 {effective_on} 起的变更超出租期</translation>
    </message>
    <message>
        <source>{contract}: the amendment changes nothing</source>
        <translation>{contract}：该变更没有改变任何内容</translation>
    </message>
    <message>
        <source>{contract}: {unit} was released on {released}; lease it again by a new contract</source>
        <translation>{contract}：{unit} 已于 {released} 退租；请用新合同重新出租</translation>
    </message>
    <message>
        <source>{contract} ends on {ends_on}: it cannot be terminated on {on}</source>
        <translation>{contract} 于 {ends_on} 到期：不能在 {on} 终止</translation>
    </message>
    <message>
        <source>{contract} was signed on {signed_on}: it cannot be terminated on {on}</source>
        <translation>{contract} 签于 {signed_on}：不能在 {on} 终止</translation>
    </message>
    <message>
        <source>{contract} has no checkpoint {checkpoint}</source>
        <translation>{contract} 没有节点 {checkpoint}</translation>
    </message>
    <message>
        <source>The document was not found</source>
        <translation>找不到该文件</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>A deposit is an amount above 0.00, in cents, not {amount}</source>
        <translation>押金金额须大于 0.00 且精确到分，而不是 {amount}</translation>
    </message>
    <message>
        <source>The payment holds {holds}: {amount} of it cannot be the deposit</source>
        <translation>该付款余额为 {holds}：不能将其中 {amount} 作为押金</translation>
    </message>
    <message>
        <source>The deposit holds {holds}: {amount} cannot be refunded</source>
        <translation>押金余额为 {holds}：不能退还 {amount}</translation>
    </message>
    <message>
        <source>{contract} runs to {ends_on}: settle it once it is terminated or has ended</source>
        <translation>{contract} 租期至 {ends_on}：须在终止或到期后结算</translation>
    </message>
    <message>
        <source>A payment is an amount above 0.00, in cents, not {amount}</source>
        <translation>付款金额须大于 0.00 且精确到分，而不是 {amount}</translation>
    </message>
    <message>
        <source>The payment was not found</source>
        <translation>找不到该付款</translation>
    </message>
    <message>
        <source>The allocation is refused: it would take more than the bill is owed or the payment holds ({problem})</source>
        <translation>核销被拒绝：超出账单欠款或付款余额（{problem}）</translation>
    </message>
    <message>
        <source>There is no such allocation to reverse</source>
        <translation>没有可冲销的核销记录</translation>
    </message>
    <message>
        <source>The allocation holds {holds}: {amount} cannot be reversed</source>
        <translation>该核销余额为 {holds}：不能冲销 {amount}</translation>
    </message>
    <message>
        <source>The payment holds {holds}: {amount} cannot be refunded</source>
        <translation>该付款余额为 {holds}：不能退款 {amount}</translation>
    </message>
    <message>
        <source>A billing run from {period_from} to {period_to} ends before it starts</source>
        <translation>自 {period_from} 至 {period_to} 的出账区间结束早于开始</translation>
    </message>
    <message>
        <source>That collections action was not found</source>
        <translation>找不到该催收措施</translation>
    </message>
    <message>
        <source>A flag is not marked done: it holds while the tenant&apos;s tier does</source>
        <translation>标记类措施无需标记完成：租户风险等级不变期间一直有效</translation>
    </message>
    <message>
        <source>The action ended on {ended_on}, when the tenant left its tier</source>
        <translation>该措施已于 {ended_on} 结束：租户已离开该风险等级</translation>
    </message>
    <message>
        <source>The tenant was not found</source>
        <translation>找不到该租户</translation>
    </message>
    <message>
        <source>Signal {row}: enter its day</source>
        <translation>第 {row} 条信号：请填写日期</translation>
    </message>
    <message>
        <source>Signal {row}: “{text}” is not a date (write 2026-03-01)</source>
        <translation>第 {row} 条信号：“{text}”不是日期（请写作 2026-03-01）</translation>
    </message>
    <message>
        <source>Signal {row}: choose its kind (court case, tax notice or other news)</source>
        <translation>第 {row} 条信号：请选择类型（诉讼、税务公告或其他信息）</translation>
    </message>
    <message>
        <source>Signal {row}: the kind is longer than {limit} characters</source>
        <translation>第 {row} 条信号：类型超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>Signal {row}: the note is longer than {limit} characters</source>
        <translation>第 {row} 条信号：备注超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>Signal {row}: it ends on {until}, before its day {on}</source>
        <translation>第 {row} 条信号：截止日 {until} 早于其日期 {on}</translation>
    </message>
    <message>
        <source>No payment reminder can be written in {language}</source>
        <translation>无法以 {language} 生成催款通知书</translation>
    </message>
    <message>
        <source>{tenant} owes nothing overdue on {on}: no reminder to send</source>
        <translation>{tenant} 在 {on} 没有逾期欠款，无需发送催款通知书</translation>
    </message>
    <message>
        <source>The invoice was not recorded: {parts}</source>
        <translation>未登记该发票：{parts}</translation>
    </message>
    <message>
        <source>Invoice {number} is recorded in {count} parks: choose the park</source>
        <translation>发票 {number} 在 {count} 个园区均有登记：请选择园区</translation>
    </message>
    <message>
        <source>enter the invoice number the tax platform issued</source>
        <translation>请填写税务平台开具的发票号码</translation>
    </message>
    <message>
        <source>invoice number {number} is already recorded in this park</source>
        <translation>本园区已登记发票号码 {number}</translation>
    </message>
    <message>
        <source>the invoice names no bill</source>
        <translation>该发票未对应任何账单</translation>
    </message>
    <message>
        <source>no invoice {target} is recorded</source>
        <translation>未登记发票 {target}</translation>
    </message>
    <message>
        <source>{target} is a red invoice: a red invoice is neither voided nor reversed</source>
        <translation>{target} 是红字发票：红字发票不能作废或红冲</translation>
    </message>
    <message>
        <source>invoice {target} was voided on {voided_on}</source>
        <translation>发票 {target} 已于 {voided_on} 作废</translation>
    </message>
    <message>
        <source>invoice {target} is already reversed by red invoice {red}</source>
        <translation>发票 {target} 已由红字发票 {red} 红冲</translation>
    </message>
    <message>
        <source>this park&apos;s invoices cannot be voided: reverse {target} with a red invoice</source>
        <translation>本园区的发票不能作废：请开具红字发票红冲 {target}</translation>
    </message>
    <message>
        <source>invoice {target} was issued on {issued_on}: it can be voided only in the month it was issued; reverse it with a red invoice</source>
        <translation>发票 {target} 开具于 {issued_on}：只能在开具当月作废；请开具红字发票红冲</translation>
    </message>
    <message>
        <source>invoice {target} was issued on {issued_on}, in a period reported to the tax bureau (through {reported_through}): reverse it with a red invoice</source>
        <translation>发票 {target} 开具于 {issued_on}，所属期间已向税务机关申报（截至 {reported_through}）：请开具红字发票红冲</translation>
    </message>
    <message>
        <source>the date is before invoice {target} was issued ({issued_on})</source>
        <translation>日期早于发票 {target} 的开具日期（{issued_on}）</translation>
    </message>
    <message>
        <source>no invoice {target} to replace</source>
        <translation>没有可替代的发票 {target}</translation>
    </message>
    <message>
        <source>invoice {target} is still valid: void or reverse it before issuing its replacement</source>
        <translation>发票 {target} 仍然有效：请先作废或红冲，再开具替代发票</translation>
    </message>
    <message>
        <source>no bill {bill}</source>
        <translation>没有账单 {bill}</translation>
    </message>
    <message>
        <source>bill {bill} is another tenant&apos;s</source>
        <translation>账单 {bill} 属于其他租户</translation>
    </message>
    <message>
        <source>the invoice&apos;s charge {charge} is not bill {bill}&apos;s ({bill_charge})</source>
        <translation>发票的费项 {charge} 与账单 {bill} 的费项（{bill_charge}）不符</translation>
    </message>
    <message>
        <source>bill {bill} is not invoiced: its charge is exempt from VAT</source>
        <translation>账单 {bill} 不开票：其费项不征增值税</translation>
    </message>
    <message>
        <source>bill {bill}: the park has no VAT rate for its charge ({charge})</source>
        <translation>账单 {bill}：本园区未设置其费项（{charge}）的增值税税率</translation>
    </message>
    <message>
        <source>bill {bill}: the rate {rate} is not the park&apos;s {table_rate}</source>
        <translation>账单 {bill}：税率 {rate} 不是本园区的税率 {table_rate}</translation>
    </message>
    <message>
        <source>bill {bill}: an invoice is for more than 0.00, not {amount}</source>
        <translation>账单 {bill}：发票金额须大于 0.00，而不是 {amount}</translation>
    </message>
    <message>
        <source>bill {bill}: {exclusive} and tax {tax} do not add up to {amount}</source>
        <translation>账单 {bill}：金额 {exclusive} 与税额 {tax} 之和不等于 {amount}</translation>
    </message>
    <message>
        <source>bill {bill}: the tax {tax} is more than {tolerance} from {expected}</source>
        <translation>账单 {bill}：税额 {tax} 与 {expected} 相差超过 {tolerance}</translation>
    </message>
    <message>
        <source>bill {bill} is {total} and {invoiced} of it is invoiced: {adding} more would invoice more than the bill</source>
        <translation>账单 {bill} 金额 {total}，已开票 {invoiced}：再开 {adding} 将超过账单金额</translation>
    </message>
    <message>
        <source>bill {bill} is invoiced in full ({invoiced} of {total})</source>
        <translation>账单 {bill} 已全额开票（{total} 中已开 {invoiced}）</translation>
    </message>
    <message>
        <source>{bill} is a credit on bill {corrects}: invoice that bill, whose total includes it</source>
        <translation>{bill} 是账单 {corrects} 的冲减：请为该账单开票，其金额已包含此冲减</translation>
    </message>
    <message>
        <source>a red invoice reverses invoice {target} whole ({blue_amount})</source>
        <translation>红字发票须全额冲销发票 {target}（{blue_amount}）</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns})</source>
        <translation>{file}：缺少 {labels} 列（现有列：{columns}）</translation>
    </message>
    <message>
        <source>no invoice number</source>
        <translation>缺少发票号码</translation>
    </message>
    <message>
        <source>no invoice date</source>
        <translation>缺少开票日期</translation>
    </message>
    <message>
        <source>“{text}” is not a date (write 2026-03-01)</source>
        <translation>“{text}”不是日期（请写作 2026-03-01）</translation>
    </message>
    <message>
        <source>“{text}” is not an amount</source>
        <translation>“{text}”不是金额</translation>
    </message>
    <message>
        <source>{charge}: no such charge: neither a kind ({kinds}) nor a charge the park&apos;s contracts or bills carry</source>
        <translation>{charge}：没有这个费项：既不是费项类别（{kinds}），也不是本园区合同或账单中的费项</translation>
    </message>
    <message>
        <source>Vouchers from {first} to {last}: the range ends before it starts</source>
        <translation>{first} 至 {last} 的凭证：结束日期早于开始日期</translation>
    </message>
    <message>
        <source>{file}: vouchers are written as .csv or .xlsx</source>
        <translation>{file}：凭证只能导出为 .csv 或 .xlsx</translation>
    </message>
    <message>
        <source>No VAT rate for {charges}: set the park&apos;s rates before exporting vouchers</source>
        <translation>{charges} 没有增值税税率：请先设置园区税率再导出凭证</translation>
    </message>
    <message>
        <source>{file}: no column for {missing} (its columns: {columns}); choose them in a column mapping</source>
        <translation>{file}：找不到 {missing} 列（文件的列：{columns}）；请在列对应中指定</translation>
    </message>
    <message>
        <source>The books have no field {field} (fields: {fields})</source>
        <translation>财务账没有字段 {field}（可用字段：{fields}）</translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <source>Row {row}: {text} is a total or a balance, not an entry</source>
        <translation>第 {row} 行：{text} 是合计或余额行，不是分录</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not a date (write 2026-03-01)</source>
        <translation>第 {row} 行：“{text}”不是日期（请写作 2026-03-01）</translation>
    </message>
    <message>
        <source>Row {row}: no date</source>
        <translation>第 {row} 行：没有日期</translation>
    </message>
    <message>
        <source>Row {row}: no account</source>
        <translation>第 {row} 行：没有科目</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not an amount</source>
        <translation>第 {row} 行：“{text}”不是金额</translation>
    </message>
    <message>
        <source>Row {row}: no debit and no credit</source>
        <translation>第 {row} 行：既无借方也无贷方</translation>
    </message>
    <message>
        <source>Row {row}: voucher {voucher} has this line twice in the file</source>
        <translation>第 {row} 行：凭证 {voucher} 的这条分录在文件中出现了两次</translation>
    </message>
    <message>
        <source>Row {row}: voucher {voucher} was imported as {before}, the file now says {now}; post a correcting voucher in the books instead of changing one</source>
        <translation>第 {row} 行：凭证 {voucher} 导入时为 {before}，文件现为 {now}；请在财务系统中做更正凭证，而不是修改已记账的凭证</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel (.xls, .xlsx) file</source>
        <translation>{file} 不是 CSV 或 Excel（.xls、.xlsx）文件</translation>
    </message>
    <message>
        <source>{file}: cannot read the statement ({detail})</source>
        <translation>{file}：无法读取对账单（{detail}）</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件是空的</translation>
    </message>
    <message>
        <source>{file}: no column {column} (columns: {columns})</source>
        <translation>{file}：没有列 {column}（现有列：{columns}）</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns}); name them in the column mapping</source>
        <translation>{file}：没有“{labels}”列（现有列：{columns}）；请在列映射中指定</translation>
    </message>
    <message>
        <source>no field {field} in a bank statement (fields: {fields})</source>
        <translation>银行对账单没有字段 {field}（字段：{fields}）</translation>
    </message>
    <message>
        <source>{field} takes one column, not {columns}</source>
        <translation>{field} 只能对应一列，不能是 {columns}</translation>
    </message>
    <message>
        <source>not a column mapping: {detail}</source>
        <translation>不是有效的列映射：{detail}</translation>
    </message>
    <message>
        <source>{file}: neither UTF-8 nor GBK text</source>
        <translation>{file}：既不是 UTF-8 也不是 GBK 文本</translation>
    </message>
    <message>
        <source>No meter {meter}</source>
        <translation>没有表计 {meter}</translation>
    </message>
    <message>
        <source>A meter needs a code</source>
        <translation>表计需要编号</translation>
    </message>
    <message>
        <source>There is a meter {meter} already</source>
        <translation>已有表计 {meter}</translation>
    </message>
    <message>
        <source>{meter}: a meter measures electricity, water, gas or heat, not {utility}</source>
        <translation>{meter}：表计计量电、水、燃气或热，不能是 {utility}</translation>
    </message>
    <message>
        <source>{meter}: the multiplier must be above 0, not {multiplier}</source>
        <translation>{meter}：倍率须大于 0，不能是 {multiplier}</translation>
    </message>
    <message>
        <source>{meter}: a dial rolls over at a count above 0, not {rollover_at}</source>
        <translation>{meter}：表盘翻转值须大于 0，不能是 {rollover_at}</translation>
    </message>
    <message>
        <source>{meter}: registers are total, or time-of-use ones (sharp, peak, flat, valley) each once, not {registers}</source>
        <translation>{meter}：计度器为总，或分时的尖、峰、平、谷（各一次），不能是 {registers}</translation>
    </message>
    <message>
        <source>{meter}: removed on {removed_on}, before it was installed on {installed_on}</source>
        <translation>{meter}：拆表日期 {removed_on} 早于装表日期 {installed_on}</translation>
    </message>
    <message>
        <source>{meter}: no meter {parent} to hang it under</source>
        <translation>{meter}：没有可挂接的上级表计 {parent}</translation>
    </message>
    <message>
        <source>{meter}: no meter {replaces} for it to replace</source>
        <translation>{meter}：没有要替换的表计 {replaces}</translation>
    </message>
    <message>
        <source>{meter}: no unit {unit} in the park</source>
        <translation>{meter}：园区内没有单元 {unit}</translation>
    </message>
    <message>
        <source>{meter}: its basis names units not in the park: {units}</source>
        <translation>{meter}：分摊依据中的单元不在园区内：{units}</translation>
    </message>
    <message>
        <source>{meter} feeds no sub meter: it has no shared consumption</source>
        <translation>{meter} 下没有分表，没有公摊用量</translation>
    </message>
    <message>
        <source>{meter} cannot go there: {parts}</source>
        <translation>{meter} 不能放在该位置：{parts}</translation>
    </message>
    <message>
        <source>{meter}: its parents loop back to {at}</source>
        <translation>{meter}：上级表计循环回到 {at}</translation>
    </message>
    <message>
        <source>{meter} hangs under {parent}, a meter of another utility</source>
        <translation>{meter} 挂在 {parent} 下，但两者计量的能源种类不同</translation>
    </message>
    <message>
        <source>{meter} bills unit {unit} and feeds other meters; a unit&apos;s meter is a leaf</source>
        <translation>{meter} 计量单元 {unit} 且下挂其他表计；单元表必须是末级表</translation>
    </message>
    <message>
        <source>{meter}: its parent meter {parent} is not there</source>
        <translation>{meter}：上级表计 {parent} 不存在</translation>
    </message>
    <message>
        <source>{meter}: its id {id} is taken</source>
        <translation>{meter}：标识 {id} 已被占用</translation>
    </message>
    <message>
        <source>A reading is a reading, a final or an initial one, not {kind}</source>
        <translation>读数类型为抄表、拆表（末次）或装表（初始），不能是 {kind}</translation>
    </message>
    <message>
        <source>{meter}: {parts}</source>
        <translation>{meter}：{parts}</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} 不是 Excel（.xlsx、.xls）或 CSV 文件</translation>
    </message>
    <message>
        <source>There is no such deposit movement to reverse</source>
        <translation>没有可冲销的该笔押金流水</translation>
    </message>
    <message>
        <source>The movement of {amount} on {on} is itself a reversal: it is not reversed; enter the movement again</source>
        <translation>{on} 的 {amount} 本身是一笔冲销：冲销不能再冲销；请重新录入该笔押金变动</translation>
    </message>
    <message>
        <source>The movement is dated {movement_on}: its reversal cannot be dated {on}</source>
        <translation>该笔流水的日期为 {movement_on}：冲销日期不能为 {on}</translation>
    </message>
    <message>
        <source>The movement of {amount} on {on} is reversed already</source>
        <translation>{on} 的 {amount} 流水已冲销</translation>
    </message>
    <message>
        <source>{contract}&apos;s deposit holds {holds}: reversing {amount} would leave less than nothing</source>
        <translation>{contract} 的押金余额为 {holds}：冲销 {amount} 将使余额为负</translation>
    </message>
    <message>
        <source>The carry&apos;s other side is not there (contract {note})</source>
        <translation>找不到该笔押金转入的另一方（合同 {note}）</translation>
    </message>
    <message>
        <source>The allocation the movement of {amount} on {on} made is not there to reverse</source>
        <translation>找不到 {on} 那笔 {amount} 流水所做的核销，无法冲销</translation>
    </message>
    <message>
        <source>say why invoice {target} is voided or reversed: a tax audit asks</source>
        <translation>请填写发票 {target} 作废或红冲的原因：税务稽查会问</translation>
    </message>
    <message>
        <source>the reason is {length} characters long, at most {limit}</source>
        <translation>原因有 {length} 个字，最多 {limit} 个</translation>
    </message>
    <message>
        <source>The VAT rates were not saved: {parts}</source>
        <translation>税率未保存：{parts}</translation>
    </message>
    <message>
        <source>{charge}: “{value}” is not a VAT rate</source>
        <translation>{charge}：“{value}”不是税率</translation>
    </message>
    <message>
        <source>{charge}: {percent} is not a VAT rate from 0% to 17%</source>
        <translation>{charge}：{percent} 不是 0% 至 17% 之间的增值税税率</translation>
    </message>
    <message>
        <source>{charge}: {percent} is finer than a hundredth of a percent</source>
        <translation>{charge}：{percent} 的精度超过百分之一个百分点</translation>
    </message>
    <message>
        <source>The calendar was not changed: {parts}</source>
        <translation>日历未修改：{parts}</translation>
    </message>
    <message>
        <source>{day}: a day is a holiday or a make-up working day, not {kind}</source>
        <translation>{day}：日期只能是节假日或调休上班日，不能是 {kind}</translation>
    </message>
    <message>
        <source>{day} is a weekday: a make-up working day (调休) is a Saturday or a Sunday</source>
        <translation>{day} 是工作日：调休上班日应在周六或周日</translation>
    </message>
    <message>
        <source>{day}: the name is longer than {limit} characters</source>
        <translation>{day}：名称超过 {limit} 个字</translation>
    </message>
    <message>
        <source>{day} is not in the park&apos;s calendar</source>
        <translation>园区日历中没有 {day}</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}：无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns}); the header names the day (日期) and whether it is off or worked (类型: 休 or 班), and may name it (名称)</source>
        <translation>{file}：缺少 {labels} 列（现有列：{columns}）；表头须有日期（日期）和休息或上班（类型：休 或 班），可有名称（名称）</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not a date (write 2026-10-01)</source>
        <translation>第 {row} 行：“{text}”不是日期（请写作 2026-10-01）</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is neither 休 (a day off) nor 班 (a working day)</source>
        <translation>第 {row} 行：“{text}”既不是 休（休息日）也不是 班（上班日）</translation>
    </message>
    <message>
        <source>Row {row}: {day} is a weekday: a make-up working day (班) is a Saturday or a Sunday</source>
        <translation>第 {row} 行：{day} 是工作日：调休上班日（班）应在周六或周日</translation>
    </message>
    <message>
        <source>Row {row}: the name is longer than {limit} characters</source>
        <translation>第 {row} 行：名称超过 {limit} 个字</translation>
    </message>
    <message>
        <source>Row {row}: {day} is on row {other} too, as another day</source>
        <translation>第 {row} 行：{day} 在第 {other} 行也出现，且类型或名称不同</translation>
    </message>
    <message>
        <source>{meter} replaces {replaces}, which {by} replaces already</source>
        <translation>{meter} 替换 {replaces}，但 {by} 已替换了它</translation>
    </message>
    <message>
        <source>{meter}: the meters it replaces lead back to it</source>
        <translation>{meter}：其所替换的表计又回到它自身（替换关系成环）</translation>
    </message>
    <message>
        <source>There was a meter {meter}, removed: a code is never used twice</source>
        <translation>曾有表计 {meter}，已删除：编号不可重复使用</translation>
    </message>
    <message>
        <source>{meter} still feeds {count} meters ({meters}): move them under another meter or archive them first</source>
        <translation>{meter} 下仍有 {count} 块在用表计（{meters}）：请先将其移至其他表计下，或先将其归档</translation>
    </message>
    <message>
        <source>{meter} was read on {on}, after {removed_on}: it was in service then</source>
        <translation>{meter} 在 {removed_on} 之后的 {on} 仍有抄表：当时仍在使用</translation>
    </message>
    <message>
        <source>{meter}: give its final {register} reading on {removed_on} (its last reading is {value} on {on})</source>
        <translation>{meter}：请填写 {removed_on} 的{register}止码（上次读数为 {on} 的 {value}）</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial was closed by a final reading on {on} already</source>
        <translation>{meter}：其{register}读数已于 {on} 录入止码</translation>
    </message>
    <message>
        <source>{meter} has {count} readings: a meter that was read is archived, never removed</source>
        <translation>{meter} 已有 {count} 条读数：抄过表的表计只能归档，不能删除</translation>
    </message>
    <message>
        <source>{meter} is named by posted bills ({bills}): it is archived, never removed</source>
        <translation>已过账账单（{bills}）引用了 {meter}：只能归档，不能删除</translation>
    </message>
    <message>
        <source>{meter} is in service: there is nothing to restore</source>
        <translation>{meter} 正在使用：无需恢复</translation>
    </message>
    <message>
        <source>{meter} was replaced by {by}: it stays archived</source>
        <translation>{meter} 已被 {by} 替换：保持归档</translation>
    </message>
    <message>
        <source>{meter} hangs under {parent}, which is archived: restore {parent} first, or move {meter}</source>
        <translation>{meter} 的上级表 {parent} 已归档：请先恢复 {parent}，或移动 {meter}</translation>
    </message>
    <message>
        <source>{meter} cannot replace itself</source>
        <translation>{meter} 不能替换自身</translation>
    </message>
    <message>
        <source>{meter} and {replaces} measure different utilities: a meter replaces one of its own utility</source>
        <translation>{meter} 与 {replaces} 计量的能源不同：只能替换同一能源的表计</translation>
    </message>
    <message>
        <source>{replaces} is replaced by {by} already</source>
        <translation>{replaces} 已被 {by} 替换</translation>
    </message>
    <message>
        <source>{meter} hangs under {replaces}, the meter it replaces: hang it where {replaces} hangs</source>
        <translation>{meter} 挂在它所替换的 {replaces} 之下：请挂到 {replaces} 所在的位置</translation>
    </message>
    <message>
        <source>{replaces} hangs beneath {meter}: a meter cannot replace one it feeds</source>
        <translation>{replaces} 挂在 {meter} 之下：表计不能替换其下级表</translation>
    </message>
    <message>
        <source>{meter} is installed on {installed_on}, before {replaces} was removed on {removed_on}</source>
        <translation>{meter} 的安装日期 {installed_on} 早于 {replaces} 的拆除日期 {removed_on}</translation>
    </message>
    <message>
        <source>The tariff was not saved: {parts}</source>
        <translation>价格未保存：{parts}</translation>
    </message>
    <message>
        <source>The tariff version was not found</source>
        <translation>未找到该价格版本</translation>
    </message>
    <message>
        <source>{name} from {valid_from} priced bills already posted ({bills}): it is kept as it is. To correct it, add a new version from a later date</source>
        <translation>{name}（自 {valid_from} 起）已用于已出账的账单（{bills}），保持不变。如需更正，请新增一个生效日期更晚的版本</translation>
    </message>
    <message>
        <source>{name} is set on meters {meters}: choose another tariff for them before archiving its last version</source>
        <translation>{name} 已设置在表计 {meters} 上：归档其最后一个版本前，请先为这些表计选择其他价格</translation>
    </message>
    <message>
        <source>Name the tariff</source>
        <translation>请填写价格名称</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters</source>
        <translation>名称超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>A tariff prices electricity, water, gas or heat, not {utility}</source>
        <translation>价格适用于电、水、燃气或热，不能是 {utility}</translation>
    </message>
    <message>
        <source>Give the day the tariff is in force from</source>
        <translation>请填写价格的生效日期</translation>
    </message>
    <message>
        <source>The tariff does not hold: {detail}</source>
        <translation>价格不成立：{detail}</translation>
    </message>
    <message>
        <source>A tariff is flat, tiered or time-of-use, not {kind}</source>
        <translation>价格为单一价、阶梯价或峰谷分时价，不能是 {kind}</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>请填写单价</translation>
    </message>
    <message>
        <source>The price “{text}” is not a number</source>
        <translation>单价“{text}”不是数字</translation>
    </message>
    <message>
        <source>The price {price} is below zero</source>
        <translation>单价 {price} 小于零</translation>
    </message>
    <message>
        <source>{register}: enter its price; a time-of-use tariff prices peak, flat and valley</source>
        <translation>{register}：请填写单价；峰谷分时价须有峰、平、谷三个时段的单价</translation>
    </message>
    <message>
        <source>{register}: the price “{text}” is not a number</source>
        <translation>{register}：单价“{text}”不是数字</translation>
    </message>
    <message>
        <source>{register}: the price {price} is below zero</source>
        <translation>{register}：单价 {price} 小于零</translation>
    </message>
    <message>
        <source>{register} is not a time-of-use register (sharp, peak, flat or valley)</source>
        <translation>{register} 不是分时时段（尖、峰、平或谷）</translation>
    </message>
    <message>
        <source>A tiered tariff needs its bands</source>
        <translation>阶梯价须填写各档</translation>
    </message>
    <message>
        <source>Band {band}: enter its price</source>
        <translation>第 {band} 档：请填写单价</translation>
    </message>
    <message>
        <source>Band {band}: the price “{text}” is not a number</source>
        <translation>第 {band} 档：单价“{text}”不是数字</translation>
    </message>
    <message>
        <source>Band {band}: the price {price} is below zero</source>
        <translation>第 {band} 档：单价 {price} 小于零</translation>
    </message>
    <message>
        <source>Band {band}: enter where it ends; only the last band is open</source>
        <translation>第 {band} 档：请填写该档上限；只有最后一档不设上限</translation>
    </message>
    <message>
        <source>Band {band}: its end “{text}” is not a number</source>
        <translation>第 {band} 档：上限“{text}”不是数字</translation>
    </message>
    <message>
        <source>Band {band} ends at {up_to}, not above where the band before it ends ({below}): bands rise and do not overlap</source>
        <translation>第 {band} 档上限为 {up_to}，未高于上一档的上限（{below}）：各档须逐档递增、不得重叠</translation>
    </message>
    <message>
        <source>Band {band}: the last band has no end (leave it blank); it takes all use above the band before it</source>
        <translation>第 {band} 档：最后一档不设上限（请留空），上一档以上的用量全部计入该档</translation>
    </message>
    <message>
        <source>{name} has a version from {valid_from} already: change that one, or give this one another day</source>
        <translation>{name} 已有自 {valid_from} 起的版本：请修改该版本，或为本版本另选日期</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the meter (表号), the day read (抄表日期) and the reading (读数), or one column per register (峰, 平, 谷)</source>
        <translation>{file}：缺少 {fields} 列（现有列：{columns}）；表头须包含表号、抄表日期和读数，或每个时段一列（峰、平、谷）</translation>
    </message>
    <message>
        <source>{column}: no meter code</source>
        <translation>{column}：没有表号</translation>
    </message>
    <message>
        <source>{column}: empty</source>
        <translation>{column}：为空</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a day</source>
        <translation>{column}：无法将“{value}”识别为日期</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not a reading, a final (拆表) or an initial (装表) one</source>
        <translation>{column}：“{value}”不是抄表、拆表或装表</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not total, 尖, 峰, 平 or 谷</source>
        <translation>{column}：“{value}”不是总、尖、峰、平或谷</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a reading</source>
        <translation>{column}：无法将“{value}”识别为读数</translation>
    </message>
    <message>
        <source>no reading in {columns}</source>
        <translation>{columns} 中没有读数</translation>
    </message>
    <message>
        <source>no meter {meter} in the park</source>
        <translation>园区内没有表计 {meter}</translation>
    </message>
    <message>
        <source>{meter}: a {register} reading on {on}, but the meter has registers {registers}</source>
        <translation>{meter}：{on} 有 {register} 读数，但该表的计度器为 {registers}</translation>
    </message>
    <message>
        <source>{meter}: a reading of {value} is below zero</source>
        <translation>{meter}：读数 {value} 小于零</translation>
    </message>
    <message>
        <source>{meter}: reading {value} on {on} is not on its dial (0 to below {rollover_at})</source>
        <translation>{meter}：{on} 的读数 {value} 超出表盘范围（0 至 {rollover_at} 以下）</translation>
    </message>
    <message>
        <source>{meter} was installed on {installed_on}, after {on}</source>
        <translation>{meter} 于 {installed_on} 安装，晚于 {on}</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed_on}, before {on}</source>
        <translation>{meter} 于 {removed_on} 拆除，早于 {on}</translation>
    </message>
    <message>
        <source>{meter} {register} on {on} is also on row {rows} with another value</source>
        <translation>{meter} {on} 的 {register} 读数在第 {rows} 行也有，且数值不同</translation>
    </message>
    <message>
        <source>the same reading is on row {row}</source>
        <translation>第 {row} 行有相同读数</translation>
    </message>
    <message>
        <source>{meter}: the dial rolled over at {rollover_at} between {previous} and {value}</source>
        <translation>{meter}：表盘在 {previous} 与 {value} 之间于 {rollover_at} 翻转</translation>
    </message>
    <message>
        <source>{meter}: replaced: the old dial&apos;s final {previous}, the new one&apos;s initial {value}</source>
        <translation>{meter}：换表：旧表止码 {previous}，新表起码 {value}</translation>
    </message>
    <message>
        <source>{meter}: reading {value} on {on} is below {previous} on {previous_on} and is not a rollover</source>
        <translation>{meter}：{on} 的读数 {value} 低于 {previous_on} 的 {previous}，且不是表盘翻转</translation>
    </message>
    <message>
        <source>{meter}: {per_day} a day from {previous_on} to {on}, over {factor} × the median {median} of the last {history} readings</source>
        <translation>{meter}：{previous_on} 至 {on} 日均 {per_day}，超过最近 {history} 次读数中位数 {median} 的 {factor} 倍</translation>
    </message>
    <message>
        <source>{meter}: the reading dated {on} was entered after one dated {latest}</source>
        <translation>{meter}：日期为 {on} 的读数录入于日期为 {latest} 的读数之后</translation>
    </message>
    <message>
        <source>{meter}: the reading on {on} follows the old meter&apos;s final reading with no initial reading of the new one; counted from 0</source>
        <translation>{meter}：{on} 的读数紧接旧表止码，缺少新表起码；按从 0 起计</translation>
    </message>
    <message>
        <source>{meter}: a new meter&apos;s initial reading on {on} follows no final reading of the old one; its last use is unknown</source>
        <translation>{meter}：{on} 的新表起码之前没有旧表止码；旧表最后的用量未知</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the unit (单元编号), the month (月份) and access counts (门禁次数), lighting hours (照明时长), HVAC hours (空调时长) or energy (用电量)</source>
        <translation>{file}：缺少 {fields} 列（现有列：{columns}）；表头须包含单元编号、月份，以及门禁次数、照明时长、空调时长或用电量</translation>
    </message>
    <message>
        <source>{column}: no unit code</source>
        <translation>{column}：没有单元编号</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a month</source>
        <translation>{column}：无法将“{value}”识别为月份</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}”</source>
        <translation>{column}：无法识别“{value}”</translation>
    </message>
    <message>
        <source>{column}: {value} is below zero</source>
        <translation>{column}：{value} 小于零</translation>
    </message>
    <message>
        <source>{column}: {value} entries is not a whole number</source>
        <translation>{column}：通行次数 {value} 不是整数</translation>
    </message>
    <message>
        <source>{column}: {value} hours is more than the month&apos;s {most}</source>
        <translation>{column}：{value} 小时超过当月的 {most} 小时</translation>
    </message>
    <message>
        <source>no unit {unit} in the park</source>
        <translation>园区内没有单元 {unit}</translation>
    </message>
    <message>
        <source>{unit} {month} is also on row {rows}</source>
        <translation>{unit} {month} 在第 {rows} 行也有</translation>
    </message>
    <message>
        <source>{unit} has an electricity meter: the energy map reads it for the months its readings measure</source>
        <translation>{unit} 装有电表：能耗图在有抄表读数的月份按电表计算</translation>
    </message>
    <message>
        <source>{file} is a folder, not a Leasemap workspace</source>
        <translation>{file} 是文件夹，不是 Leasemap 工作区</translation>
    </message>
    <message>
        <source>{file} is empty, not a Leasemap workspace</source>
        <translation>{file} 是空文件，不是 Leasemap 工作区</translation>
    </message>
    <message>
        <source>{file} is not a Leasemap workspace (not an SQLite database)</source>
        <translation>{file} 不是 Leasemap 工作区（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>{file} is damaged or not a Leasemap workspace (truncated header)</source>
        <translation>{file} 已损坏或不是 Leasemap 工作区（文件头不完整）</translation>
    </message>
    <message>
        <source>{file} is an SQLite database but not a Leasemap workspace</source>
        <translation>{file} 是 SQLite 数据库，但不是 Leasemap 工作区</translation>
    </message>
    <message>
        <source>{file} cannot be read as a database: {detail}</source>
        <translation>无法将 {file} 作为数据库读取：{detail}</translation>
    </message>
    <message>
        <source>{file} is damaged or not a Leasemap workspace: {detail}</source>
        <translation>{file} 已损坏或不是 Leasemap 工作区：{detail}</translation>
    </message>
    <message>
        <source>{file} has no schema revision; it was never finished</source>
        <translation>{file} 没有数据结构版本号：它从未创建完成</translation>
    </message>
    <message>
        <source>{file} was written by a newer Leasemap (schema {revision}); this version reads up to schema {head}. Update Leasemap to open it.</source>
        <translation>{file} 由更新版本的 Leasemap 写入（数据结构 {revision}）；本版本最高只能读取数据结构 {head}。请升级 Leasemap 后再打开。</translation>
    </message>
    <message>
        <source>{file}: workspace metadata is missing</source>
        <translation>{file}：缺少工作区元数据</translation>
    </message>
    <message>
        <source>{file} already exists; choose another name</source>
        <translation>{file} 已存在；请换一个名称</translation>
    </message>
    <message>
        <source>upgrading the workspace to schema {revision} would break {count} references; nothing was changed</source>
        <translation>将工作区升级到数据结构 {revision} 会破坏 {count} 处引用；未做任何更改</translation>
    </message>
    <message>
        <source>the unit no longer exists (id {id})</source>
        <translation>该单元已不存在（标识 {id}）</translation>
    </message>
    <message>
        <source>the unit has been archived or removed (id {id}); it cannot be edited</source>
        <translation>该单元已归档或删除（标识 {id}），无法编辑</translation>
    </message>
    <message>
        <source>{file}: no rooms were found to import</source>
        <translation>{file}：没有找到可导入的房间</translation>
    </message>
    <message>
        <source>the workspace has no park</source>
        <translation>工作区中没有园区</translation>
    </message>
    <message>
        <source>the workspace has {count} parks; name one with --park</source>
        <translation>工作区中有 {count} 个园区；请用 --park 指定其中一个</translation>
    </message>
    <message>
        <source>{file}: no outline is labelled with a building of park {park} (buildings: {buildings}; labels found: {labels})</source>
        <translation>{file}：没有轮廓标注为园区 {park} 的楼栋（楼栋：{buildings}；找到的标注：{labels}）</translation>
    </message>
    <message>
        <source>the drawing&apos;s rooms meet only {meeting} of the {units} units on floor {floor} (level {level}): it may be another floor&apos;s drawing, or drawn from another origin</source>
        <translation>图纸中的房间只与楼层 {floor}（第 {level} 层）{units} 个单元中的 {meeting} 个重合：它可能是另一层的图纸，或以另一个原点绘制</translation>
    </message>
    <message>
        <source>the rooms&apos; numbers ({labels}) name level {named}, not level {level}: it may be another floor&apos;s drawing</source>
        <translation>房间编号（{labels}）指的是第 {named} 层，而不是第 {level} 层：它可能是另一层的图纸</translation>
    </message>
    <message>
        <source>{parts} — check the floor and the drawing, or confirm to import it anyway</source>
        <translation>{parts}——请核对楼层和图纸，或确认后仍然导入</translation>
    </message>
    <message>
        <source>{file}: permission denied</source>
        <translation>{file}：没有访问权限</translation>
    </message>
    <message>
        <source>{file}: no such file or folder</source>
        <translation>{file}：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>{file} already exists</source>
        <translation>{file} 已存在</translation>
    </message>
    <message>
        <source>{file} is a folder</source>
        <translation>{file} 是文件夹</translation>
    </message>
    <message>
        <source>{file}: the disk is full</source>
        <translation>{file}：磁盘已满</translation>
    </message>
    <message>
        <source>{file}: the disk is read-only</source>
        <translation>{file}：磁盘为只读</translation>
    </message>
    <message>
        <source>{file}: {detail}</source>
        <translation>{file}：{detail}</translation>
    </message>
    <message>
        <source>{units} is under contract {contracts}: it needs an amendment first</source>
        <translation>{units} 有合同 {contracts} 在执行或待执行：须先办理变更（补充协议）</translation>
    </message>
    <message>
        <source>{units} are not all of one use: change their use first</source>
        <translation>{units} 的用途不一致：请先统一用途</translation>
    </message>
    <message>
        <source>units on different floors cannot be merged ({units})</source>
        <translation>不同楼层的单元不能合并（{units}）</translation>
    </message>
    <message>
        <source>pick two or more units to merge</source>
        <translation>请选择两个或更多单元再合并</translation>
    </message>
    <message>
        <source>{units} not next to the others: merge only neighbours</source>
        <translation>{units} 与其他单元不相邻：只能合并相邻单元</translation>
    </message>
    <message>
        <source>{unit} has no outline on the plan</source>
        <translation>{unit} 在平面图上没有轮廓</translation>
    </message>
    <message>
        <source>{unit} is drawn in several parts: split each by hand</source>
        <translation>{unit} 由多块组成：请逐块分割</translation>
    </message>
    <message>
        <source>the units already have that use</source>
        <translation>这些单元已是该用途</translation>
    </message>
    <message>
        <source>change the use of one floor&apos;s units at a time ({units})</source>
        <translation>请一次只改一个楼层的单元用途（{units}）</translation>
    </message>
    <message>
        <source>that edit is not in this workspace</source>
        <translation>本工作区中没有这次编辑</translation>
    </message>
    <message>
        <source>that edit was already undone or redone</source>
        <translation>这次编辑已撤销或已重做</translation>
    </message>
    <message>
        <source>that floor is not in this workspace</source>
        <translation>本工作区中没有该楼层</translation>
    </message>
    <message>
        <source>the line does not cross the unit</source>
        <translation>分割线没有穿过该单元</translation>
    </message>
    <message>
        <source>the line does not cut the unit in two: draw it from wall to wall</source>
        <translation>分割线没有把单元分成两部分：请从一侧墙画到另一侧墙</translation>
    </message>
    <message>
        <source>a piece would be {area} m², under {min} m²</source>
        <translation>分割后有一块只有 {area} m²，小于 {min} m²</translation>
    </message>
    <message>
        <source>a piece would be only {width} m wide, under {min} m</source>
        <translation>分割后有一块只有 {width} m 宽，窄于 {min} m</translation>
    </message>
    <message>
        <source>the outline crosses itself (near {where})</source>
        <translation>轮廓自相交（在 {where} 附近）</translation>
    </message>
    <message>
        <source>the unit would be {area} m², under {min} m²</source>
        <translation>单元面积将为 {area} m²，小于 {min} m²</translation>
    </message>
    <message>
        <source>the outline overlaps {other} by {area} m²</source>
        <translation>轮廓与 {other} 重叠 {area} m²</translation>
    </message>
    <message>
        <source>the outline leaves the floor by {area} m²</source>
        <translation>轮廓超出楼层外轮廓 {area} m²</translation>
    </message>
    <message>
        <source>the unit is drawn in {count} parts: edit one part at a time</source>
        <translation>该单元由 {count} 块组成：请逐块编辑</translation>
    </message>
    <message>
        <source>an outline needs at least three corners ({vertices} would be left)</source>
        <translation>轮廓至少需要三个顶点（将只剩 {vertices} 个）</translation>
    </message>
    <message>
        <source>no building {building}</source>
        <translation>没有楼栋 {building}</translation>
    </message>
    <message>
        <source>building {building} has no floor at level {level}</source>
        <translation>楼栋 {building} 没有第 {level} 层</translation>
    </message>
    <message>
        <source>building {building} is in {count} parks; name one with --park</source>
        <translation>楼栋 {building} 在 {count} 个园区中都有；请用 --park 指定园区</translation>
    </message>
    <message>
        <source>{meter}: an initial (装表) {register} reading on {on} opens a new dial, and it would follow the reading {previous} of {previous_on}, which is no final (拆表) one</source>
        <translation>{meter}：{on} 的{register}装表读数用于开启新表盘，但它将接在 {previous_on} 的读数 {previous} 之后，而该读数不是拆表读数</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial is opened by an initial (装表) reading on {next_on} already</source>
        <translation>{meter}：其{register}表盘已由 {next_on} 的装表读数开启</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial was closed by a final (拆表) reading on {previous_on} already</source>
        <translation>{meter}：其{register}表盘已由 {previous_on} 的拆表读数关闭</translation>
    </message>
    <message>
        <source>{meter}: a final (拆表) {register} reading on {on} is the dial&apos;s last, but it is read on {next_on} after it</source>
        <translation>{meter}：{on} 的{register}拆表读数应为该表盘的最后一次读数，但其后 {next_on} 仍有抄表</translation>
    </message>
    <message>
        <source>{meter} was read on {on}, before {installed_on}: it was in service then</source>
        <translation>{meter} 在 {installed_on} 之前的 {on} 已有抄表：当时已在使用</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <source>{field}: “{text}” is not a number</source>
        <translation>{field}：“{text}”不是数字</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a day (write 2026-03-01)</source>
        <translation>{field}：“{text}”不是日期（请写作 2026-03-01）</translation>
    </message>
    <message>
        <source>Weight {row}: name its unit</source>
        <translation>第 {row} 行权重：请填写单元</translation>
    </message>
    <message>
        <source>Weight of {unit}</source>
        <translation>{unit} 的权重</translation>
    </message>
    <message>
        <source>Weight of {unit}: {weight} is below zero</source>
        <translation>{unit} 的权重：{weight} 小于零</translation>
    </message>
    <message>
        <source>{basis}: give each unit its weight</source>
        <translation>{basis}：请为每个单元填写权重</translation>
    </message>
    <message>
        <source>{field}: {day} is before {meter} was removed on {removed}</source>
        <translation>{field}：{day} 早于 {meter} 的拆除日期 {removed}</translation>
    </message>
    <message>
        <source>Add a meter</source>
        <translation>新增表计</translation>
    </message>
    <message>
        <source>Edit meter {code}</source>
        <translation>编辑表计 {code}</translation>
    </message>
    <message>
        <source>A main meter has no parent; a sub meter hangs under its parent and bills a unit, serves a common area (no unit), or feeds sub meters of its own. What a meter measures beyond its sub meters is shared over the units beneath it by its basis.</source>
        <translation>总表没有上级表；分表挂在上级表之下，计量一个单元、服务公共区域（不填单元），或再带下级分表。一块表计量超出其分表之和的部分，按其分摊依据分摊给其下的单元。</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>表号：</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>能源类型：</translation>
    </message>
    <message>
        <source>Parent meter:</source>
        <translation>上级表：</translation>
    </message>
    <message>
        <source>Unit billed:</source>
        <translation>计费单元：</translation>
    </message>
    <message>
        <source>Multiplier:</source>
        <translation>倍率：</translation>
    </message>
    <message>
        <source>Dial rolls over at:</source>
        <translation>表盘翻转值：</translation>
    </message>
    <message>
        <source>Registers:</source>
        <translation>计度器：</translation>
    </message>
    <message>
        <source>Tariff:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>Installed on:</source>
        <translation>安装日期：</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>拆除日期：</translation>
    </message>
    <message>
        <source>Replaces:</source>
        <translation>替换表计：</translation>
    </message>
    <message>
        <source>Shared by:</source>
        <translation>分摊依据：</translation>
    </message>
    <message>
        <source>As on the meter&apos;s nameplate</source>
        <translation>与表计铭牌上的编号一致</translation>
    </message>
    <message>
        <source>The unit&apos;s code; blank for a main, sub-main or common area meter</source>
        <translation>单元编号；总表、分总表或公共区域表留空</translation>
    </message>
    <message>
        <source>1, or the CT ratio (80)</source>
        <translation>1，或电流互感器变比（80）</translation>
    </message>
    <message>
        <source>100000 for a dial up to 99999.9; blank: it never wraps</source>
        <translation>表盘最大 99999.9 时填 100000；留空：不翻转</translation>
    </message>
    <message>
        <source>2026-03-01, or blank</source>
        <translation>2026-03-01，或留空</translation>
    </message>
    <message>
        <source>blank while in service</source>
        <translation>在用时留空</translation>
    </message>
    <message>
        <source>(none: a main meter)</source>
        <translation>（无：总表）</translation>
    </message>
    <message>
        <source>The meter record this one takes the place of: a new dial or CT ratio at the same point. Its final reading and this one&apos;s initial reading make the month add up.</source>
        <translation>本表计所替换的表计记录：同一计量点换了新表或新的互感器变比。旧表止码与本表起码使当月用量前后衔接。</translation>
    </message>
    <message>
        <source>(none: not priced)</source>
        <translation>（无：不计价）</translation>
    </message>
    <message>
        <source>New tariff…</source>
        <translation>新建价格…</translation>
    </message>
    <message>
        <source>Add a tariff, or a new version of one; it is listed here once saved</source>
        <translation>新增价格或价格的新版本；保存后即列在此处</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed}: this meter cannot be installed before it.</source>
        <translation>{meter} 于 {removed} 拆除：本表计的安装日期不能早于该日。</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed}; this meter takes its place from then.</source>
        <translation>{meter} 于 {removed} 拆除；本表计自该日起接替。</translation>
    </message>
    <message>
        <source>Give the day this meter was installed: {meter} is marked removed on it.</source>
        <translation>请填写本表计的安装日期：{meter} 将记为于该日拆除。</translation>
    </message>
    <message>
        <source>Saving marks {meter} removed on {day}, the day this meter is installed.</source>
        <translation>保存后，{meter} 将记为于 {day}（本表计安装之日）拆除。</translation>
    </message>
    <message>
        <source>Its final reading is not entered yet: Archive… {meter} asks for it; until then its months after its last reading are held as not read.</source>
        <translation>其止码尚未录入：对 {meter} 执行“归档…”时填写；在此之前，其最后一次抄表之后的月份按未抄表暂不计费。</translation>
    </message>
    <message>
        <source>this meter</source>
        <translation>本表计</translation>
    </message>
    <message>
        <source>1 sub meter moves from {meter} to {code}: {meters}.</source>
        <translation>1 块分表从 {meter} 移到 {code}：{meters}。</translation>
    </message>
    <message>
        <source>{count} sub meters move from {meter} to {code}: {meters}.</source>
        <translation>{count} 块分表从 {meter} 移到 {code}：{meters}。</translation>
    </message>
    <message>
        <source>Past months stay as they were: the two records are one place in the tree.</source>
        <translation>以往月份保持不变：新旧两条记录在表计树中是同一位置。</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单元</translation>
    </message>
    <message>
        <source>Remove unit</source>
        <translation>移除单元</translation>
    </message>
    <message>
        <source>Units beneath</source>
        <translation>其下单元</translation>
    </message>
    <message>
        <source>A row, weight 1, for every unit metered beneath this meter</source>
        <translation>为此表之下计量的每个单元添加一行，权重 1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MeterImport</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表计</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>计度器</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Used since the previous</source>
        <translation>较上次用量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags or why refused</source>
        <translation>异常标记或拒收原因</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>预演已取消。</translation>
    </message>
    <message>
        <source>Choose a readings file</source>
        <translation>选择抄表文件</translation>
    </message>
    <message>
        <source>Readings (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>抄表文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Row {row}, {meter}: {status}</source>
        <translation>第 {row} 行，{meter}：{status}</translation>
    </message>
    <message>
        <source>Used {used} since {previous_on}</source>
        <translation>自 {previous_on} 起用量 {used}</translation>
    </message>
    <message>
        <source>Import meter readings</source>
        <translation>导入抄表读数</translation>
    </message>
    <message>
        <source>An Excel or CSV file with a meter code (表号), the day read (抄表日期) and the reading (读数) on each row, or one column per register (峰, 平, 谷, 尖). Rehearse it to see every reading, what it used and its flags; nothing is written until you import, and importing the same file again adds nothing.</source>
        <translation>Excel 或 CSV 文件，每行一个表号、抄表日期和读数，或每个计度器一列（峰、平、谷、尖）。先预演，查看每条读数、用量及异常标记；导入前不写入任何内容，同一文件再次导入不会重复添加。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>预演</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only refused and flagged readings</source>
        <translation>只看拒收和有异常标记的读数</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing the readings…</source>
        <translation>正在导入读数…</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <source>Choose a readings file to begin.</source>
        <translation>请选择抄表文件。</translation>
    </message>
    <message>
        <source>Rehearse the file to see the readings it holds.</source>
        <translation>预演文件以查看其中的读数。</translation>
    </message>
    <message>
        <source>{rows} readings under the header on row {header}: {added} to add, {corrected} to correct, {unchanged} already there, {rejected} refused; {flagged} flagged. Nothing is written until you import.</source>
        <translation>第 {header} 行表头下共 {rows} 条读数：新增 {added} 条，更正 {corrected} 条，已存在 {unchanged} 条，拒收 {rejected} 条；有异常标记 {flagged} 条。导入前不写入任何内容。</translation>
    </message>
    <message>
        <source>{rows} readings under the header on row {header}: {unchanged} already there, {rejected} refused; there is nothing new to import.</source>
        <translation>第 {header} 行表头下共 {rows} 条读数：已存在 {unchanged} 条，拒收 {rejected} 条；没有可导入的新读数。</translation>
    </message>
    <message>
        <source>Imported in one go: {added} readings added, {corrected} corrected, {unchanged} already there, {rejected} refused; {flagged} flagged, to be checked before billing. Importing the file again adds nothing.</source>
        <translation>已一次导入：新增读数 {added} 条，更正 {corrected} 条，已存在 {unchanged} 条，拒收 {rejected} 条；有异常标记 {flagged} 条，出账前请核查。再次导入同一文件不会重复添加。</translation>
    </message>
</context>
<context>
    <name>MeterReadings</name>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>Saved in one go: {new} new, {correction} corrected, {unchanged} already there, {rejected} refused. A refused row keeps what you typed: correct it and save again.</source>
        <translation>已一次保存：新增 {new} 条，更正 {correction} 条，已存在 {unchanged} 条，拒收 {rejected} 条。被拒收的行保留您输入的内容：改正后再保存。</translation>
    </message>
    <message>
        <source>Saved in one go: {new} new, {correction} corrected, {unchanged} already there.</source>
        <translation>已一次保存：新增 {new} 条，更正 {correction} 条，已存在 {unchanged} 条。</translation>
    </message>
    <message>
        <source>Refused: {why}</source>
        <translation>拒收：{why}</translation>
    </message>
    <message>
        <source>Saved: corrects {before}</source>
        <translation>已保存：更正原读数 {before}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Type a reading in a row to save it.</source>
        <translation>请先在某行输入读数再保存。</translation>
    </message>
    <message>
        <source>Saving the readings…</source>
        <translation>正在保存读数…</translation>
    </message>
    <message>
        <source>{count} meters; {typed} readings typed, {flagged} flagged, {bad} not numbers.</source>
        <translation>共 {count} 块表；已输入读数 {typed} 条，有异常标记 {flagged} 条，非数字 {bad} 条。</translation>
    </message>
    <message>
        <source>Enter readings</source>
        <translation>录入读数</translation>
    </message>
    <message>
        <source>Type each meter&apos;s reading as its dial shows it. The use since the previous reading (multiplier applied) and the flags are worked out as you type: a fall that is no rollover, a spike, a reading out of order. Save writes them all in one go; flagged readings are written and are to be checked before billing.</source>
        <translation>按表盘显示输入每块表的读数。输入时即计算较上次读数的用量（已乘倍率）和异常标记：非翻转的读数下降、用量突增、读数日期倒序。保存时一次写入全部读数；有异常标记的读数照常写入，出账前请核查。</translation>
    </message>
    <message>
        <source>Kind: an initial (装表) reading opens a new meter&apos;s dial as it is installed, a final (拆表) one closes an old meter&apos;s as it is taken out; any other reading is an ordinary one.</source>
        <translation>类型：装表读数是新表安装时表盘的起码，拆表读数是旧表拆除时表盘的止码；其余均为日常抄表读数。</translation>
    </message>
    <message>
        <source>Read on:</source>
        <translation>抄表日期：</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>计度器</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>上次日期</translation>
    </message>
    <message>
        <source>Previous reading</source>
        <translation>上次读数</translation>
    </message>
    <message>
        <source>New reading</source>
        <translation>本次读数</translation>
    </message>
    <message>
        <source>Used ({unit})</source>
        <translation>用量（{unit}）</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常标记</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Initial (装表): a new meter&apos;s first figure, on the day it is installed; Final (拆表): an old meter&apos;s last, on the day it is taken out</source>
        <translation>装表读数：新表安装当日的表盘读数；拆表读数：旧表拆除当日的表盘读数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MeterStatement</name>
    <message>
        <source>Reading the statement…</source>
        <translation>正在读取分摊明细…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>文件无法写入：{problem}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Shared statement (公摊) of {meter}</source>
        <translation>{meter} 的公摊明细</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Meters</name>
    <message>
        <source>Electricity</source>
        <translation>电</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>热</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <source>GJ</source>
        <translation>吉焦</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总</translation>
    </message>
    <message>
        <source>Sharp</source>
        <translation>尖</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>平</translation>
    </message>
    <message>
        <source>Valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>By area</source>
        <translation>按面积</translation>
    </message>
    <message>
        <source>By floor weights</source>
        <translation>按楼层权重</translation>
    </message>
    <message>
        <source>By headcount</source>
        <translation>按人数</translation>
    </message>
    <message>
        <source>By agreed weights</source>
        <translation>按约定权重</translation>
    </message>
    <message>
        <source>Main meter</source>
        <translation>总表</translation>
    </message>
    <message>
        <source>Unit meter</source>
        <translation>单元表</translation>
    </message>
    <message>
        <source>Common area meter</source>
        <translation>公共区域表</translation>
    </message>
    <message>
        <source>Sub-main meter</source>
        <translation>分总表</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>抄表</translation>
    </message>
    <message>
        <source>Initial (装表)</source>
        <translation>装表读数</translation>
    </message>
    <message>
        <source>Final (拆表)</source>
        <translation>拆表读数</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading at all</source>
        <translation>{meter}：没有任何{register}读数</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading on or before {start}; counted from the first one known</source>
        <translation>{meter}：{start} 当日及之前没有{register}读数；从已知的第一条读数起算</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading from {start} to {end}; the next reading catches up</source>
        <translation>{meter}：{start} 至 {end} 没有{register}读数；下次抄表时补计</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading from {start} to {end}</source>
        <translation>{meter}：{start} 至 {end} 没有{register}读数</translation>
    </message>
    <message>
        <source>{meter}: installed on {installed_on} with no initial (装表) {register} reading; its use until its first reading is unknown: give the dial&apos;s figure on that day</source>
        <translation>{meter}：于 {installed_on} 安装，但没有{register}装表读数；其至首次抄表的用量不明：请补录当日的表盘读数</translation>
    </message>
    <message>
        <source>{meter}: removed on {removed_on} with no final (拆表) {register} reading; its use since {since} is unknown: give the dial&apos;s figure on that day</source>
        <translation>{meter}：于 {removed_on} 拆除，但没有{register}拆表读数；其自 {since} 起的用量不明：请补录当日的表盘读数</translation>
    </message>
    <message>
        <source>{meter}: installed on {on}, its dial at {value}</source>
        <translation>{meter}：于 {on} 安装，起码 {value}</translation>
    </message>
    <message>
        <source>{meter}: installed on {on}; it measured nothing before</source>
        <translation>{meter}：于 {on} 安装；此前未计量</translation>
    </message>
    <message>
        <source>{meter}: its sub meters measured {subs}, more than its own {main}; nothing is shared until the meters are checked</source>
        <translation>{meter}：其分表合计 {subs}，多于其自身的 {main}；表计核查前不作分摊</translation>
    </message>
    <message>
        <source>{meter}: {shared} to share, but the weights of its basis add up to 0</source>
        <translation>{meter}：待分摊 {shared}，但其分摊依据的权重合计为 0</translation>
    </message>
    <message>
        <source>{meter}: {shared} to share, but no unit of its basis was connected in this period; nothing is shared</source>
        <translation>{meter}：待分摊 {shared}，但本期其分摊依据中没有任何单元接入；不作分摊</translation>
    </message>
    <message>
        <source>{meter}: unit {unit} is metered by {by} but has no weight in the basis; it gets no share</source>
        <translation>{meter}：单元 {unit} 由 {by} 计量，但在分摊依据中没有权重，不参与分摊</translation>
    </message>
    <message>
        <source>{meter}: the shared {shared} cannot be priced ({problem})</source>
        <translation>{meter}：公摊量 {shared} 无法计价（{problem}）</translation>
    </message>
    <message>
        <source>{meter}&apos;s sub meters do not all have its registers ({registers}): the shared consumption is worked out as a total</source>
        <translation>{meter} 的分表并非都有其计度器（{registers}）：公摊量按总量计算</translation>
    </message>
    <message>
        <source>{old} was replaced by {new} on {on}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter&apos;s consumption is the two, {main} {unit}</source>
        <translation>{old} 于 {on} 换为 {new}：{old} 至拆表读数计量 {old_use} {unit}，{new} 自装表读数计量 {new_use} {unit}；总表用量为两者之和 {main} {unit}</translation>
    </message>
    <message>
        <source>{old} was replaced by {new}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter&apos;s consumption is the two, {main} {unit}</source>
        <translation>{old} 换为 {new}：{old} 至拆表读数计量 {old_use} {unit}，{new} 自装表读数计量 {new_use} {unit}；总表用量为两者之和 {main} {unit}</translation>
    </message>
    <message>
        <source>The shared total is priced over the time-of-use registers as the main meter measured them: {registers}</source>
        <translation>公摊总量按总表各时段的计量比例分配到各时段计价：{registers}</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>读数下降</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>用量突增</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>日期倒序</translation>
    </message>
    <message>
        <source>Off the dial</source>
        <translation>超出表盘</translation>
    </message>
    <message>
        <source>Unknown register</source>
        <translation>未知计度器</translation>
    </message>
    <message>
        <source>No readings</source>
        <translation>无读数</translation>
    </message>
    <message>
        <source>No opening reading</source>
        <translation>无期初读数</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>未抄表</translation>
    </message>
    <message>
        <source>No initial reading</source>
        <translation>无新表起码</translation>
    </message>
    <message>
        <source>No final reading</source>
        <translation>无旧表止码</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已装表</translation>
    </message>
    <message>
        <source>Not installed yet</source>
        <translation>尚未安装</translation>
    </message>
    <message>
        <source>Initial refused</source>
        <translation>装表读数将被拒收</translation>
    </message>
    <message>
        <source>Final refused</source>
        <translation>拆表读数将被拒收</translation>
    </message>
    <message>
        <source>Rollover</source>
        <translation>表盘翻转</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换表</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>小于零</translation>
    </message>
    <message>
        <source>Shared consumption statement (公摊) of {meter}</source>
        <translation>{meter} 公摊明细</translation>
    </message>
    <message>
        <source>{utility}, {start} to {last}: each meter from its last reading on or before {start} to its last on or before {end}</source>
        <translation>{utility}，{start} 至 {last}：每块表自 {start} 当日及之前的最后一次读数，至 {end} 当日及之前的最后一次读数</translation>
    </message>
    <message>
        <source>Consumption ({unit})</source>
        <translation>用量（{unit}）</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表计</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Σ sub meters</source>
        <translation>分表合计</translation>
    </message>
    <message>
        <source>Main meter ({meters})</source>
        <translation>总表（{meters}）</translation>
    </message>
    <message>
        <source>Unmetered (main − Σ sub meters): line loss and common use no sub meter sees</source>
        <translation>未计量部分（总表 − 分表合计）：线损及无分表的公共用量</translation>
    </message>
    <message>
        <source>Common area meters (serving no unit)</source>
        <translation>公共区域表（不对应单元）</translation>
    </message>
    <message>
        <source>Shared (unmetered + common)</source>
        <translation>公摊量（未计量 + 公共区域）</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>分摊依据</translation>
    </message>
    <message>
        <source>Denominator (Σ weights)</source>
        <translation>分母（权重合计）</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>Rate (shared ÷ denominator)</source>
        <translation>分摊系数（公摊量 ÷ 分母）</translation>
    </message>
    <message>
        <source>{unit} per m²</source>
        <translation>{unit}/m²</translation>
    </message>
    <message>
        <source>{unit} per weight</source>
        <translation>{unit}/权重</translation>
    </message>
    <message>
        <source>Shared charge</source>
        <translation>公摊费用</translation>
    </message>
    <message>
        <source>not priced</source>
        <translation>未计价</translation>
    </message>
    <message>
        <source>the meter has no tariff</source>
        <translation>此表未设价格</translation>
    </message>
    <message>
        <source>Not shared (see the flags)</source>
        <translation>未分摊（见异常标记）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>In</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>金额（{currency}）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Fraction</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Own meters ({unit})</source>
        <translation>自有表用量（{unit}）</translation>
    </message>
    <message>
        <source>Share ({unit})</source>
        <translation>公摊量（{unit}）</translation>
    </message>
    <message>
        <source>Total use ({unit})</source>
        <translation>合计用量（{unit}）</translation>
    </message>
    <message>
        <source>All units sharing</source>
        <translation>分摊单元合计</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>no share: not connected</source>
        <translation>不分摊：未接入</translation>
    </message>
    <message>
        <source>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}; Σ amounts {charged} = the shared charge {charge}</source>
        <translation>核对无误：总表 {main} = 分表合计 {subs} + 未计量 {unmetered}；各单元公摊量合计 {allocated} = 公摊量 {shared}；各单元金额合计 {charged} = 公摊费用 {charge}</translation>
    </message>
    <message>
        <source>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}</source>
        <translation>核对无误：总表 {main} = 分表合计 {subs} + 未计量 {unmetered}；各单元公摊量合计 {allocated} = 公摊量 {shared}</translation>
    </message>
    <message>
        <source>Not shared in full: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} of shared {shared}; Σ amounts {charged} of the shared charge {charge}</source>
        <translation>未全部分摊：总表 {main} = 分表合计 {subs} + 未计量 {unmetered}；公摊量 {shared} 中已分摊 {allocated}；公摊费用 {charge} 中已分摊 {charged}</translation>
    </message>
    <message>
        <source>Main meter up to {day} (replaced)</source>
        <translation>总表，至 {day}（已换表）</translation>
    </message>
    <message>
        <source>Main meter (replaced)</source>
        <translation>总表（已换表）</translation>
    </message>
    <message>
        <source>Main meter from {day} (replacement)</source>
        <translation>总表，自 {day}（新换表）</translation>
    </message>
    <message>
        <source>Main meter (replacement)</source>
        <translation>总表（新换表）</translation>
    </message>
    <message>
        <source>its meter {meter} installed only on {on}</source>
        <translation>其表计 {meter} 于 {on} 才安装</translation>
    </message>
    <message>
        <source>its meter {meter} removed on {on}</source>
        <translation>其表计 {meter} 已于 {on} 拆除</translation>
    </message>
    <message>
        <source>{unit} takes no share: not connected in this period ({why})</source>
        <translation>{unit} 不分摊：本期未接入（{why}）</translation>
    </message>
</context>
<context>
    <name>MetersFlow</name>
    <message>
        <source>Remove meter</source>
        <translation>删除表计</translation>
    </message>
    <message>
        <source>Remove meter {code}? It was never read and no bill names it, so it is deleted; its code is not used again.</source>
        <translation>删除表计 {code}？它从未抄表，也没有账单引用，因此将被删除；其编号不再使用。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Shared statement</source>
        <translation>公摊明细</translation>
    </message>
    <message>
        <source>Meter {code} saved.</source>
        <translation>表计 {code} 已保存。</translation>
    </message>
    <message>
        <source>{count} readings saved.</source>
        <translation>已保存 {count} 条读数。</translation>
    </message>
    <message>
        <source>Readings imported: {added} added, {corrected} corrected.</source>
        <translation>读数已导入：新增 {added} 条，更正 {corrected} 条。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Meter {code} archived: removed on {day}.</source>
        <translation>表计 {code} 已归档：拆除日期 {day}。</translation>
    </message>
    <message>
        <source>Meter {code} removed.</source>
        <translation>表计 {code} 已删除。</translation>
    </message>
    <message>
        <source>Meter {code} restored.</source>
        <translation>表计 {code} 已恢复。</translation>
    </message>
</context>
<context>
    <name>MetersWindow</name>
    <message>
        <source>Reading the meters…</source>
        <translation>正在读取表计…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No {utility} meters yet: add a main meter, then its sub meters and the units&apos; meters under it.</source>
        <translation>还没有{utility}表：请先新增总表，再在其下新增分表和单元表。</translation>
    </message>
    <message>
        <source>{utility}, {month}: {count} meters, {flagged} flagged. Use in the month runs from the last reading on or before its first day to the last on or before the next month&apos;s first day.</source>
        <translation>{utility}，{month}：共 {count} 块表，{flagged} 块有异常标记。当月用量自当月首日及之前的最后一次读数，至次月首日及之前的最后一次读数。</translation>
    </message>
    <message>
        <source>{count} archived meters are not shown (Show archived lists them).</source>
        <translation>另有 {count} 块已归档表计未显示（勾选“显示已归档”可列出）。</translation>
    </message>
    <message>
        <source>under {parent}</source>
        <translation>上级表 {parent}</translation>
    </message>
    <message>
        <source>a main meter</source>
        <translation>总表</translation>
    </message>
    <message>
        <source>bills unit {unit}</source>
        <translation>计量单元 {unit}</translation>
    </message>
    <message>
        <source>registers: {registers}</source>
        <translation>计度器：{registers}</translation>
    </message>
    <message>
        <source>its dial rolls over at {count}</source>
        <translation>表盘于 {count} 翻转</translation>
    </message>
    <message>
        <source>shares its unmetered use {basis}</source>
        <translation>未计量部分{basis}分摊</translation>
    </message>
    <message>
        <source>installed on {day}</source>
        <translation>于 {day} 安装</translation>
    </message>
    <message>
        <source>replaces {meter}</source>
        <translation>替换 {meter}</translation>
    </message>
    <message>
        <source>replaced by {meter}</source>
        <translation>已被 {meter} 替换</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>A meter that was read is archived, never removed: its readings stay</source>
        <translation>抄过表的表计只能归档，不能删除：其读数保留</translation>
    </message>
    <message>
        <source>Choose a meter with sub meters: its unmetered use is what is shared</source>
        <translation>请选择带分表的表计：公摊的是它未被分表计量的部分</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>倍率</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>最近抄表</translation>
    </message>
    <message>
        <source>Last reading</source>
        <translation>最近读数</translation>
    </message>
    <message>
        <source>Used in {month} ({unit})</source>
        <translation>{month} 用量（{unit}）</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常标记</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>表计</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>能源类型：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Add meter…</source>
        <translation>新增表计…</translation>
    </message>
    <message>
        <source>Edit meter…</source>
        <translation>编辑表计…</translation>
    </message>
    <message>
        <source>Enter readings…</source>
        <translation>录入读数…</translation>
    </message>
    <message>
        <source>Import readings…</source>
        <translation>导入读数…</translation>
    </message>
    <message>
        <source>Shared statement (公摊)…</source>
        <translation>公摊明细…</translation>
    </message>
    <message>
        <source>Archived: removed on {day}</source>
        <translation>已归档：{day} 拆除</translation>
    </message>
    <message>
        <source>Tariffs…</source>
        <translation>价格…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>List the meters taken out of service too, greyed, with the day each was removed</source>
        <translation>同时列出已停用的表计（灰色显示），并注明各自的拆除日期</translation>
    </message>
    <message>
        <source>Take the meter out of service from the day it was removed, with its final reading: its readings stay, and it bills up to that day</source>
        <translation>自拆除之日起停用该表计，并录入止码：其读数保留，计费到该日为止</translation>
    </message>
    <message>
        <source>Put the archived meter back in service: its dial runs on from its final reading</source>
        <translation>恢复使用已归档的表计：表盘读数从止码接续</translation>
    </message>
    <message>
        <source>The utility&apos;s tariffs (flat, tiered, time of use) and their versions: add one, or a new price from a day</source>
        <translation>本能源的价格（单一价、阶梯价、峰谷分时）及其版本：新增价格，或自某日起的新单价</translation>
    </message>
    <message>
        <source>Enter the month-end readings of the meter chosen and every meter under it (of the whole tree when none is chosen)</source>
        <translation>录入所选表计及其下所有表计的月末读数（未选择时为全部表计）</translation>
    </message>
    <message>
        <source>Import readings from an Excel or CSV file: meter code, day read, reading</source>
        <translation>从 Excel 或 CSV 文件导入读数：表号、抄表日期、读数</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NewParkDialog</name>
    <message>
        <source>New park</source>
        <translation>新建园区</translation>
    </message>
    <message>
        <source>A workspace holds a park; floor plans are imported into it. Name the park this workspace is for.</source>
        <translation>工作区包含一个园区，平面图导入到该园区中。请填写此工作区对应的园区。</translation>
    </message>
    <message>
        <source>Park name</source>
        <translation>园区名称</translation>
    </message>
    <message>
        <source>Park code</source>
        <translation>园区编号</translation>
    </message>
    <message>
        <source>e.g. ZD; unit codes start with it</source>
        <translation>字母或数字，单元编号以它开头</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
</context>
<context>
    <name>PageOptionsDialog</name>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Whole stacking plan on one page (labels stay 6 pt or larger)</source>
        <translation>整栋楼栋租控图排在一页（标签不小于 6 磅）</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
</context>
<context>
    <name>ParkTree</name>
    <message>
        <source>Park / building / floor</source>
        <translation>园区 / 楼栋 / 楼层</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
</context>
<context>
    <name>PaymentEntryDialog</name>
    <message>
        <source>Enter a payment</source>
        <translation>录入收款</translation>
    </message>
    <message>
        <source>Money received outside a bank statement: cash, a cheque, a transfer to an account whose statements are not imported. With a tenant it pays the tenant&apos;s oldest bills first; without one it waits in Payments to match.</source>
        <translation>银行流水以外收到的款项：现金、支票、转入未导入流水的账户的款项。选择租户时按该租户最早的账单依次核销；不选租户则进入“待匹配收款”。</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>收款日期：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Payer:</source>
        <translation>付款人：</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>附言：</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>租户：</translation>
    </message>
    <message>
        <source>e.g. 12540.00</source>
        <translation>例如 12540.00</translation>
    </message>
    <message>
        <source>What the payer wrote, a bill or contract number</source>
        <translation>付款人的附言，如账单号或合同号</translation>
    </message>
    <message>
        <source>(none: it waits in Payments to match)</source>
        <translation>（无：进入“待匹配收款”）</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The amount cannot be read: type it as 1234.56.</source>
        <translation>金额无法识别：请按 1234.56 的格式输入。</translation>
    </message>
    <message>
        <source>A payment is an amount above 0.00.</source>
        <translation>收款金额必须大于 0.00。</translation>
    </message>
</context>
<context>
    <name>PaymentQueue</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未核销</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <source>Best candidate</source>
        <translation>最可能的租户</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
</context>
<context>
    <name>PaymentQueuePanel</name>
    <message>
        <source>the payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Allocate %1 as shown (bills: %2), then refund the remaining %3 to %4? A refund is a ledger entry: it is not undone.</source>
        <translation>按所示核销 %1（账单 %2 张），再将剩余的 %3 退还给 %4？退款是一笔台账记录，无法撤销。</translation>
    </message>
    <message>
        <source>Refund %3 to %4? A refund is a ledger entry: it is not undone.</source>
        <translation>将 %3 退还给 %4？退款是一笔台账记录，无法撤销。</translation>
    </message>
    <message>
        <source>Refund the remainder</source>
        <translation>退还余款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1: %2 from %3</source>
        <translation>%1：%2，付款人 %3</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>（无付款人）</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>附言：%1</translation>
    </message>
    <message>
        <source>Bank reference: %1</source>
        <translation>银行流水号：%1</translation>
    </message>
    <message>
        <source>Still to allocate: %1</source>
        <translation>尚待核销：%1</translation>
    </message>
    <message>
        <source>Not allocated automatically: %1</source>
        <translation>未自动核销：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>No tenant is proposed: choose one to allocate to, or refund the payment.</source>
        <translation>没有建议的租户：请选择要核销的租户，或退还这笔收款。</translation>
    </message>
    <message>
        <source>(choose a tenant)</source>
        <translation>（选择租户）</translation>
    </message>
    <message>
        <source>Not proposed by matching: the tenant&apos;s oldest open bills first.</source>
        <translation>非匹配建议：按该租户最早的未结账单依次核销。</translation>
    </message>
    <message>
        <source>Remember “%1” as a name of %2</source>
        <translation>记住“%1”为 %2 的付款名称</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1（未结 %2）</translation>
    </message>
    <message>
        <source>An amount cannot be read: type it as 1234.56.</source>
        <translation>有金额无法识别：请按 1234.56 的格式输入。</translation>
    </message>
    <message>
        <source>Allocating %1 of the %2 the payment holds.</source>
        <translation>核销 %1，该笔收款可用 %2。</translation>
    </message>
    <message>
        <source>That is %1 more than it holds.</source>
        <translation>超出可用金额 %1。</translation>
    </message>
    <message>
        <source>%1 stays with the payment: refund it, or keep it as credit.</source>
        <translation>%1 留在该笔收款中：可退款，或作为预收款保留。</translation>
    </message>
    <message>
        <source>%1 is owed %2, not %3.</source>
        <translation>%1 欠款 %2，不是 %3。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Who may have paid it (best first):</source>
        <translation>可能的付款租户（按可能性排序）：</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Allocates</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <source>Left over</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Allocate to:</source>
        <translation>核销给：</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Add bill</source>
        <translation>添加账单</translation>
    </message>
    <message>
        <source>Remove bill</source>
        <translation>移除账单</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认核销</translation>
    </message>
    <message>
        <source>Reading the payments…</source>
        <translation>正在读取收款…</translation>
    </message>
    <message>
        <source>Open a workspace to see its payments.</source>
        <translation>打开工作区以查看其收款。</translation>
    </message>
    <message>
        <source>Every payment is allocated: nothing to match.</source>
        <translation>所有收款均已核销：没有待匹配的收款。</translation>
    </message>
    <message>
        <source>Payments to match: %1, %2 not allocated.</source>
        <translation>待匹配收款 %1 笔，未核销 %2。</translation>
    </message>
    <message>
        <source>Refund %1…</source>
        <translation>退款 %1…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
</context>
<context>
    <name>PaymentText</name>
    <message>
        <source>allocated automatically</source>
        <translation>已自动核销</translation>
    </message>
    <message>
        <source>to confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>the payer is {name}, the tenant&apos;s name</source>
        <translation>付款人为 {name}，即租户名称</translation>
    </message>
    <message>
        <source>the payer is {alias}, a name confirmed for the tenant</source>
        <translation>付款人为 {alias}，是已确认的该租户付款名称</translation>
    </message>
    <message>
        <source>the payer {payer} is the name of {tenants} tenants</source>
        <translation>付款人 {payer} 与 {tenants} 个租户同名</translation>
    </message>
    <message>
        <source>the payer is {name}, the tenant&apos;s short name</source>
        <translation>付款人为 {name}，即租户简称</translation>
    </message>
    <message>
        <source>the payer {payer} is like {name} ({similarity} of their character pairs in common)</source>
        <translation>付款人 {payer} 与 {name} 相似（字符对重合 {similarity}）</translation>
    </message>
    <message>
        <source>the payer {payer} is not the tenant&apos;s name</source>
        <translation>付款人 {payer} 不是该租户的名称</translation>
    </message>
    <message>
        <source>the payer {payer} is no tenant&apos;s name</source>
        <translation>付款人 {payer} 不是任何租户的名称</translation>
    </message>
    <message>
        <source>the payer is neither the tenant&apos;s name nor a name confirmed for it</source>
        <translation>付款人既不是租户名称，也不是已确认的付款名称</translation>
    </message>
    <message>
        <source>the remarks name bill {bills}</source>
        <translation>附言注明了账单 {bills}</translation>
    </message>
    <message>
        <source>the remarks name contract {contracts}</source>
        <translation>附言注明了合同 {contracts}</translation>
    </message>
    <message>
        <source>the remarks also name {contract}, another tenant&apos;s contract</source>
        <translation>附言还注明了其他租户的合同 {contract}</translation>
    </message>
    <message>
        <source>the remarks name another tenant&apos;s contract</source>
        <translation>附言注明了其他租户的合同</translation>
    </message>
    <message>
        <source>the remarks name bill {bill}, which is not open (paid already?)</source>
        <translation>附言注明的账单 {bill} 已无欠款（可能已付过）</translation>
    </message>
    <message>
        <source>the remarks name a bill that is not open</source>
        <translation>附言注明的账单已无欠款</translation>
    </message>
    <message>
        <source>the remarks name no bill and no contract</source>
        <translation>附言未注明账单或合同</translation>
    </message>
    <message>
        <source>the amount pays {bills} bills exactly</source>
        <translation>金额恰好付清 {bills} 张账单</translation>
    </message>
    <message>
        <source>the amount pays the bill exactly</source>
        <translation>金额恰好付清该账单</translation>
    </message>
    <message>
        <source>{short} short of the bill&apos;s {expected}</source>
        <translation>比账单金额 {expected} 少 {short}</translation>
    </message>
    <message>
        <source>pays {bills} bills whole and {bill} in part ({left} left on it)</source>
        <translation>付清 {bills} 张账单，部分支付 {bill}（尚欠 {left}）</translation>
    </message>
    <message>
        <source>pays one bill whole and {bill} in part ({left} left on it)</source>
        <translation>付清 1 张账单，部分支付 {bill}（尚欠 {left}）</translation>
    </message>
    <message>
        <source>pays {bills} bills whole, with {remainder} over</source>
        <translation>付清 {bills} 张账单，多出 {remainder}</translation>
    </message>
    <message>
        <source>pays the bill whole, with {remainder} over</source>
        <translation>付清该账单，多出 {remainder}</translation>
    </message>
    <message>
        <source>the tenant has no open bill: {remainder} has nowhere to go</source>
        <translation>该租户没有未结账单：{remainder} 无可核销</translation>
    </message>
    <message>
        <source>only the amount: {amount} is exactly what this tenant owes on a bill</source>
        <translation>仅金额相符：{amount} 恰为该租户一张账单的欠款</translation>
    </message>
    <message>
        <source>only the amount points at a tenant</source>
        <translation>仅金额指向某租户</translation>
    </message>
    <message>
        <source>the amount does not pay whole bills exactly</source>
        <translation>金额与整张账单不完全相符</translation>
    </message>
    <message>
        <source>the amount {amount} is not above zero</source>
        <translation>金额 {amount} 不大于零</translation>
    </message>
    <message>
        <source>{tenants} tenants owe exactly this amount</source>
        <translation>有 {tenants} 个租户的欠款恰为此金额</translation>
    </message>
    <message>
        <source>no open bill is of {amount}</source>
        <translation>没有金额为 {amount} 的未结账单</translation>
    </message>
    <message>
        <source>{count} tenants may have paid it</source>
        <translation>可能付款的租户有 {count} 个</translation>
    </message>
    <message>
        <source>row {line}: paid out {amount}, not a receipt</source>
        <translation>第 {line} 行：支出 {amount}，不是收款</translation>
    </message>
    <message>
        <source>row {line}: cannot read the date “{value}”</source>
        <translation>第 {line} 行：无法识别日期“{value}”</translation>
    </message>
    <message>
        <source>row {line}: no date</source>
        <translation>第 {line} 行：没有日期</translation>
    </message>
    <message>
        <source>row {line}: cannot read the amount “{value}” ({column})</source>
        <translation>第 {line} 行：无法识别金额“{value}”（{column}）</translation>
    </message>
    <message>
        <source>row {line}: no amount</source>
        <translation>第 {line} 行：没有金额</translation>
    </message>
    <message>
        <source>row {line}: an amount of 0</source>
        <translation>第 {line} 行：金额为 0</translation>
    </message>
    <message>
        <source>row {line}: the amount {value} has a fraction of a cent</source>
        <translation>第 {line} 行：金额 {value} 不足一分</translation>
    </message>
    <message>
        <source>row {line}: both a debit ({debit}) and a credit ({credit})</source>
        <translation>第 {line} 行：借方（{debit}）与贷方（{credit}）都有金额</translation>
    </message>
    <message>
        <source>row {line}: cannot read the debit/credit flag “{value}”</source>
        <translation>第 {line} 行：无法识别借贷标志“{value}”</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount (signed: received &gt; 0)</source>
        <translation>交易金额（带符号：收入为正）</translation>
    </message>
    <message>
        <source>Received (credit)</source>
        <translation>收入（贷方）金额</translation>
    </message>
    <message>
        <source>Paid out (debit)</source>
        <translation>支出（借方）金额</translation>
    </message>
    <message>
        <source>Debit/credit flag</source>
        <translation>借贷标志</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Payer&apos;s account</source>
        <translation>付款人账号</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>摘要/附言</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>银行流水号</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>bill {bill} asks {lines}: {allocated} allocated to it in all would pay {over} too much</source>
        <translation>账单 {bill} 应收 {lines}：累计核销 {allocated} 将多付 {over}</translation>
    </message>
    <message>
        <source>the payment has {unallocated} left: a part of {amount} is more than it holds</source>
        <translation>该笔收款尚余 {unallocated}：核销 {amount} 超出了余额</translation>
    </message>
    <message>
        <source>an amount allocated to a bill cannot be below 0.00</source>
        <translation>核销到账单的金额不能小于 0.00</translation>
    </message>
    <message>
        <source>a bill allocated to was not found</source>
        <translation>找不到所核销的账单</translation>
    </message>
    <message>
        <source>amounts are in cents, not {amount}</source>
        <translation>金额应精确到分，而不是 {amount}</translation>
    </message>
    <message>
        <source>{points}  {reason}</source>
        <translation>{points}  {reason}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The tenant was not found</source>
        <translation>找不到该租户</translation>
    </message>
    <message>
        <source>The allocation is refused: {why}</source>
        <translation>核销被拒绝：{why}</translation>
    </message>
</context>
<context>
    <name>PaymentsDock</name>
    <message>
        <source>Payments to match</source>
        <translation>待匹配收款</translation>
    </message>
</context>
<context>
    <name>PaymentsFlow</name>
    <message>
        <source>Bank statement not imported: %1</source>
        <translation>银行流水未导入：%1</translation>
    </message>
    <message>
        <source>Bank statement imported. New payments: %1; allocated automatically: %2.</source>
        <translation>银行流水已导入。新收款 %1 笔；自动核销 %2 笔。</translation>
    </message>
    <message>
        <source>Allocated %1 (bills: %2).</source>
        <translation>已核销 %1（账单 %2 张）。</translation>
    </message>
    <message>
        <source>The payer&apos;s name is remembered for the tenant.</source>
        <translation>已为该租户记住此付款名称。</translation>
    </message>
    <message>
        <source>Refunded %1.</source>
        <translation>已退款 %1。</translation>
    </message>
    <message>
        <source>Payment entered: %1 from %2</source>
        <translation>已录入收款：%1，付款人 %2</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>（无付款人）</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>移到(&amp;M)</translation>
    </message>
    <message>
        <source>%1 · %2–%3 m²</source>
        <translation>%1 · %2–%3 m²</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>流失：%1</translation>
    </message>
    <message>
        <source>Quote: %1 in year 1</source>
        <translation>报价：首年 %1</translation>
    </message>
    <message>
        <source>Budget %1 /m²·month</source>
        <translation>预算 %1 /m²·月</translation>
    </message>
    <message>
        <source>No budget given</source>
        <translation>未给预算</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>Industry: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <source>Move in by %1</source>
        <translation>入驻时间：%1 前</translation>
    </message>
    <message>
        <source>Expected a year: %1</source>
        <translation>预计年收入：%1</translation>
    </message>
    <message>
        <source>%1% · %2</source>
        <translation>%1% · %2</translation>
    </message>
    <message>
        <source>The leads&apos; expected value in a year, %1 in all, weighted by the stage&apos;s probability of closing, %2%</source>
        <translation>本阶段线索的预计年收入合计 %1，按该阶段成交概率 %2% 加权</translation>
    </message>
    <message>
        <source>%1 open leads, %2 weighted</source>
        <translation>进行中线索 %1 条，加权 %2</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>招商漏斗</translation>
    </message>
    <message>
        <source>&amp;New lead…</source>
        <translation>新建线索(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PipelineFlow</name>
    <message>
        <source>Pipeline not opened</source>
        <translation>无法打开招商漏斗</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>招商漏斗</translation>
    </message>
    <message>
        <source>Lead lost</source>
        <translation>线索流失</translation>
    </message>
    <message>
        <source>Why was the lead lost?</source>
        <translation>线索为什么流失？</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 已移到“%2”。</translation>
    </message>
    <message>
        <source>Reading the lead…</source>
        <translation>正在读取线索…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Draft contract %1 made for the new tenant %2, made from the lead.</source>
        <translation>已为新租户 %2（由线索生成）生成合同草稿 %1。</translation>
    </message>
    <message>
        <source>Draft contract %1 made for %2.</source>
        <translation>已为 %2 生成合同草稿 %1。</translation>
    </message>
    <message>
        <source>&amp;Pipeline board</source>
        <translation>招商漏斗看板(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;lead…</source>
        <translation>新建线索(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>PipelineText</name>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>In contact</source>
        <translation>已接洽</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>洽谈中</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>已报价</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>{area} m², inside the {min}–{max} m² asked</source>
        <translation>{area} m²，在所需 {min}–{max} m² 之内</translation>
    </message>
    <message>
        <source>{area} m², {short}% under the least {min} m² asked</source>
        <translation>{area} m²，比所需最小 {min} m² 少 {short}%</translation>
    </message>
    <message>
        <source>{area} m², {over}% over the most {max} m² asked</source>
        <translation>{area} m²，比所需最大 {max} m² 多 {over}%</translation>
    </message>
    <message>
        <source>no budget given</source>
        <translation>未给预算</translation>
    </message>
    <message>
        <source>no asking rent set (budget {budget} per m² a month)</source>
        <translation>未设报价租金（预算每月每平方米 {budget}）</translation>
    </message>
    <message>
        <source>asking {asking} per m² a month, within the budget {budget}</source>
        <translation>报价每月每平方米 {asking}，在预算 {budget} 之内</translation>
    </message>
    <message>
        <source>asking {asking} per m² a month, {over}% over the budget {budget}</source>
        <translation>报价每月每平方米 {asking}，比预算 {budget} 高 {over}%</translation>
    </message>
    <message>
        <source>any type will do</source>
        <translation>类型不限</translation>
    </message>
    <message>
        <source>{type}, as asked</source>
        <translation>{type}，符合要求</translation>
    </message>
    <message>
        <source>{found}, not the {wanted} asked ({share}% of the area is)</source>
        <translation>{found}，非所需的{wanted}（符合的面积占 {share}%）</translation>
    </message>
    <message>
        <source>no features asked for</source>
        <translation>无配套要求</translation>
    </message>
    <message>
        <source>has {present}, as asked</source>
        <translation>具备{present}，符合要求</translation>
    </message>
    <message>
        <source>has {present}; lacks {missing}</source>
        <translation>具备{present}；缺少{missing}</translation>
    </message>
    <message>
        <source>lacks {missing}</source>
        <translation>缺少{missing}</translation>
    </message>
    <message>
        <source>free from {from}, in time for {by}</source>
        <translation>{from} 起可租，赶得上 {by}</translation>
    </message>
    <message>
        <source>free from {from}, {days} days after {by}</source>
        <translation>{from} 起可租，比 {by} 晚 {days} 天</translation>
    </message>
    <message>
        <source>{count} more units to join into one</source>
        <translation>需另合并 {count} 个单元</translation>
    </message>
    <message>
        <source>Name the company.</source>
        <translation>请填写公司名称。</translation>
    </message>
    <message>
        <source>The least area must be above zero.</source>
        <translation>最小面积必须大于零。</translation>
    </message>
    <message>
        <source>The most area ({max} m²) is below the least ({min} m²).</source>
        <translation>最大面积（{max} m²）小于最小面积（{min} m²）。</translation>
    </message>
    <message>
        <source>A budget must be above zero; leave it empty when none was given.</source>
        <translation>预算必须大于零；未给预算时请留空。</translation>
    </message>
    <message>
        <source>Say why the lead was lost.</source>
        <translation>请说明线索流失的原因。</translation>
    </message>
    <message>
        <source>{lead} cannot move from {from_stage} to {to_stage}.</source>
        <translation>{lead} 不能从“{from_stage}”移到“{to_stage}”。</translation>
    </message>
    <message>
        <source>{lead} has been {stage} since {stage_on}: it cannot move on {on}, before that.</source>
        <translation>{lead} 自 {stage_on} 起处于“{stage}”：不能在更早的 {on} 移动。</translation>
    </message>
    <message>
        <source>{lead} is {stage}: only an open lead is quoted.</source>
        <translation>{lead} 处于“{stage}”：只能给进行中的线索报价。</translation>
    </message>
    <message>
        <source>Quote {quote} is {status}: only an open quote becomes a draft contract.</source>
        <translation>报价 {quote} 状态为{status}：只有未处理的报价才能转为合同草稿。</translation>
    </message>
    <message>
        <source>{unit} is not vacant on {on} ({status}).</source>
        <translation>{unit} 在 {on} 不空置（{status}）。</translation>
    </message>
    <message>
        <source>That lead is no longer in this workspace.</source>
        <translation>该线索已不在此工作区中。</translation>
    </message>
    <message>
        <source>That quote is no longer in this workspace.</source>
        <translation>该报价已不在此工作区中。</translation>
    </message>
    <message>
        <source>The workspace has no park.</source>
        <translation>工作区中没有园区。</translation>
    </message>
    <message>
        <source>The probability of {stage} must lie between 0 and 100%, not {value}.</source>
        <translation>“{stage}”的成交概率必须在 0 到 100% 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{points}  {reason}</source>
        <translation>{points}  {reason}</translation>
    </message>
</context>
<context>
    <name>PriceIndexDialog</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>CPI</source>
        <translation>CPI</translation>
    </message>
    <message>
        <source>Change on the year before</source>
        <translation>较上年变动</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>Saving the CPI of %1…</source>
        <translation>正在保存 %1 年 CPI…</translation>
    </message>
    <message>
        <source>%1: “%2” is not an index above 0.</source>
        <translation>%1 年：“%2”不是大于 0 的指数。</translation>
    </message>
    <message>
        <source>%1 not entered: 1 CPI contract bills its floor until it is.</source>
        <translation>%1 年未录入：1 份 CPI 合同在录入前按下限计费。</translation>
    </message>
    <message>
        <source>%1 not entered: %2 CPI contracts bill their floor until it is.</source>
        <translation>%1 年未录入：%2 份 CPI 合同在录入前按下限计费。</translation>
    </message>
    <message>
        <source>No CPI contract waits for a year not entered.</source>
        <translation>没有 CPI 合同在等待未录入的年份。</translation>
    </message>
    <message>
        <source>Price index (CPI)</source>
        <translation>物价指数 (CPI)</translation>
    </message>
    <message>
        <source>The park&apos;s consumer price index by year. CPI clauses adjust the rent by a year&apos;s change; a year not entered bills at the floor, and a correction follows once it is entered.</source>
        <translation>园区按年份的居民消费价格指数。CPI 条款按某年的变动调整租金；未录入的年份按下限计费，录入后补差。</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>添加年份</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>{file} is not a DXF, DWG or IFC file; Leasemap imports floor plans in those three formats</source>
        <translation>{file} 不是 DXF、DWG 或 IFC 文件；Leasemap 只能导入这三种格式的平面图</translation>
    </message>
    <message>
        <source>{file}: cannot open the file ({detail})</source>
        <translation>{file}：无法打开文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件为空</translation>
    </message>
    <message>
        <source>{file}: not a DXF file (no SECTION/group-code structure)</source>
        <translation>{file}：不是 DXF 文件（没有 SECTION/组码结构）</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}：无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: damaged or truncated DXF, nothing could be recovered</source>
        <translation>{file}：DXF 文件已损坏或被截断，未能恢复任何内容</translation>
    </message>
    <message>
        <source>{file}: not a readable DXF ({cause}; recover: {detail})</source>
        <translation>{file}：无法作为 DXF 读取（{cause}；恢复模式：{detail}）</translation>
    </message>
    <message>
        <source>{file}: the {format} file could not be read ({detail})</source>
        <translation>{file}：无法读取该 {format} 文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: could not be interpreted ({detail})</source>
        <translation>{file}：无法解析图纸内容（{detail}）</translation>
    </message>
    <message>
        <source>{file}: Leasemap hit an internal error while reading the file ({detail}); this is a bug, not a problem with the drawing: the details are in the log</source>
        <translation>{file}：读取文件时 Leasemap 发生内部错误（{detail}）；这是程序缺陷，不是图纸的问题：详情已写入日志</translation>
    </message>
    <message>
        <source>{file} has no EOF marker: it may be truncated, so the drawing may be incomplete</source>
        <translation>{file} 缺少 EOF 结束标记：文件可能被截断，图纸可能不完整</translation>
    </message>
    <message>
        <source>{file} is damaged ({detail}); read it in recover mode</source>
        <translation>{file} 已损坏（{detail}）；已用恢复模式读取</translation>
    </message>
    <message>
        <source>{file} is a DWG {version} ({release}), which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</source>
        <translation>{file} 是 DWG {version}（{release}）格式，Leasemap 无法读取：请另存为 DXF，或 AutoCAD 2000 至 2018 版本的 DWG</translation>
    </message>
    <message>
        <source>{file} is a DWG {version} newer than AutoCAD 2018, which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</source>
        <translation>{file} 是比 AutoCAD 2018 更新的 DWG {version} 格式，Leasemap 无法读取：请另存为 DXF，或 AutoCAD 2000 至 2018 版本的 DWG</translation>
    </message>
    <message>
        <source>{file}: reading DWG needs the ezdwg package, which is not installed (pip install ezdwg); or save the drawing as DXF</source>
        <translation>{file}：读取 DWG 需要 ezdwg 软件包，但尚未安装（pip install ezdwg）；也可将图纸另存为 DXF</translation>
    </message>
    <message>
        <source>{file}: the DWG file is damaged and could not be read ({detail}); open it in CAD and save it again, or save it as DXF</source>
        <translation>{file}：DWG 文件已损坏，无法读取（{detail}）；请在 CAD 中打开后重新保存，或另存为 DXF</translation>
    </message>
    <message>
        <source>{file}: read as a DWG {release} ({version}), converted to DXF</source>
        <translation>{file}：按 DWG {release}（{version}）读取，已转换为 DXF</translation>
    </message>
    <message>
        <source>{file}: read as a DWG {release} ({version}), converted to DXF; {count} objects could not be converted ({kinds})</source>
        <translation>{file}：按 DWG {release}（{version}）读取，已转换为 DXF；{count} 个对象无法转换（{kinds}）</translation>
    </message>
    <message>
        <source>{file} holds {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}): its walls and rooms may be among them. Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</source>
        <translation>{file} 含有 {count} 个专业软件的自定义对象（{kinds}），普通 DXF 读取器无法识别，墙体和房间可能就在其中。请导出普通图纸（天正：“导出T3”）后再导入。</translation>
    </message>
    <message>
        <source>{file}: only {rooms} rooms were found beside {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}). Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</source>
        <translation>{file}：只找到 {rooms} 个房间，另有 {count} 个专业软件的自定义对象（{kinds}）普通 DXF 读取器无法识别。请导出普通图纸（天正：“导出T3”）后再导入。</translation>
    </message>
    <message>
        <source>DXF audit: {detail}</source>
        <translation>DXF 检查：{detail}</translation>
    </message>
    <message>
        <source>… and {count} more audit findings</source>
        <translation>……另有 {count} 条检查结果</translation>
    </message>
    <message>
        <source>skipped a damaged {kind}</source>
        <translation>已跳过一个损坏的 {kind} 图元</translation>
    </message>
    <message>
        <source>blocks nested too deeply: inner ones skipped</source>
        <translation>块嵌套层数过多：已跳过内层的块</translation>
    </message>
    <message>
        <source>{count} layers — rooms: {rooms}; walls: {walls}; labels: {labels}; outline: {outline}; background: {background}; ignored: {ignore}</source>
        <translation>共 {count} 个图层 — 房间：{rooms}；墙线：{walls}；房间标注：{labels}；建筑面积线：{outline}；底图：{background}；忽略：{ignore}</translation>
    </message>
    <message>
        <source>{count} block references exploded</source>
        <translation>已分解 {count} 个块参照</translation>
    </message>
    <message>
        <source>the drawing&apos;s header names no unit; its size says {unit}: taken as {unit}</source>
        <translation>图纸文件头未指定单位，按图面尺寸判断应为 {unit}：已按 {unit} 处理</translation>
    </message>
    <message>
        <source>unknown drawing unit &apos;{unit}&apos;; choose one of {choices}</source>
        <translation>未知的图纸单位“{unit}”；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>{count} rooms from closed outlines on room layers; {dropped} faces dropped</source>
        <translation>从房间图层的闭合轮廓识别到 {count} 个房间；舍弃 {dropped} 个面</translation>
    </message>
    <message>
        <source>{count} rooms from faces of wall linework ({gaps} gaps up to {gap} m bridged); {dropped} faces dropped</source>
        <translation>从墙线围合的面识别到 {count} 个房间（补齐了 {gaps} 处不超过 {gap} m 的门洞缺口）；舍弃 {dropped} 个面</translation>
    </message>
    <message>
        <source>background linework simplified to keep the drawing fast</source>
        <translation>底图线条已简化，以保证图纸显示流畅</translation>
    </message>
    <message>
        <source>split into {count} floors by paper-space layouts; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>按图纸空间布局拆分为 {count} 个楼层，其中 {named} 个的名称取自图纸；各楼层（房间数）：{floors}</translation>
    </message>
    <message>
        <source>split into {count} floors by title frames; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>按图框拆分为 {count} 个楼层，其中 {named} 个的名称取自图纸；各楼层（房间数）：{floors}</translation>
    </message>
    <message>
        <source>split into {count} floors by separate clusters of rooms; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>按彼此分开的房间群拆分为 {count} 个楼层，其中 {named} 个的名称取自图纸；各楼层（房间数）：{floors}</translation>
    </message>
    <message>
        <source>{file}: cannot be opened ({detail})</source>
        <translation>{file}：无法打开（{detail}）</translation>
    </message>
    <message>
        <source>{file}: cannot be read as IFC ({detail})</source>
        <translation>{file}：无法作为 IFC 文件读取（{detail}）</translation>
    </message>
    <message>
        <source>{file}: is a zip (ifcZIP); unzip it and import the .ifc</source>
        <translation>{file}：是 zip 压缩包（ifcZIP）；请解压后导入其中的 .ifc 文件</translation>
    </message>
    <message>
        <source>{file}: is ifcXML, not an IFC STEP file; export as .ifc</source>
        <translation>{file}：是 ifcXML 文件，不是 IFC STEP 文件；请导出为 .ifc</translation>
    </message>
    <message>
        <source>{file}: not an IFC STEP file; export as .ifc</source>
        <translation>{file}：不是 IFC STEP 文件；请导出为 .ifc</translation>
    </message>
    <message>
        <source>{file}: the file is damaged and could not be read ({detail})</source>
        <translation>{file}：文件已损坏，无法读取（{detail}）</translation>
    </message>
    <message>
        <source>{file}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3</source>
        <translation>{file}：不支持 {schema} 版本；请导出为 IFC2X3、IFC4 或 IFC4X3</translation>
    </message>
    <message>
        <source>{file}: no rooms (IfcSpace) found; floors are imported without units</source>
        <translation>{file}：未找到房间（IfcSpace）；仅导入楼层，不含单元</translation>
    </message>
    <message>
        <source>{file}: no storeys (IfcBuildingStorey) found</source>
        <translation>{file}：未找到楼层（IfcBuildingStorey）</translation>
    </message>
    <message>
        <source>storey {id} has no name; called &apos;{name}&apos;</source>
        <translation>楼层 {id} 没有名称；已命名为“{name}”</translation>
    </message>
    <message>
        <source>storey &apos;{name}&apos; ({id}) states no elevation; it is listed after the others</source>
        <translation>楼层“{name}”（{id}）未注明标高；排在其他楼层之后</translation>
    </message>
    <message>
        <source>space &apos;{space}&apos; (GlobalId {id}) is not in any storey; not imported</source>
        <translation>空间“{space}”（GlobalId {id}）不属于任何楼层，未导入</translation>
    </message>
    <message>
        <source>space &apos;{space}&apos; (GlobalId {id}) has no usable geometry; not imported</source>
        <translation>空间“{space}”（GlobalId {id}）没有可用的几何形状，未导入</translation>
    </message>
    <message>
        <source>space &apos;{space}&apos;: computed {computed} m² differs from stated {stated} m² by {percent} %</source>
        <translation>空间“{space}”：计算面积 {computed} m² 与标注面积 {stated} m² 相差 {percent}%</translation>
    </message>
    <message>
        <source>{count} GlobalIds are used more than once ({ids}); the first space or storey keeps its GlobalId as key, later ones get &apos;#2&apos;, &apos;#3&apos; …</source>
        <translation>有 {count} 个 GlobalId 被重复使用（{ids}）；第一个空间或楼层以其 GlobalId 作为键，之后的依次加上“#2”“#3”……</translation>
    </message>
    <message>
        <source>space &apos;{space}&apos; (GlobalId {id}) repeats a GlobalId already used; imported with key {key}</source>
        <translation>空间“{space}”（GlobalId {id}）的 GlobalId 已被使用；以键 {key} 导入</translation>
    </message>
    <message>
        <source>the project declares no area unit; stated areas taken in ({unit})²</source>
        <translation>项目未声明面积单位；标注面积按 ({unit})² 处理</translation>
    </message>
    <message>
        <source>{count} names hold raw 8-bit text that could not be decoded; kept</source>
        <translation>{count} 个名称含有无法解码的原始 8 位文本；已原样保留</translation>
    </message>
    <message>
        <source>{count} names held raw {encoding} bytes instead of STEP escapes; decoded</source>
        <translation>{count} 个名称以原始 {encoding} 字节而非 STEP 转义形式存储；已解码</translation>
    </message>
    <message>
        <source>{count} walls need the geometry kernel; skipped to keep the import fast (limit {limit}), so they are missing from the background</source>
        <translation>{count} 面墙需由几何内核计算；为保证导入速度已跳过（上限 {limit}），底图中不含这些墙</translation>
    </message>
    <message>
        <source>zone &apos;{zone}&apos; on {floor}: its spaces do not touch; the unit is in several pieces</source>
        <translation>楼层“{floor}”上的分区“{zone}”：其中的空间互不相连；该单元由多块组成</translation>
    </message>
    <message>
        <source>zone &apos;{zone}&apos;: its spaces do not touch; the unit is in several pieces</source>
        <translation>分区“{zone}”：其中的空间互不相连；该单元由多块组成</translation>
    </message>
    <message>
        <source>no spaces belong to an IfcZone</source>
        <translation>没有空间属于任何分区（IfcZone）</translation>
    </message>
    <message>
        <source>room {room} on {floor} ({area} m²): nothing in the drawing says whether it is common area; imported as leasable</source>
        <translation>{floor} 的房间 {room}（{area} m²）：图纸未说明是否为公共部位；按可租导入</translation>
    </message>
    <message>
        <source>an unlabelled room of {area} m² on {floor}: nothing in the drawing says whether it is common area; imported as leasable</source>
        <translation>{floor} 上一个无标注的房间（{area} m²）：图纸未说明是否为公共部位；按可租导入</translation>
    </message>
    <message>
        <source>Neither the name nor the title of {file} says which floor it is: enter its level.</source>
        <translation>{file} 的文件名和标题都没有说明是哪一层：请输入楼层号。</translation>
    </message>
    <message>
        <source>{file} names the roof (“{word}”), which is not a level: enter its level.</source>
        <translation>{file} 指的是屋顶（“{word}”），屋顶不是楼层：请输入楼层号。</translation>
    </message>
    <message>
        <source>“{text}” names two floors, “{first}” (level {first_level}) and “{second}” (level {second_level}): enter the right level.</source>
        <translation>“{text}”包含两个楼层：“{first}”（第 {first_level} 层）和“{second}”（第 {second_level} 层）：请输入正确的楼层号。</translation>
    </message>
    <message>
        <source>The file name {file} says level {first_level} but the drawing&apos;s title “{text}” says level {second_level}: enter the right level.</source>
        <translation>文件名 {file} 表示第 {first_level} 层，而图纸标题“{text}”表示第 {second_level} 层：请输入正确的楼层号。</translation>
    </message>
    <message>
        <source>{file} has {count} floors and no level in the title of {floors}: enter each floor&apos;s level.</source>
        <translation>{file} 共有 {count} 层，{floors} 的标题中没有楼层号：请输入每一层的楼层号。</translation>
    </message>
    <message>
        <source>{given} levels were given but {file} has {count} floors ({floors}).</source>
        <translation>给出了 {given} 个楼层号，但 {file} 共有 {count} 层（{floors}）。</translation>
    </message>
    <message>
        <source>Floors “{first}” and “{second}” would both be level {level}: give each floor its own level.</source>
        <translation>“{first}”和“{second}”都会成为第 {level} 层：请为每一层指定各自的楼层号。</translation>
    </message>
    <message>
        <source>One level was given but {file} has {count} floors: give each floor its level.</source>
        <translation>只给出了一个楼层号，但 {file} 共有 {count} 层：请为每一层指定楼层号。</translation>
    </message>
    <message>
        <source>closed outline on room layer {layer}</source>
        <translation>房间图层“{layer}”上的闭合轮廓</translation>
    </message>
    <message>
        <source>closed outline on room layer {layer} with a label</source>
        <translation>房间图层“{layer}”上带标注的闭合轮廓</translation>
    </message>
    <message>
        <source>the only closed outline on layer {layer}</source>
        <translation>图层“{layer}”上唯一的闭合轮廓</translation>
    </message>
    <message>
        <source>face of wall linework, no label</source>
        <translation>墙线围合的面，无标注</translation>
    </message>
    <message>
        <source>face of wall linework with a label</source>
        <translation>墙线围合的面，有标注</translation>
    </message>
    <message>
        <source>extrusion profile</source>
        <translation>取自拉伸轮廓</translation>
    </message>
    <message>
        <source>2D footprint</source>
        <translation>取自二维平面轮廓</translation>
    </message>
    <message>
        <source>geometry kernel</source>
        <translation>由几何内核计算</translation>
    </message>
    <message>
        <source>IfcZone of {count} spaces</source>
        <translation>由 {count} 个空间组成的分区（IfcZone）</translation>
    </message>
    <message>
        <source>leasable</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>common</source>
        <translation>本层公共部位</translation>
    </message>
    <message>
        <source>building common</source>
        <translation>全楼公共部位</translation>
    </message>
    <message>
        <source>the label says “{word}”</source>
        <translation>标注中有“{word}”</translation>
    </message>
    <message>
        <source>the name says “{word}”</source>
        <translation>名称中有“{word}”</translation>
    </message>
    <message>
        <source>the long name says “{word}”</source>
        <translation>长名称中有“{word}”</translation>
    </message>
    <message>
        <source>the object type says “{word}”</source>
        <translation>对象类型中有“{word}”</translation>
    </message>
    <message>
        <source>classified as “{word}”</source>
        <translation>分类为“{word}”</translation>
    </message>
    <message>
        <source>the layer&apos;s name says “{word}”</source>
        <translation>图层名中有“{word}”</translation>
    </message>
    <message>
        <source>only a room number (“{word}”)</source>
        <translation>只有房间编号（“{word}”）</translation>
    </message>
    <message>
        <source>nothing in the drawing says; check it</source>
        <translation>图纸未说明，请核对</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手动设定</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{reason} (very small)</source>
        <translation>{reason}（面积过小）</translation>
    </message>
    <message>
        <source>{use} ({why})</source>
        <translation>{use}（{why}）</translation>
    </message>
    <message>
        <source>check: {message}</source>
        <translation>请核对：{message}</translation>
    </message>
    <message>
        <source>label &apos;{label}&apos; states {stated} m² but its outline measures {computed} m²</source>
        <translation>标注“{label}”写明 {stated} m²，但轮廓实测 {computed} m²</translation>
    </message>
    <message>
        <source>the drawing&apos;s header says {said}; its size says {unit}: taken as {unit}</source>
        <translation>图纸文件头单位为 {said}，按图面尺寸判断应为 {unit}：已按 {unit} 处理</translation>
    </message>
    <message>
        <source>drawing units set to {unit} by hand</source>
        <translation>图纸单位已手动设为 {unit}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>The term ends before it starts.</source>
        <translation>租期结束早于开始。</translation>
    </message>
    <message>
        <source>Give a rate above zero.</source>
        <translation>请填写大于零的单价。</translation>
    </message>
    <message>
        <source>%1 per m² a month</source>
        <translation>每月每平方米 %1</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>%1 (%2 m²)</source>
        <translation>%1（%2 m²）</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>租期开始</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>租期结束</translation>
    </message>
    <message>
        <source>Rate per m² a month</source>
        <translation>每月每平方米单价</translation>
    </message>
    <message>
        <source>Rent-free months</source>
        <translation>免租月数</translation>
    </message>
    <message>
        <source>Escalation a year</source>
        <translation>每年递增</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>付款周期</translation>
    </message>
    <message>
        <source>Total rent</source>
        <translation>租金总额</translation>
    </message>
    <message>
        <source>Net effective rent</source>
        <translation>净有效租金</translation>
    </message>
    <message>
        <source>Discounted</source>
        <translation>折现后</translation>
    </message>
    <message>
        <source>First-year rent</source>
        <translation>首年租金</translation>
    </message>
    <message>
        <source>Discounted at %1% a year</source>
        <translation>按年 %1% 折现</translation>
    </message>
</context>
<context>
    <name>ReadingsCli</name>
    <message>
        <source>{file}: {rows} readings under the header on row {header}</source>
        <translation>{file}：第 {header} 行表头下共 {rows} 个读数</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} readings under the header on row {header}</source>
        <translation>{file}，工作表 {sheet}：第 {header} 行表头下共 {rows} 个读数</translation>
    </message>
    <message>
        <source>{added} readings added, {corrected} corrected, {unchanged} already there, {rejected} rejected</source>
        <translation>新增 {added} 个读数，更正 {corrected} 个，已有 {unchanged} 个，拒绝 {rejected} 个</translation>
    </message>
    <message>
        <source>{added} readings to add, {corrected} to correct, {unchanged} already there, {rejected} rejected</source>
        <translation>将新增 {added} 个读数，将更正 {corrected} 个，已有 {unchanged} 个，拒绝 {rejected} 个</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>更正：</translation>
    </message>
    <message>
        <source>row {row}  {meter}  {day}  {register}  {before} → {after}</source>
        <translation>第 {row} 行  {meter}  {day}  {register}  {before} → {after}</translation>
    </message>
    <message>
        <source>Rollovers and replacements:</source>
        <translation>表盘翻转与换表：</translation>
    </message>
    <message>
        <source>The first {shown} of {count} flagged readings (written, to be checked before billing):</source>
        <translation>{count} 个异常读数中的前 {shown} 个（已写入，计费前须核对）：</translation>
    </message>
    <message>
        <source>The first {shown} of {count} flagged readings (to be checked before billing):</source>
        <translation>{count} 个异常读数中的前 {shown} 个（计费前须核对）：</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected readings:</source>
        <translation>{count} 个被拒绝读数中的前 {shown} 个：</translation>
    </message>
    <message>
        <source>row {row}  {meter}  {day}  {said}</source>
        <translation>第 {row} 行  {meter}  {day}  {said}</translation>
    </message>
    <message>
        <source>{used} used since {previous_on}</source>
        <translation>自 {previous_on} 起用量 {used}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 个</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>（无编号）</translation>
    </message>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}：第 {header} 行表头下共 {rows} 行</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}，工作表 {sheet}：第 {header} 行表头下共 {rows} 行</translation>
    </message>
    <message>
        <source>{added} months added, {changed} changed, {unchanged} unchanged, {rejected} rejected</source>
        <translation>新增 {added} 个月，变更 {changed} 个，未变 {unchanged} 个，拒绝 {rejected} 个</translation>
    </message>
    <message>
        <source>{added} months to add, {changed} to change, {unchanged} unchanged, {rejected} rejected</source>
        <translation>将新增 {added} 个月，将变更 {changed} 个，未变 {unchanged} 个，拒绝 {rejected} 个</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>变更：</translation>
    </message>
    <message>
        <source>{column} {before} → {after}</source>
        <translation>{column} {before} → {after}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>{count} 个被拒绝行中的前 {shown} 个：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>Receivables</name>
    <message>
        <source>not a day (YYYY-MM-DD): {text}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>已写入 {file}</translation>
    </message>
    <message>
        <source>By tenant</source>
        <translation>按租户</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <source>Park summary</source>
        <translation>园区汇总</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费清单</translation>
    </message>
    <message>
        <source>Credit score</source>
        <translation>信用评分</translation>
    </message>
    <message>
        <source>Risk tier</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Ageing</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>Share of open</source>
        <translation>占未收比例</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Bills due {start} – {end}, collected by {as_of}</source>
        <translation>应缴日 {start} – {end} 的账单，截至 {as_of} 的收款</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Arrears:</source>
        <translation>欠费清单：</translation>
    </message>
    <message>
        <source>{tenant}  {contract}  {amount}  overdue since {due} ({days} days), bills: {count}</source>
        <translation>{tenant}  {contract}  {amount}  自 {due} 起逾期（{days} 天），账单 {count} 笔</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>信用：</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>中风险</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>极高风险</translation>
    </message>
    <message>
        <source>−{points}: the oldest overdue bill is {days} days past its due date ({due_on}); 1 point per {days_per_point} days, at most {cap}</source>
        <translation>−{points}：最早一笔逾期账单已逾期 {days} 天（应缴日 {due_on}）；每 {days_per_point} 天扣 1 分，最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>−{points}: {count} bills paid after their due date since {since} (at most {max_days_late} days late); {each} points each, at most {cap}</source>
        <translation>−{points}：自 {since} 起有 {count} 笔账单逾期缴清（最长逾期 {max_days_late} 天）；每笔扣 {each} 分，最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>−{points}: court case of {on}, counted to {until}: {note}</source>
        <translation>−{points}：{on} 的诉讼记录，计至 {until}：{note}</translation>
    </message>
    <message>
        <source>−{points}: tax notice of {on}, counted to {until}: {note}</source>
        <translation>−{points}：{on} 的税务公告，计至 {until}：{note}</translation>
    </message>
    <message>
        <source>+{points}: a score stops at {floor}</source>
        <translation>+{points}：评分最低为 {floor}</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) ended on {until}: no points</source>
        <translation>{on} 的{kind}（{note}）已于 {until} 失效：不扣分</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) counts from that day: no points yet</source>
        <translation>{on} 的{kind}（{note}）自当日起计：暂不扣分</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) is noted: no points for its kind</source>
        <translation>{on} 的{kind}（{note}）已记录：此类信息不扣分</translation>
    </message>
    <message>
        <source>A credit signal could not be read: {entry}</source>
        <translation>一条信用信息无法读取：{entry}</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Credit score %1 of 100 on %2: %3</source>
        <translation>%2 信用评分 %1（满分 100）：%3</translation>
    </message>
    <message>
        <source>No points off</source>
        <translation>未扣分</translation>
    </message>
    <message>
        <source>Collection rate %1: %2 of %3 collected by %4 (bills due %5 – %6)</source>
        <translation>收缴率 %1：截至 %4 已收 %2，应收 %3（应缴日 %5 – %6 的账单）</translation>
    </message>
    <message>
        <source>Collection rate: no bills due %5 – %6</source>
        <translation>收缴率：%5 – %6 无应缴账单</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Several buildings</source>
        <translation>跨多栋楼</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期合计</translation>
    </message>
    <message>
        <source>Total open</source>
        <translation>未收合计</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单数</translation>
    </message>
    <message>
        <source>Bill numbers</source>
        <translation>账单编号</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>最早应缴日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>%1: receivables ageing as of %2 (%3)</source>
        <translation>%1：应收账龄（截至 %2，%3）</translation>
    </message>
</context>
<context>
    <name>ReceivablesFlow</name>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>ReceivablesWindow</name>
    <message>
        <source>Why</source>
        <translation>扣分原因</translation>
    </message>
    <message>
        <source>ageing</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>无法读取报表：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The workbook could not be written: %1</source>
        <translation>无法写入工作簿：%1</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the receivables…</source>
        <translation>正在读取应收账款…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>%1 open in %2 bills, %3 of it overdue; tenants in arrears: %4</source>
        <translation>未收 %1，共 %2 笔账单，其中逾期 %3；欠费租户：%4 户</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>By tenant</source>
        <translation>按租户</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费清单</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Enter a code and the rate as a number.</source>
        <translation>请填写编号，并以数字填写单价。</translation>
    </message>
    <message>
        <source>Renew %1</source>
        <translation>续约 %1</translation>
    </message>
    <message>
        <source>New contract code</source>
        <translation>新合同编号</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Rent per m² a month</source>
        <translation>每月每 m² 租金</translation>
    </message>
    <message>
        <source>The follow-on contract starts on %1, the day after this one ends.</source>
        <translation>续约合同自 %1 起，即本合同到期次日。</translation>
    </message>
</context>
<context>
    <name>RentRoll</name>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}：第 {header} 行为表头，其下共 {rows} 行</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}，工作表 {sheet}：第 {header} 行为表头，其下共 {rows} 行</translation>
    </message>
    <message>
        <source>{imported} imported, {rejected} rejected, {already} already imported</source>
        <translation>已导入 {imported} 行，拒绝 {rejected} 行，{already} 行已导入过</translation>
    </message>
    <message>
        <source>{imported} would be imported, {rejected} rejected, {already} already imported</source>
        <translation>将导入 {imported} 行，拒绝 {rejected} 行，{already} 行已导入过</translation>
    </message>
    <message>
        <source>{count} new tenants: {names}</source>
        <translation>新建租户 {count} 个：{names}</translation>
    </message>
    <message>
        <source>Rejected rows by reason: {reasons}</source>
        <translation>被拒绝的行按原因：{reasons}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>{count} 行被拒绝，前 {shown} 行：</translation>
    </message>
    <message>
        <source>row {row}  {code}  {reasons}</source>
        <translation>第 {row} 行  {code}  {reasons}</translation>
    </message>
    <message>
        <source>The rejected rows, with their reasons, are in {file}</source>
        <translation>被拒绝的行及其原因已写入 {file}</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>--map takes FIELD=COLUMN, not “{text}”; fields: {fields}</source>
        <translation>--map 的格式为 字段=列名，而不是“{text}”；字段：{fields}</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>（无编号）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 个</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积 (m²)</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>起租日</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>租金单价 (每 m²)</translation>
    </message>
    <message>
        <source>Payment cycle</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Rent-free</source>
        <translation>免租期</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>递增</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Property fee per m²</source>
        <translation>物业费单价 (每 m²)</translation>
    </message>
    <message>
        <source>{field}: empty</source>
        <translation>{field}：为空</translation>
    </message>
    <message>
        <source>{field}: cannot read “{value}”</source>
        <translation>{field}：无法识别“{value}”</translation>
    </message>
    <message>
        <source>the rent-free period ends on {ends_on}, but rent starts on {rent_starts_on}</source>
        <translation>免租期止于 {ends_on}，但起租日为 {rent_starts_on}</translation>
    </message>
    <message>
        <source>contract {code} is also on row {row}</source>
        <translation>合同 {code} 在第 {row} 行也出现</translation>
    </message>
    <message>
        <source>unit {unit} is also leased on row {row} ({contract}, {starts_on} to {ends_on}) for days this lease covers</source>
        <translation>单元 {unit} 在第 {row} 行（{contract}，{starts_on} 至 {ends_on}）也被出租，与本租约的日期重叠</translation>
    </message>
    <message>
        <source>contract {code} is already in the workspace</source>
        <translation>合同 {code} 已在工作区中</translation>
    </message>
    <message>
        <source>new tenant {tenant}</source>
        <translation>新建租户 {tenant}</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} 不是 Excel（.xlsx、.xls）或 CSV 文件</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件为空</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}：无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: no column {column} (columns: {columns})</source>
        <translation>{file}：没有列 {column}（现有列：{columns}）</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); name them with --map FIELD=COLUMN</source>
        <translation>{file}：找不到 {fields} 对应的列（现有列：{columns}）；请用 --map 字段=列名 指定</translation>
    </message>
    <message>
        <source>no field {field} in a rent roll (fields: {fields})</source>
        <translation>租金台账没有字段 {field}（字段：{fields}）</translation>
    </message>
    <message>
        <source>empty cell</source>
        <translation>空单元格</translation>
    </message>
    <message>
        <source>unreadable cell</source>
        <translation>无法识别的单元格</translation>
    </message>
    <message>
        <source>rent-free against the dates</source>
        <translation>免租期与日期矛盾</translation>
    </message>
    <message>
        <source>code twice in the file</source>
        <translation>合同编号重复</translation>
    </message>
    <message>
        <source>overlapping rows</source>
        <translation>行间租期重叠</translation>
    </message>
    <message>
        <source>unknown unit</source>
        <translation>未知单元</translation>
    </message>
    <message>
        <source>unit already leased</source>
        <translation>单元已出租</translation>
    </message>
    <message>
        <source>area mismatch</source>
        <translation>面积不符</translation>
    </message>
    <message>
        <source>end before start</source>
        <translation>到期早于开始</translation>
    </message>
    <message>
        <source>start before signing</source>
        <translation>开始早于签约</translation>
    </message>
</context>
<context>
    <name>RentRollDialog</name>
    <message>
        <source>will be imported</source>
        <translation>将导入</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose a rent roll</source>
        <translation>选择租金台账</translation>
    </message>
    <message>
        <source>Rent rolls (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>租金台账 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Import a rent roll</source>
        <translation>导入租金台账</translation>
    </message>
    <message>
        <source>A rent roll is a spreadsheet (Excel or CSV) of the park&apos;s leases, one contract a row. Each row is checked as a contract would be when signed; nothing is written until you import, and then the valid rows are signed together. Rejected rows can be saved to a workbook with their reasons, corrected and imported again.</source>
        <translation>租金台账是园区租约的电子表格（Excel 或 CSV），每行一份合同。每一行都按签约时的规则检查；在您点击导入之前不会写入任何内容，导入时所有有效行一并签约。被拒绝的行可连同原因保存为工作簿，修改后再次导入。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Which column holds each field (bold: needed):</source>
        <translation>各字段对应的列（粗体为必填）：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Only rejected rows</source>
        <translation>只看被拒绝的行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Importing the valid rows…</source>
        <translation>正在导入有效行…</translation>
    </message>
    <message>
        <source>Saving the rejected rows…</source>
        <translation>正在保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Choose a rent roll to begin.</source>
        <translation>请先选择租金台账。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Check the rows to see what an import would do.</source>
        <translation>检查各行，查看导入的结果。</translation>
    </message>
    <message>
        <source>%1 rows: %2 will be imported, %3 rejected, %4 already imported.</source>
        <translation>共 %1 行：%2 行将导入，%3 行被拒绝，%4 行已导入过。</translation>
    </message>
    <message>
        <source>%1 rows: %2 imported, %3 rejected, %4 already imported.</source>
        <translation>共 %1 行：已导入 %2 行，%3 行被拒绝，%4 行已导入过。</translation>
    </message>
    <message>
        <source>New tenants: %1.</source>
        <translation>新建租户：%1 个。</translation>
    </message>
    <message>
        <source>Rejected rows saved to %1.</source>
        <translation>被拒绝的行已保存到 %1。</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved: %1</source>
        <translation>被拒绝的行未能保存：%1</translation>
    </message>
</context>
<context>
    <name>RentRollFlow</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Checking the rows of %1…</source>
        <translation>正在检查 %1 的各行…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Rent roll: %1 contracts imported, %2 rows rejected</source>
        <translation>租金台账：已导入 %1 份合同，%2 行被拒绝</translation>
    </message>
    <message>
        <source>Import a rent roll</source>
        <translation>导入租金台账</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{file} ({format}), units taken as {unit}</source>
        <translation>{file}（{format}），图纸单位按 {unit} 计</translation>
    </message>
    <message>
        <source>{file} ({format})</source>
        <translation>{file}（{format}）</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>floor &quot;{name}&quot; of the drawing → level {level} ({evidence})</source>
        <translation>图纸楼层“{name}” → 第 {level} 层（{evidence}）</translation>
    </message>
    <message>
        <source>given with {option}</source>
        <translation>由 {option} 指定</translation>
    </message>
    <message>
        <source>level: {message}</source>
        <translation>楼层：{message}</translation>
    </message>
    <message>
        <source>floor {name}: {rooms}</source>
        <translation>楼层 {name}：{rooms}</translation>
    </message>
    <message>
        <source>(stated {area})</source>
        <translation>（标注 {area}）</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <source>building {code}</source>
        <translation>楼栋 {code}</translation>
    </message>
    <message>
        <source>building {code} (new)</source>
        <translation>楼栋 {code}（新建）</translation>
    </message>
    <message>
        <source>{floor} (level {level}): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</source>
        <translation>{floor}（第 {level} 层）：新增 {added}，变更 {changed}，不变 {unchanged}，移除 {removed}，因合同保留 {kept}</translation>
    </message>
    <message>
        <source>{floor} (level {level}, new): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</source>
        <translation>{floor}（第 {level} 层，新建）：新增 {added}，变更 {changed}，不变 {unchanged}，移除 {removed}，因合同保留 {kept}</translation>
    </message>
    <message>
        <source>relabelled: {code} matched by overlap, label {room} differs from unit {unit}: {before} → {after} m²</source>
        <translation>编号不符：{code} 按位置重合匹配，图纸标注 {room} 与单元编号 {unit} 不同：{before} → {after} m²</translation>
    </message>
    <message>
        <source>relabelled: {code} → {new_code}: its code {unit} was made of the drawing&apos;s internal handle, not a number a person can say</source>
        <translation>已改编号：{code} → {new_code}：原编号 {unit} 取自图纸内部句柄，不是可读的房号</translation>
    </message>
    <message>
        <source>changed {code}: {before} → {after} m²</source>
        <translation>变更 {code}：{before} → {after} m²</translation>
    </message>
    <message>
        <source>kept {code}: gone from the drawing but a contract points at it</source>
        <translation>保留 {code}：图纸中已没有该单元，但有合同指向它</translation>
    </message>
    <message>
        <source>area {code}: leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</source>
        <translation>面积 {code}：可租 {leasable_before} → {leasable_after} m²，计租 {billable_before} → {billable_after} m²</translation>
    </message>
    <message>
        <source>amendment needed: contract {contract}, unit {unit}: signed on {signed} m², now {now} m²</source>
        <translation>需要补充协议：合同 {contract}，单元 {unit}：签约面积 {signed} m²，现为 {now} m²</translation>
    </message>
    <message>
        <source>needs attention: contract {contracts}, unit {code}: matched by overlap to room {room}, whose label differs from unit {unit}</source>
        <translation>需要注意：合同 {contracts}，单元 {code}：按位置重合匹配到房间 {room}，其标注与单元编号 {unit} 不同</translation>
    </message>
    <message>
        <source>needs attention: contract {contracts}, unit {code} is now {new_code}: the contract names the old code</source>
        <translation>需要核对：合同 {contracts} 的单元 {code} 现改为 {new_code}：合同上写的是旧编号</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Working out what the reversal does…</source>
        <translation>正在计算冲销的影响…</translation>
    </message>
    <message>
        <source>Reversing it on %1:</source>
        <translation>于 %1 冲销：</translation>
    </message>
    <message>
        <source>Nothing is written until you press Reverse.</source>
        <translation>点击“冲销”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Reversed on %1.</source>
        <translation>已于 %1 冲销。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reverse a deposit movement of %1</source>
        <translation>冲销 %1 的押金流水</translation>
    </message>
    <message>
        <source>%1 of %2 on %3</source>
        <translation>%3 %1 %2</translation>
    </message>
    <message>
        <source>Reversal dated</source>
        <translation>冲销日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>e.g. typed wrong, the renewal called off</source>
        <translation>例如：录入错误、续租取消</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>SalesCli</name>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}：第 {header} 行为表头，其下共 {rows} 行</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}，工作表 {sheet}：第 {header} 行为表头，其下共 {rows} 行</translation>
    </message>
    <message>
        <source>{added} months added, {corrected} corrected, {unchanged} unchanged, {rejected} rejected</source>
        <translation>新增 {added} 个月的销售额，更正 {corrected} 个，{unchanged} 个未变化，拒绝 {rejected} 行</translation>
    </message>
    <message>
        <source>{added} months to add, {corrected} to correct, {unchanged} unchanged, {rejected} rejected</source>
        <translation>将新增 {added} 个月的销售额，更正 {corrected} 个，{unchanged} 个未变化，拒绝 {rejected} 行</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>更正：</translation>
    </message>
    <message>
        <source>row {row}  {contract}  {month}  {before} → {after}</source>
        <translation>第 {row} 行  {contract}  {month}  {before} → {after}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>{count} 行被拒绝，前 {shown} 行：</translation>
    </message>
    <message>
        <source>row {row}  {contract}  {month}  {reasons}</source>
        <translation>第 {row} 行  {contract}  {month}  {reasons}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 行</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>(no contract)</source>
        <translation>（无合同编号）</translation>
    </message>
</context>
<context>
    <name>SalesImport</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件为空</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}：无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>{file}: neither UTF-8 nor GBK text</source>
        <translation>{file}：既不是 UTF-8 也不是 GBK 文本</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the contract (合同编号), the month (月份) and the sales (营业额)</source>
        <translation>{file}：缺少{fields}列（现有列：{columns}）；表头需包含合同（合同编号）、月份（月份）和销售额（营业额）</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>{field}: empty</source>
        <translation>{field}：为空</translation>
    </message>
    <message>
        <source>{field}: cannot read “{value}”</source>
        <translation>{field}：无法识别“{value}”</translation>
    </message>
    <message>
        <source>sales {amount} below zero</source>
        <translation>销售额 {amount} 小于零</translation>
    </message>
    <message>
        <source>no contract {contract} in the park</source>
        <translation>园区内没有合同 {contract}</translation>
    </message>
    <message>
        <source>contract {contract} has no turnover rent in {month}</source>
        <translation>合同 {contract} 在 {month} 没有提成租金条款</translation>
    </message>
    <message>
        <source>{month} is outside the term {starts_on} – {ends_on}</source>
        <translation>{month} 不在租期 {starts_on} – {ends_on} 内</translation>
    </message>
    <message>
        <source>{contract} {month} is also on row {rows}</source>
        <translation>{contract} {month} 也出现在第 {rows} 行</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} 不是 Excel（.xlsx、.xls）或 CSV 文件</translation>
    </message>
    <message>
        <source>will be added</source>
        <translation>将新增</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <source>will replace %1 → %2</source>
        <translation>将更正 %1 → %2</translation>
    </message>
    <message>
        <source>replaced %1 → %2</source>
        <translation>已更正 %1 → %2</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Checking the rows of %1…</source>
        <translation>正在检查 %1 的各行…</translation>
    </message>
    <message>
        <source>%1: %2 rows; %3 to add, %4 to correct, %5 unchanged, %6 rejected. Nothing is written until you import.</source>
        <translation>%1：共 %2 行；将新增 %3 行，更正 %4 行，%5 行未变化，%6 行被拒绝。导入前不会写入任何内容。</translation>
    </message>
    <message>
        <source>%1: %2 rows; %3 added, %4 corrected, %5 unchanged, %6 rejected.</source>
        <translation>%1：共 %2 行；新增 %3 行，更正 %4 行，%5 行未变化，%6 行被拒绝。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Import sales: %1</source>
        <translation>导入销售额：%1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>SalesPanel</name>
    <message>
        <source>%1% of sales above the natural breakpoint (the base rent ÷ %1%)</source>
        <translation>超出自然保底点（保底租金 ÷ %1%）的销售额按 %1% 提成</translation>
    </message>
    <message>
        <source>%1% of sales above %2 a month</source>
        <translation>每月超出 %2 的销售额按 %1% 提成</translation>
    </message>
    <message>
        <source>%1% up to %2</source>
        <translation>%2 以内 %1%</translation>
    </message>
    <message>
        <source>%1% beyond</source>
        <translation>超出部分 %1%</translation>
    </message>
    <message>
        <source>; by bands: %1</source>
        <translation>；分档：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>; at least %1 a month</source>
        <translation>；每月至少 %1</translation>
    </message>
    <message>
        <source>; at most %1 a month</source>
        <translation>；每月至多 %1</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Base rent</source>
        <translation>保底租金</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>提成租金</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>No line of this month&apos;s own: it is billed with the period it belongs to.</source>
        <translation>本月没有单独的账单行：随其所属账期一并计费。</translation>
    </message>
    <message>
        <source>No turnover rent is reckoned for this month: no rent is due for it.</source>
        <translation>本月不计提成租金：本月无应付租金。</translation>
    </message>
    <message>
        <source>No sales reported: the month bills the base rent alone until they are.</source>
        <translation>销售额未上报：上报前本月仅按保底租金计费。</translation>
    </message>
    <message>
        <source>Take back sales</source>
        <translation>撤回销售额</translation>
    </message>
    <message>
        <source>Take back the sales of %1 (%2)? The month bills the base rent alone until its sales are reported again.</source>
        <translation>撤回 %1 的销售额（%2）？重新上报销售额之前，该月仅按保底租金计费。</translation>
    </message>
    <message>
        <source>Taking back the sales of %1…</source>
        <translation>正在撤回 %1 的销售额…</translation>
    </message>
    <message>
        <source>Take back the sales of %1…</source>
        <translation>撤回 %1 的销售额…</translation>
    </message>
    <message>
        <source>Saving the sales of %1…</source>
        <translation>正在保存 %1 的销售额…</translation>
    </message>
    <message>
        <source>%1: “%2” is not an amount of 0 or more.</source>
        <translation>%1：“%2”不是大于或等于 0 的金额。</translation>
    </message>
    <message>
        <source>The term starts on %1: sales are entered from its first month on.</source>
        <translation>租期自 %1 开始：从首月起录入销售额。</translation>
    </message>
    <message>
        <source>Months %1 to %2; type a month&apos;s sales in its row.</source>
        <translation>%1 至 %2 各月；在对应行中输入当月销售额。</translation>
    </message>
    <message>
        <source>%1 of %2 months reported, %3 not reported</source>
        <translation>%2 个月中已上报 %1 个月，%3 个月未上报</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import many contracts&apos; monthly sales from an Excel or CSV file (columns: contract, month, sales)</source>
        <translation>从 Excel 或 CSV 文件导入多份合同的月销售额（列：合同、月份、销售额）</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <source>Period</source>
        <translation>计费期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>付款日</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Total {charge}</source>
        <translation>{charge}合计</translation>
    </message>
    <message>
        <source>Total, every charge</source>
        <translation>全部费用合计</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>复制为 TSV</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <source>Working out the settlement…</source>
        <translation>正在计算结算…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open bills: %1, %2 still owed.</source>
        <translation>未结账单 %1 张，尚欠 %2。</translation>
    </message>
    <message>
        <source>Late fees accrued to %1: %2, billed on a final bill (%3).</source>
        <translation>计至 %1 的滞纳金：%2，开具结算账单（%3）。</translation>
    </message>
    <message>
        <source>No late fee accrued to %1.</source>
        <translation>计至 %1 没有滞纳金。</translation>
    </message>
    <message>
        <source>Deposit held: %1; applied to the bills: %2.</source>
        <translation>押金余额：%1；抵扣账单：%2。</translation>
    </message>
    <message>
        <source>Carried to the renewal before, not held: %1.</source>
        <translation>此前已转入续约合同、不在本合同的押金：%1。</translation>
    </message>
    <message>
        <source>To refund to the tenant: %1.</source>
        <translation>退还租户：%1。</translation>
    </message>
    <message>
        <source>Still owed once the deposit is applied: %1.</source>
        <translation>押金抵扣后仍欠：%1。</translation>
    </message>
    <message>
        <source>Nothing is refunded and nothing is left owed.</source>
        <translation>无需退款，也没有欠款。</translation>
    </message>
    <message>
        <source>Late fees to the day</source>
        <translation>计至结算日的滞纳金</translation>
    </message>
    <message>
        <source>Settled on %1:</source>
        <translation>已于 %1 结算：</translation>
    </message>
    <message>
        <source>Settling on %1:</source>
        <translation>于 %1 结算：</translation>
    </message>
    <message>
        <source>Nothing is written until you press Settle.</source>
        <translation>结算前不写入任何内容。</translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation>结算 %1</translation>
    </message>
    <message>
        <source>The contract&apos;s open bills and the late fees accrued to the day are paid from its deposit, oldest first; what the deposit holds beyond them is refunded.</source>
        <translation>合同的未结账单及计至结算日的滞纳金按应缴日从早到晚以押金抵扣；抵扣后押金的余额退还租户。</translation>
    </message>
    <message>
        <source>Settle on</source>
        <translation>结算日期</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>No bill is open: the whole deposit is refunded.</source>
        <translation>没有未结账单：押金全额退还。</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>费项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应缴日</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结金额</translation>
    </message>
    <message>
        <source>Deposit applied</source>
        <translation>押金抵扣</translation>
    </message>
</context>
<context>
    <name>SiteFlow</name>
    <message>
        <source>Import site plan</source>
        <translation>导入总平面图</translation>
    </message>
    <message>
        <source>Site plan not imported</source>
        <translation>总平面图未导入</translation>
    </message>
    <message>
        <source>Drawings (*.dxf *.dwg *.ifc);;All files (*)</source>
        <translation>图纸 (*.dxf *.dwg *.ifc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The drawing has no site linework (roads, boundaries). Remove the previous site plan?</source>
        <translation>图纸中没有总图线条（道路、红线）。要删除原有总平面图吗？</translation>
    </message>
    <message>
        <source>Buildings placed on the site plan: %1</source>
        <translation>已放置到总平面图的楼栋：%1</translation>
    </message>
    <message>
        <source>Buildings that get their footprint from the drawing: %1</source>
        <translation>将从图纸获得轮廓的楼栋：%1</translation>
    </message>
    <message>
        <source>Outlines naming no building of the park: %1</source>
        <translation>未对应园区任何楼栋的轮廓：%1</translation>
    </message>
    <message>
        <source>Not in the drawing (laid out automatically): %1</source>
        <translation>图中没有的楼栋（自动排布）：%1</translation>
    </message>
    <message>
        <source>The drawing&apos;s other linework becomes the site plan.</source>
        <translation>图中其余线条作为总平面底图。</translation>
    </message>
    <message>
        <source>The drawing has no site linework: the previous site plan is kept.</source>
        <translation>图纸中没有总图线条：保留原有总平面图。</translation>
    </message>
    <message>
        <source>The drawing has no site linework: the previous site plan is removed.</source>
        <translation>图纸中没有总图线条：原有总平面图将被删除。</translation>
    </message>
</context>
<context>
    <name>SpaceCommands</name>
    <message>
        <source>Split %1</source>
        <translation>拆分 %1</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>合并 %1</translation>
    </message>
    <message>
        <source>Reshape %1</source>
        <translation>修改形状 %1</translation>
    </message>
    <message>
        <source>Draw unit %1</source>
        <translation>绘制单元 %1</translation>
    </message>
    <message>
        <source>Draw a unit</source>
        <translation>绘制单元</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>将 %1 设为%2</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>SpaceMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>请先打开工作区</translation>
    </message>
    <message>
        <source>Choose a building or one of its floors in the park tree first</source>
        <translation>请先在园区树中选择一栋楼或其中一层</translation>
    </message>
    <message>
        <source>For building %1</source>
        <translation>适用于楼栋 %1</translation>
    </message>
    <message>
        <source>Area statement not read</source>
        <translation>无法读取楼栋面积明细表</translation>
    </message>
    <message>
        <source>Reading the area statement…</source>
        <translation>正在读取楼栋面积明细表…</translation>
    </message>
    <message>
        <source>Save the area statement as PDF</source>
        <translation>将楼栋面积明细表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Area statement not saved</source>
        <translation>楼栋面积明细表未保存</translation>
    </message>
    <message>
        <source>Area statement saved to %1</source>
        <translation>楼栋面积明细表已保存到 %1</translation>
    </message>
    <message>
        <source>Classify the rooms of %1</source>
        <translation>重新判定 %1 的房间用途</translation>
    </message>
    <message>
        <source>Classify the rooms on %1</source>
        <translation>重新判定 %1 的房间用途</translation>
    </message>
    <message>
        <source>%1: 1 room changed use</source>
        <translation>%1：1 个房间已改变用途</translation>
    </message>
    <message>
        <source>%1: %2 rooms changed use</source>
        <translation>%1：%2 个房间已改变用途</translation>
    </message>
    <message>
        <source>&amp;Space</source>
        <translation>空间(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find space…</source>
        <translation>查找连片空间(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Area statement…</source>
        <translation>楼栋面积明细表(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Classify rooms again…</source>
        <translation>重新判定房间用途(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Plan check</source>
        <translation>平面检查(&amp;P)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Open a workspace to begin, or try Leasemap on the demo park.</source>
        <translation>打开一个工作区开始工作，或用演示园区试用 Leasemap。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近打开的工作区</translation>
    </message>
    <message>
        <source>No recent workspaces yet.</source>
        <translation>还没有最近打开的工作区。</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>A .leasemap file on this computer or a shared drive</source>
        <translation>本机或共享盘上的 .leasemap 文件</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>An empty workspace file</source>
        <translation>一个空的工作区文件</translation>
    </message>
    <message>
        <source>Open the demo park</source>
        <translation>打开演示园区</translation>
    </message>
    <message>
        <source>A made-up park of about 1,500 units to try Leasemap on</source>
        <translation>虚构的园区，约 1500 个单元，用来试用 Leasemap</translation>
    </message>
    <message>
        <source>Import a floor plan…</source>
        <translation>导入平面图…</translation>
    </message>
    <message>
        <source>A DXF, DWG or IFC drawing, into a workspace you open</source>
        <translation>DXF、DWG 或 IFC 图纸，导入到您打开的工作区</translation>
    </message>
</context>
<context>
    <name>Tariffs</name>
    <message>
        <source>Flat</source>
        <translation>单一价</translation>
    </message>
    <message>
        <source>Tiered</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>Time of use</source>
        <translation>峰谷分时</translation>
    </message>
    <message>
        <source>On no meter</source>
        <translation>未设置在表计上</translation>
    </message>
    <message>
        <source>On 1 meter</source>
        <translation>设于 1 块表</translation>
    </message>
    <message>
        <source>On {count} meters</source>
        <translation>设于 {count} 块表</translation>
    </message>
    <message>
        <source>{price} {currency}/{unit}</source>
        <translation>{price} {currency}/{unit}</translation>
    </message>
    <message>
        <source>{register} {price}</source>
        <translation>{register} {price}</translation>
    </message>
    <message>
        <source>{low}+ {price}</source>
        <translation>{low} 以上 {price}</translation>
    </message>
    <message>
        <source>{low}–{high} {unit} {price}</source>
        <translation>{low}–{high} {unit} {price}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Type a use of zero or more to see what it would cost.</source>
        <translation>请输入零或以上的用量，以查看费用。</translation>
    </message>
    <message>
        <source>Enter every price to see what a month&apos;s use would cost.</source>
        <translation>填写全部单价后，即可查看一个月用量的费用。</translation>
    </message>
    <message>
        <source>{register} {quantity} × {price}</source>
        <translation>{register} {quantity} × {price}</translation>
    </message>
    <message>
        <source>{quantity} {unit} in each of its periods would cost {amount}</source>
        <translation>各时段各用 {quantity} {unit}，费用为 {amount}</translation>
    </message>
    <message>
        <source>{quantity} {unit} in a month would cost {amount}</source>
        <translation>一个月用 {quantity} {unit}，费用为 {amount}</translation>
    </message>
    <message>
        <source>{head}: {lines}</source>
        <translation>{head}：{lines}</translation>
    </message>
</context>
<context>
    <name>TariffsDialog</name>
    <message>
        <source>Reading the tariffs…</source>
        <translation>正在读取价格…</translation>
    </message>
    <message>
        <source>Blank: all use above</source>
        <translation>留空：以上用量全部计入本档</translation>
    </message>
    <message>
        <source>Each band ends at a month&apos;s total use; leave the last band&apos;s end blank: it takes all use above. A band&apos;s end belongs to it.</source>
        <translation>各档上限按当月总用量计；最后一档的上限请留空，其上用量全部计入该档。恰好等于上限的用量属于本档。</translation>
    </message>
    <message>
        <source>Peak, flat and valley each need a price; sharp only where the utility bills a sharp period. A meter&apos;s readings of each period are priced at its price.</source>
        <translation>峰、平、谷均须填写单价；尖时段仅在供应方计收尖峰电价时填写。表计各时段的读数按该时段单价计价。</translation>
    </message>
    <message>
        <source>New tariff</source>
        <translation>新建价格</translation>
    </message>
    <message>
        <source>Name the tariff as the utility&apos;s notice does; a change of price later is a new version of it.</source>
        <translation>按供应方通知中的名称填写；日后调价请新增版本。</translation>
    </message>
    <message>
        <source>New version of {name}</source>
        <translation>{name} 的新版本</translation>
    </message>
    <message>
        <source>In force from its day until the next version&apos;s; a month it starts in is priced by days on each side.</source>
        <translation>自生效日起执行，至下一版本生效为止；生效当月按前后天数分别计价。</translation>
    </message>
    <message>
        <source>{name} from {day}</source>
        <translation>{name}（自 {day} 起）</translation>
    </message>
    <message>
        <source>Bills already posted were priced at this version, so it is kept as it is. To correct it, add a new version from a later date.</source>
        <translation>已出账的账单按此版本计价，因此保持不变。如需更正，请新增一个生效日期更晚的版本。</translation>
    </message>
    <message>
        <source>Change {name} from {day}</source>
        <translation>修改 {name}（自 {day} 起）</translation>
    </message>
    <message>
        <source>No bill has been priced at this version yet: it can still be changed.</source>
        <translation>尚无账单按此版本计价：仍可修改。</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>自 {day} 起</translation>
    </message>
    <message>
        <source>Bills were priced at it: kept as it is</source>
        <translation>已有账单按此计价：保持不变</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>已出账</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>From ({unit})</source>
        <translation>起（{unit}）</translation>
    </message>
    <message>
        <source>Up to ({unit})</source>
        <translation>止（{unit}）</translation>
    </message>
    <message>
        <source>Price ({per})</source>
        <translation>单价（{per}）</translation>
    </message>
    <message>
        <source>Bills were priced at this version: it is kept</source>
        <translation>已有账单按此版本计价：不能归档</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>能源类型：</translation>
    </message>
    <message>
        <source>A tariff is priced by its versions, each in force from its day until the next one&apos;s; a meter set on a tariff is priced at all of them. A version bills were priced at is kept as it is: a price change, or a correction, is a new version.</source>
        <translation>价格由各版本组成，每个版本自其生效日起执行至下一版本生效为止；设置了该价格的表计按其全部版本计价。已用于出账的版本保持不变：调价或更正均通过新增版本完成。</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>A new version of the tariff chosen, starting from its figures</source>
        <translation>以所选价格的现有单价为起点，新建一个版本</translation>
    </message>
    <message>
        <source>Archive version…</source>
        <translation>归档版本…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <source>As the utility names it</source>
        <translation>与供应方的名称一致</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <source>0.85</source>
        <translation>0.85</translation>
    </message>
    <message>
        <source>{register}:</source>
        <translation>{register}：</translation>
    </message>
    <message>
        <source>blank: no sharp period</source>
        <translation>留空：无尖峰时段</translation>
    </message>
    <message>
        <source>Add band</source>
        <translation>添加一档</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>删除一档</translation>
    </message>
    <message>
        <source>Example, a month&apos;s use:</source>
        <translation>示例，一个月用量：</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TariffsFlow</name>
    <message>
        <source>Archive version</source>
        <translation>归档版本</translation>
    </message>
    <message>
        <source>Archive {name} from {day}? The version before it stays in force until the next one; meters set on it keep the tariff.</source>
        <translation>归档 {name}（自 {day} 起）？其前一版本将继续执行至再下一版本生效；设置在该版本上的表计保留此价格。</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tariff {name} from {day} saved.</source>
        <translation>价格 {name}（自 {day} 起）已保存。</translation>
    </message>
    <message>
        <source>Tariff {name} from {day} archived.</source>
        <translation>价格 {name}（自 {day} 起）已归档。</translation>
    </message>
</context>
<context>
    <name>TaxRates</name>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>车位租赁</translation>
    </message>
    <message>
        <source>Property fee</source>
        <translation>物业费</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水费</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气费</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>供暖费</translation>
    </message>
    <message>
        <source>Late fees</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Type the charge&apos;s code: its kind, a colon and its name (service:空调费)</source>
        <translation>请输入收费项目代码：类别、冒号和名称（如 service:空调费）</translation>
    </message>
    <message>
        <source>%1: name the charge after the colon, as its contracts do (service:空调费)</source>
        <translation>%1：请在冒号后写明收费项目名称，与合同中的一致（如 service:空调费）</translation>
    </message>
    <message>
        <source>%1: a charge&apos;s code is at most %2 characters</source>
        <translation>%1：收费项目代码最多 %2 个字符</translation>
    </message>
    <message>
        <source>“%1”: a charge&apos;s code has no spaces around its kind, nor characters that are not text</source>
        <translation>“%1”：费项代码的类别前后不能有空格，也不能含非文字字符</translation>
    </message>
</context>
<context>
    <name>TaxRatesDialog</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Type a rate for %1, or tick exempt: it stays exempt without one.</source>
        <translation>请为 %1 填写税率，或勾选免税：不填税率则仍为免税。</translation>
    </message>
    <message>
        <source>No VAT rate for %1: invoices for it are refused. Its kind is not one these rates know (another program billed it): type its rate, or tick exempt.</source>
        <translation>%1 没有增值税税率：其发票会被拒绝。它的类别不在这些税率之内（由其他程序出账）：请输入税率，或勾选免税。</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>无税率</translation>
    </message>
    <message>
        <source>Tax rates</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>The VAT rate of each charge, as invoices are issued at it. A rate left empty is the default, shown greyed; type the park&apos;s own as a percentage (9 for 9%), or tick exempt for a charge not invoiced. Invoices already issued keep their rate.</source>
        <translation>各收费项目的增值税税率，开票时按此税率。留空即为默认税率（灰色显示）；园区自己的税率按百分比填写（9 表示 9%），不开票的项目勾选免税。已开发票保持原税率。</translation>
    </message>
    <message>
        <source>Below the kinds, the charges the park&apos;s contracts bill under a name of their own: each is taxed at its kind&apos;s rate until it is given its own.</source>
        <translation>类别之下列出园区合同以自有名称收取的费用：未单独设定税率时，按其所属类别的税率计税。</translation>
    </message>
    <message>
        <source>VAT rates</source>
        <translation>增值税税率</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Park&apos;s rate</source>
        <translation>园区税率</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免税</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>免税</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No VAT rate: invoices for it are refused</source>
        <translation>无增值税税率：该项目无法开票</translation>
    </message>
    <message>
        <source>No VAT rate for %1: invoices for it are refused, and no rate can be set for a code written so (a kind, a colon and a name, at most %2 characters).</source>
        <translation>%1 没有增值税税率：其发票会被拒绝，且这样写的代码无法设置税率（应为类别、冒号和名称，最多 %2 个字符）。</translation>
    </message>
    <message>
        <source>Add charge…</source>
        <translation>添加收费项目…</translation>
    </message>
    <message>
        <source>Reset all to default</source>
        <translation>全部恢复默认</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Contract template</source>
        <translation>合同模板</translation>
    </message>
    <message>
        <source>Double-click to insert at the cursor</source>
        <translation>双击即在光标处插入</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>占位符</translation>
    </message>
    <message>
        <source># starts the title, ## an article&apos;s heading; a blank line ends a paragraph; a block placeholder stands on a line of its own.</source>
        <translation># 开头为标题，## 开头为条款标题；空行分段；区块占位符须单独占一行。</translation>
    </message>
    <message>
        <source>The park&apos;s own template</source>
        <translation>本园区自定义模板</translation>
    </message>
    <message>
        <source>The default template</source>
        <translation>默认模板</translation>
    </message>
    <message>
        <source>A bilingual document pairs the Chinese and English templates article by article; until they pair, it cannot be made:</source>
        <translation>双语合同将中英文模板逐条配对；两者对应之前无法生成双语合同：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>The units are vacant from %1.</source>
        <translation>单元自 %1 起空置。</translation>
    </message>
    <message>
        <source>Deposit to settle: %1</source>
        <translation>待结算押金：%1</translation>
    </message>
    <message>
        <source>%1 schedule lines are no longer due, %2 %3 in all.</source>
        <translation>%1 笔计划账款不再应收，共 %2 %3。</translation>
    </message>
    <message>
        <source>Terminated on %1.</source>
        <translation>已于 %1 终止。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>终止 %1</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>No longer due</source>
        <translation>不再应收</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>结算…</translation>
    </message>
</context>
<context>
    <name>ThreeLedgers</name>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>账别</translation>
    </message>
    <message>
        <source>Contract, bill or voucher</source>
        <translation>合同、账单或凭证</translation>
    </message>
    <message>
        <source>Tenant or customer</source>
        <translation>租户或往来单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运营账</translation>
    </message>
    <message>
        <source>Schedule, plan or books</source>
        <translation>租金计划、平面或财务账</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <source>Debit − credit</source>
        <translation>借方 − 贷方</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Deposit carried from</source>
        <translation>押金转自</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>银行流水号</translation>
    </message>
    <message>
        <source>Customer in the books</source>
        <translation>财务账中的往来单位</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Entries in the books</source>
        <translation>财务账分录</translation>
    </message>
    <message>
        <source>Contract id</source>
        <translation>合同 ID</translation>
    </message>
    <message>
        <source>Bill id</source>
        <translation>账单 ID</translation>
    </message>
    <message>
        <source>Entry id</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>Payment id</source>
        <translation>收款 ID</translation>
    </message>
    <message>
        <source>Unit id</source>
        <translation>房间 ID</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>租户 ID</translation>
    </message>
    <message>
        <source>Wrote %1: %2 vouchers, %3 lines, debit %4 = credit %5</source>
        <translation>已写入 %1：凭证 %2 张，分录 %3 行，借方 %4 = 贷方 %5</translation>
    </message>
    <message>
        <source>(as its header says)</source>
        <translation>（按列标题）</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Export vouchers</source>
        <translation>导出凭证</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The accounting system&apos;s export</source>
        <translation>财务系统导出的文件</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.xls *.csv *.txt)</source>
        <translation>电子表格和 CSV (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message>
        <source>All differences (%1)</source>
        <translation>全部差异（%1）</translation>
    </message>
    <message>
        <source>%1: imported %2 lines of the books (debit %3, credit %4); %5 imported before; %6 rows refused.</source>
        <translation>%1：已导入财务账分录 %2 条（借方 %3，贷方 %4）；此前已导入 %5 条；拒绝 %6 行。</translation>
    </message>
    <message>
        <source>%1: %2 lines new to the park (debit %3, credit %4); %5 imported before; %6 rows refused. Nothing is written until you import.</source>
        <translation>%1：新分录 %2 条（借方 %3，贷方 %4）；此前已导入 %5 条；拒绝 %6 行。点击导入之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Choose the day and check: the schedules, the bills and receipts, and the books compared line by line.</source>
        <translation>选择日期并核对：租金计划、账单与收款、财务账逐行比对。</translation>
    </message>
    <message>
        <source>On %1 the contract and operations ledgers agree; the books were not compared.</source>
        <translation>%1 合同账与运营账一致；未核对财务账。</translation>
    </message>
    <message>
        <source>On %1: %2 differences of %3 causes between the contract and operations ledgers; the books were not compared.</source>
        <translation>%1：合同账与运营账之间 %3 类原因共 %2 处差异；未核对财务账。</translation>
    </message>
    <message>
        <source>On %1 the three ledgers agree: %4 of our entries found among %5 lines of the books.</source>
        <translation>%1 三账一致：运营账 %4 条记录均在财务账 %5 条分录中找到。</translation>
    </message>
    <message>
        <source>On %1: %2 differences of %3 causes; %4 of our entries found among %5 lines of the books.</source>
        <translation>%1：%3 类原因共 %2 处差异；运营账有 %4 条记录在财务账 %5 条分录中找到。</translation>
    </message>
    <message>
        <source>%1 deposit movements cannot be booked and are not compared (a reversal of a movement that is not there, or a kind not known).</source>
        <translation>%1 笔押金变动无法生成凭证，未参与比对（所冲销的变动不存在，或类型未知）。</translation>
    </message>
    <message>
        <source>One voucher per bill, adjustment, receipt, allocation, refund and deposit movement of the range, each balanced; every line&apos;s summary starts with our reference, so the books imported back find us.</source>
        <translation>期间内每张账单、每笔调整、收款、核销、退款和押金变动各生成一张借贷平衡的凭证；每行摘要以本系统参考号开头，财务账导回时据此对应。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Writing the vouchers…</source>
        <translation>正在写入凭证…</translation>
    </message>
    <message>
        <source>Reading the books…</source>
        <translation>正在读取财务账…</translation>
    </message>
    <message>
        <source>Importing the books…</source>
        <translation>正在导入财务账…</translation>
    </message>
    <message>
        <source>Three-ledger check</source>
        <translation>三账对齐</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>核对(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>财务账</translation>
    </message>
    <message>
        <source>Entries dated</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>English column headers</source>
        <translation>英文列标题</translation>
    </message>
    <message>
        <source>&amp;Export vouchers…</source>
        <translation>导出凭证(&amp;E)…</translation>
    </message>
    <message>
        <source>The accounting system&apos;s posted lines (CSV or Excel): its columns are known by their headers (日期, 科目, 摘要, 借方, 贷方, 凭证号, 往来单位). Rehearse first; lines imported before are not added again.</source>
        <translation>财务系统已记账的分录（CSV 或 Excel）：按列标题识别各列（日期、科目、摘要、借方、贷方、凭证号、往来单位）。请先预演；此前已导入的分录不会重复添加。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Rehearse</source>
        <translation>预演(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
</context>
<context>
    <name>UnitDetails</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Building / floor</source>
        <translation>楼栋 / 楼层</translation>
    </message>
    <message>
        <source>Gross area (m²)</source>
        <translation>建筑面积 (m²)</translation>
    </message>
    <message>
        <source>Internal area (m²)</source>
        <translation>套内面积 (m²)</translation>
    </message>
    <message>
        <source>Common-area share (m²)</source>
        <translation>公摊面积 (m²)</translation>
    </message>
    <message>
        <source>Leasable area (m²)</source>
        <translation>可租面积 (m²)</translation>
    </message>
    <message>
        <source>Billable area (m²)</source>
        <translation>计租面积 (m²)</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>租赁状态</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Rent (per m² per month)</source>
        <translation>租金 (元/m²/月)</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>租约到期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Asking rent (per m² per month)</source>
        <translation>报价 (元/m²/月)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <source>Ceiling height (m)</source>
        <translation>层高 (m)</translation>
    </message>
    <message>
        <source>Floor load (kN/m²)</source>
        <translation>荷载 (kN/m²)</translation>
    </message>
    <message>
        <source>Power capacity (kW)</source>
        <translation>电力容量 (kW)</translation>
    </message>
    <message>
        <source>Fit-out</source>
        <translation>装修</translation>
    </message>
    <message>
        <source>Tags (comma separated)</source>
        <translation>标签（逗号分隔）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Asking rent (%1/m²/month)</source>
        <translation>报价 (%1/m²/月)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>a number, up to 1 decimal</source>
        <translation>应为数字，最多 1 位小数</translation>
    </message>
    <message>
        <source>a number, up to %1 decimals</source>
        <translation>应为数字，最多 %1 位小数</translation>
    </message>
    <message>
        <source>no decimals</source>
        <translation>不能有小数</translation>
    </message>
    <message>
        <source>at most 1 decimal</source>
        <translation>最多 1 位小数</translation>
    </message>
    <message>
        <source>at most %1 decimals</source>
        <translation>最多 %1 位小数</translation>
    </message>
    <message>
        <source>at most %1 characters (now %2)</source>
        <translation>最多 %1 个字符（当前 %2 个）</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>not one of the choices</source>
        <translation>不是可选的值</translation>
    </message>
    <message>
        <source>cannot be edited by hand</source>
        <translation>不能手工修改</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>人工设定</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等另外 %2 个</translation>
    </message>
    <message>
        <source>%1 split %2 → %3</source>
        <translation>%1 拆分 %2 → %3</translation>
    </message>
    <message>
        <source>%1 merged %2 → %3</source>
        <translation>%1 合并 %2 → %3</translation>
    </message>
    <message>
        <source>%1 reshaped %3</source>
        <translation>%1 修改形状 %3</translation>
    </message>
    <message>
        <source>%1 drawn as %3</source>
        <translation>%1 绘制为 %3</translation>
    </message>
    <message>
        <source>%1 use changed: %3</source>
        <translation>%1 更改用途：%3</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>No unit selected</source>
        <translation>未选择单元</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>No space edits: as imported or entered.</source>
        <translation>无空间编辑：与导入或录入时一致。</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Rent (%1/m²/month)</source>
        <translation>租金 (%1/m²/月)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更历史</translation>
    </message>
</context>
<context>
    <name>UnitTable</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>租赁状态</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>计租面积 m²</translation>
    </message>
    <message>
        <source>Internal m²</source>
        <translation>套内面积 m²</translation>
    </message>
    <message>
        <source>Asking rent</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>租金</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>租约到期</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单元</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>在租</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>已签未起租</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Under renovation or frozen</source>
        <translation>装修中或冻结</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>不可租</translation>
    </message>
    <message>
        <source>Common area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <source>%1 /m²/month</source>
        <translation>%1 /平方米/月</translation>
    </message>
    <message>
        <source>%1 (%2/m²/month)</source>
        <translation>%1（%2/平方米/月）</translation>
    </message>
    <message>
        <source>Search code, name, tenant, tag…</source>
        <translation>搜索编号、名称、租户、标签…</translation>
    </message>
    <message>
        <source>%1 of %2 units, reading the rest…</source>
        <translation>%1 / %2 个单元，正在读取其余单元…</translation>
    </message>
    <message>
        <source>%1 of %2 units</source>
        <translation>%1 / %2 个单元</translation>
    </message>
</context>
<context>
    <name>ValidationDock</name>
    <message>
        <source>Plan check</source>
        <translation>平面检查</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Overlap: %1 share %2 m²</source>
        <translation>重叠：%1 共有 %2 m²</translation>
    </message>
    <message>
        <source>Gap of %1 m² between %2</source>
        <translation>%2 之间有 %1 m² 空隙</translation>
    </message>
    <message>
        <source>Gap of %1 m² between units</source>
        <translation>单元之间有 %1 m² 空隙</translation>
    </message>
    <message>
        <source>Sliver: %1 is only %2 m wide (at least %3 m)</source>
        <translation>狭条：%1 仅宽 %2 m（至少应为 %3 m）</translation>
    </message>
    <message>
        <source>Sliver: %1 is too narrow</source>
        <translation>狭条：%1 过窄</translation>
    </message>
    <message>
        <source>Outside: %1 lies %2 m² outside the floor outline</source>
        <translation>超出：%1 有 %2 m² 位于楼层轮廓之外</translation>
    </message>
    <message>
        <source>Area: %1 is stated as %2 m² but drawn as %3 m²</source>
        <translation>面积：%1 标注为 %2 m²，图形面积为 %3 m²</translation>
    </message>
    <message>
        <source>No problems found on this floor</source>
        <translation>本层未发现问题</translation>
    </message>
    <message>
        <source>Findings on this floor: %1</source>
        <translation>本层发现的问题：%1</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
