<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Commands</name>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
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
        <source>Floor plan not imported</source>
        <translation>平面图未导入</translation>
    </message>
    <message>
        <source>%1; nothing was written.</source>
        <translation>%1；未写入任何内容。</translation>
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
        <source>Floor plans (*.dxf *.ifc);;All files (*)</source>
        <translation>平面图 (*.dxf *.ifc);;所有文件 (*)</translation>
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
        <source>A DXF or IFC floor plan, and the building it belongs to.</source>
        <translation>一份 DXF 或 IFC 平面图，以及它所属的楼栋。</translation>
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
        <source>Use the drawing&apos;s storeys (IFC elevations)</source>
        <translation>按图纸中的楼层（IFC 标高）</translation>
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
        <source>Drawing units</source>
        <translation>图纸单位</translation>
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
        <source>Value not accepted</source>
        <translation>数值无效</translation>
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
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
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
    <name>Problems</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>{file} is neither a DXF nor an IFC file; Leasemap imports floor plans in those formats</source>
        <translation>{file} 既不是 DXF 也不是 IFC 文件；Leasemap 只能导入这两种格式的平面图</translation>
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
        <source>No unit selected</source>
        <translation>未选择单元</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
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
        <source>Rent /m²/month</source>
        <translation>租金 元/m²/月</translation>
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
        <source>Renovation, frozen or not leasable</source>
        <translation>装修、冻结或不可租</translation>
    </message>
    <message>
        <source>Search code, name, tenant, tag…</source>
        <translation>搜索编号、名称、租户、标签…</translation>
    </message>
    <message>
        <source>%1 of %2 units</source>
        <translation>%1 / %2 个单元</translation>
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
