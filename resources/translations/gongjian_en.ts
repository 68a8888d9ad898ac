<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionForm</name>
    <message>
        <source>做什么，例如 划设夜间停车泊位</source>
        <translation>What is to be done, e.g. mark out night-time parking bays</translation>
    </message>
    <message>
        <source>限期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>未转为民生事项</source>
        <translation>Not tracked as an issue</translation>
    </message>
    <message>
        <source>已转为民生事项 {number}（{status}）</source>
        <translation>Tracked as issue {number} ({status})</translation>
    </message>
    <message>
        <source>点击编号，在民生事项中打开</source>
        <translation>Click the number to open the issue</translation>
    </message>
</context>
<context>
    <name>AgendaForm</name>
    <message>
        <source>例如 关于安乐村小区停车难问题</source>
        <translation>e.g. Parking shortage at the Anlecun estate</translation>
    </message>
    <message>
        <source>讨论情况：谁汇报了什么，会议认为……（段落之间空一行）</source>
        <translation>Discussion: who reported what, what the meeting concluded… (blank line between paragraphs)</translation>
    </message>
    <message>
        <source>议题</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>讨论情况</source>
        <translation>Discussion</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>（未填写议题）</source>
        <translation>(agenda item without a title)</translation>
    </message>
    <message>
        <source>（未填写议定事项）</source>
        <translation>(decision not written yet)</translation>
    </message>
    <message>
        <source>未定责任方</source>
        <translation>no owner yet</translation>
    </message>
    <message>
        <source>{date}前</source>
        <translation>by {date}</translation>
    </message>
    <message>
        <source>议程、议定事项与工作事项</source>
        <translation>Agenda, decisions and action items</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>添加议题</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <source>添加议定事项</source>
        <translation>Add decision</translation>
    </message>
    <message>
        <source>添加工作事项</source>
        <translation>Add action item</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>上移（Alt+↑）</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>下移（Alt+↓）</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的一项（Delete）</source>
        <translation>Delete the selected entry (Delete)</translation>
    </message>
    <message>
        <source>转为民生事项</source>
        <translation>Track as issue</translation>
    </message>
    <message>
        <source>把选中的议定事项或工作事项登记为民生事项，跟踪办理进度</source>
        <translation>Register the selected decision or action item as an issue and track its progress</translation>
    </message>
    <message>
        <source>还没有议题。点“添加议题”，再在议题下添加议定事项和工作事项。</source>
        <translation>No agenda items yet. Click “Add agenda item”, then add decisions and action items under it.</translation>
    </message>
    <message>
        <source>删除议题“{title}”及其下的 {n} 项议定事项吗？</source>
        <translation>Delete the agenda item “{title}” and its {n} decision(s)?</translation>
    </message>
    <message>
        <source>删除议定事项“{text}”及其下的 {n} 项工作事项吗？</source>
        <translation>Delete the decision “{text}” and its {n} action item(s)?</translation>
    </message>
    <message>
        <source>这项工作事项已转为民生事项 {number}。仍要删除吗？</source>
        <translation>This action item is tracked as issue {number}. Delete it anyway?</translation>
    </message>
</context>
<context>
    <name>AgreementCommands</name>
    <message>
        <source>新建协议“{name}”</source>
        <translation>New agreement “{name}”</translation>
    </message>
    <message>
        <source>修改协议“{name}”</source>
        <translation>Edit agreement “{name}”</translation>
    </message>
    <message>
        <source>删除协议“{name}”</source>
        <translation>Delete agreement “{name}”</translation>
    </message>
    <message>
        <source>添加承诺“{name}”</source>
        <translation>Add commitment “{name}”</translation>
    </message>
    <message>
        <source>修改承诺“{name}”</source>
        <translation>Edit commitment “{name}”</translation>
    </message>
    <message>
        <source>删除承诺“{name}”</source>
        <translation>Delete commitment “{name}”</translation>
    </message>
    <message>
        <source>登记履约“{name}”</source>
        <translation>Record fulfilment “{name}”</translation>
    </message>
    <message>
        <source>删除履约记录“{name}”</source>
        <translation>Delete fulfilment record “{name}”</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>签约扫描件</source>
        <translation>Scans of the signed agreement</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>例如 GJ2026-001</source>
        <translation>e.g. GJ2026-001</translation>
    </message>
    <message>
        <source>已签订</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <source>共建内容、双方职责、资源共享等要点</source>
        <translation>Key points: what is built together, each side&apos;s duties, shared resources</translation>
    </message>
    <message>
        <source>协议类型</source>
        <translation>Agreement type</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>协议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>签约各方</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>生效…</source>
        <translation>Put in force…</translation>
    </message>
    <message>
        <source>签订后使协议生效</source>
        <translation>Put the agreement in force once it is signed</translation>
    </message>
    <message>
        <source>终止…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <source>提前终止协议，须说明理由</source>
        <translation>End the agreement early; a reason is required</translation>
    </message>
    <message>
        <source>续签…</source>
        <translation>Renew…</translation>
    </message>
    <message>
        <source>以相同的签约方和承诺事项签订新一期协议</source>
        <translation>Sign a new term of the agreement with the same parties and commitments</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>新建共建协议</source>
        <translation>New co-building agreement</translation>
    </message>
    <message>
        <source>共建协议 {number}</source>
        <translation>Co-building agreement {number}</translation>
    </message>
    <message>
        <source>新协议为草拟状态；填写签订日期和有效期后，点“生效…”。</source>
        <translation>A new agreement starts as a draft; fill in the signing date and validity, then click “Put in force…”.</translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>有效期至 {day}，还有 {n} 天，请及时续签</source>
        <translation>Valid until {day}, {n} days left: please renew in time</translation>
    </message>
    <message>
        <source>终止原因：{reason}</source>
        <translation>Reason for termination: {reason}</translation>
    </message>
    <message>
        <source>本协议已结束，只能查看。</source>
        <translation>This agreement has ended and is read-only.</translation>
    </message>
    <message>
        <source>已续签为新一期协议</source>
        <translation>Renewed as a new term</translation>
    </message>
    <message>
        <source>由上一期协议续签而来</source>
        <translation>Renewed from the previous term</translation>
    </message>
    <message>
        <source>打开续签后的协议</source>
        <translation>Open the renewed agreement</translation>
    </message>
    <message>
        <source>打开上一期协议</source>
        <translation>Open the previous agreement</translation>
    </message>
    <message>
        <source>重新载入这份协议吗？本窗口中未保存的修改将会丢失。</source>
        <translation>Reload this agreement? Unsaved changes in this window will be lost.</translation>
    </message>
    <message>
        <source>协议生效</source>
        <translation>Put in force</translation>
    </message>
    <message>
        <source>使协议“{title}”生效吗？生效后状态随有效期自动变化。</source>
        <translation>Put the agreement “{title}” in force? Its status then follows its validity dates automatically.</translation>
    </message>
    <message>
        <source>终止协议</source>
        <translation>Terminate agreement</translation>
    </message>
    <message>
        <source>终止协议“{title}”。请写明终止原因（记入操作日志）；终止后协议只能查看。</source>
        <translation>Terminate the agreement “{title}”. Give the reason for termination (it goes into the audit log); a terminated agreement is read-only.</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>共建协议</source>
        <translation>Co-building Agreements</translation>
    </message>
    <message>
        <source>还没有共建协议。按 Ctrl+N 新建一份。</source>
        <translation>No co-building agreements yet. Press Ctrl+N to add one.</translation>
    </message>
    <message>
        <source>搜索协议名称、编号、签约单位（Ctrl+F）</source>
        <translation>Search title, number, signatories (Ctrl+F)</translation>
    </message>
    <message>
        <source>新建协议…</source>
        <translation>New agreement…</translation>
    </message>
    <message>
        <source>新建共建协议（Ctrl+N）</source>
        <translation>New co-building agreement (Ctrl+N)</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开编辑（Enter、双击）</source>
        <translation>Open for editing (Enter, double-click)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的协议，先询问（Delete）</source>
        <translation>Delete the selected agreement, after asking (Delete)</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>到期提醒天数、进度落后容差</source>
        <translation>Expiry reminder days, behind-schedule tolerance</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>街道社区</source>
        <translation>Street or community</translation>
    </message>
    <message>
        <source>全部共建单位</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>签约的驻区单位或党支部</source>
        <translation>The resident unit or party branch that signed</translation>
    </message>
    <message>
        <source>只列出即将到期的生效协议</source>
        <translation>List only agreements in force that expire soon</translation>
    </message>
    <message>
        <source>全部有效期</source>
        <translation>Any expiry</translation>
    </message>
    <message>
        <source>{n}天内到期</source>
        <translation>Within {n} days</translation>
    </message>
    <message>
        <source>删除协议“{title}”吗？
删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the agreement “{title}”?
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>七个共</source>
        <translation>Seven Joint Activities</translation>
    </message>
    <message>
        <source>三张清单</source>
        <translation>Three Lists</translation>
    </message>
    <message>
        <source>在职党员</source>
        <translation>In-service Party Members</translation>
    </message>
    <message>
        <source>这一部分尚未完成。</source>
        <translation>This part is not finished yet.</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>年度考核：挂职干部双向评价</source>
        <translation>Annual Assessment: Two-Way Evaluations of Seconded Cadres</translation>
    </message>
    <message>
        <source> 年度</source>
        <translation>​</translation>
    </message>
    <message>
        <source>只看差异较大</source>
        <translation>Disagreements only</translation>
    </message>
    <message>
        <source>只列出派出单位和挂职单位评价相差较大、需要核实的干部</source>
        <translation>List only the cadres whose home and host unit evaluations differ widely and need checking</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>挂职类型</source>
        <translation>Posting type</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>挂职单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>评价类别</source>
        <translation>Evaluation type</translation>
    </message>
    <message>
        <source>派出单位评价</source>
        <translation>Home unit evaluation</translation>
    </message>
    <message>
        <source>挂职单位评价</source>
        <translation>Host unit evaluation</translation>
    </message>
    <message>
        <source>两方差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>合并为一个 PDF 文件…</source>
        <translation>One combined PDF file…</translation>
    </message>
    <message>
        <source>每人一个 PDF 文件，存入文件夹…</source>
        <translation>One PDF file per cadre, into a folder…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选中几行（Ctrl 或 Shift 加单击，Ctrl+A 全选）只打印这几份；不选则打印列表中的全部。</source>
        <translation>Select rows (Ctrl or Shift + click, Ctrl+A for all) to print only those; with none selected, every row listed is printed.</translation>
    </message>
    <message>
        <source>差异较大</source>
        <translation>Large difference</translation>
    </message>
    <message>
        <source>{people}名干部，{n}份评价，{flagged}处两方差异较大</source>
        <translation>{people} cadre(s), {n} evaluation(s), {flagged} with a large difference between the two sides</translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
    <message>
        <source>打印 {n} 份评价表…</source>
        <translation>Print {n} evaluation forms…</translation>
    </message>
    <message>
        <source>导出 {n} 份 PDF</source>
        <translation>Export {n} as PDF</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>{name}（{size}）</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <source>{name}（登记后保存）</source>
        <translation>{name} (saved on registering)</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add an Attachment</translation>
    </message>
    <message>
        <source>删除附件</source>
        <translation>Delete Attachment</translation>
    </message>
    <message>
        <source>删除附件“{name}”？</source>
        <translation>Delete the attachment “{name}”?</translation>
    </message>
</context>
<context>
    <name>AttendeeModel</name>
    <message>
        <source>未标记</source>
        <translation>Not marked</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>出席情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>请假理由/备注</source>
        <translation>Reason for leave / note</translation>
    </message>
    <message>
        <source>（全单位）</source>
        <translation>(whole unit)</translation>
    </message>
    <message>
        <source>按 1 出席、2 请假、3 列席、4 缺席、0 清除</source>
        <translation>Press 1 present, 2 on leave, 3 observer, 4 absent, 0 clear</translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message>
        <source>添加人员：输入姓名中的几个字</source>
        <translation>Add a person: type part of the name</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>添加整个单位：输入单位名称中的几个字</source>
        <translation>Add a whole unit: type part of its name</translation>
    </message>
    <message>
        <source>添加单位代表</source>
        <translation>Add unit&apos;s people</translation>
    </message>
    <message>
        <source>把该单位在通讯录中的人员全部加入名单</source>
        <translation>Add everyone the directory lists for this unit</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>标记选中的人员（按 {key}）</source>
        <translation>Mark the selected people (press {key})</translation>
    </message>
    <message>
        <source>未标记的全部出席</source>
        <translation>Mark the rest present</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>移出名单</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>把选中的人员移出名单（Delete）</source>
        <translation>Remove the selected people from the list (Delete)</translation>
    </message>
    <message>
        <source>标记：</source>
        <translation>Mark:</translation>
    </message>
    <message>
        <source>没有找到“{text}”。请从列表中选择。</source>
        <translation>Nothing found for “{text}”. Please pick from the list.</translation>
    </message>
    <message>
        <source>{name}已在名单中。</source>
        <translation>{name} is already on the list.</translation>
    </message>
    <message>
        <source>该单位的人员都已在名单中。</source>
        <translation>Everyone of this unit is already on the list.</translation>
    </message>
    <message>
        <source>出席 {present} / 应到 {expected}&#x3000;请假 {leave}&#x3000;列席 {observer}&#x3000;缺席 {absent}&#x3000;未标记 {unmarked}</source>
        <translation>Present {present} / expected {expected}   On leave {leave}   Observers {observer}   Absent {absent}   Not marked {unmarked}</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>没有符合条件的审计记录。</source>
        <translation>No audit entries match.</translation>
    </message>
    <message>
        <source>记录 ID 或说明中的文字（Ctrl+F）</source>
        <translation>Record ID or words of the note (Ctrl+F)</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>修改后 / 内容</source>
        <translation>After / details</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份数据库</source>
        <translation>Back Up Database</translation>
    </message>
    <message>
        <source>共建台数据库 (*.db)</source>
        <translation>Gongjian databases (*.db)</translation>
    </message>
    <message>
        <source>正在备份并校验…</source>
        <translation>Backing up and checking…</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup Failed</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup Complete</translation>
    </message>
    <message>
        <source>已备份并校验：{path}</source>
        <translation>Backed up and verified: {path}</translation>
    </message>
</context>
<context>
    <name>BasicsPage</name>
    <message>
        <source>例如 宁海路街道北片区党建联盟协调议事会</source>
        <translation>e.g. Ninghailu Street North Zone Party-Building Alliance Council</translation>
    </message>
    <message>
        <source>不编号</source>
        <translation>None</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>No. </translation>
    </message>
    <message>
        <source> 次</source>
        <translation>​</translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>例如 街道党群服务中心三楼会议室</source>
        <translation>e.g. Street party service centre, meeting room 3F</translation>
    </message>
    <message>
        <source>主办的街道、片区、社区或科室</source>
        <translation>The street, zone, community or department hosting it</translation>
    </message>
    <message>
        <source>输入姓名中的几个字，从列表中选择</source>
        <translation>Type part of the name, then pick from the list</translation>
    </message>
    <message>
        <source>纪要的开头段落，例如：会议听取了各社区关于……的情况汇报，现将会议议定事项纪要如下：</source>
        <translation>The minutes&apos; opening paragraph, e.g.: The meeting heard the communities&apos; reports on …; its decisions are recorded as follows:</translation>
    </message>
    <message>
        <source>纪要版记的抄送单位，用顿号或逗号隔开；不填则不印版记</source>
        <translation>Bodies the minutes are copied to, separated by 、 or commas; leave empty for no imprint</translation>
    </message>
    <message>
        <source>例如 宁海路街道党工委办公室（与定稿日期一起印在版记）</source>
        <translation>e.g. 宁海路街道党工委办公室 (printed in the imprint with the date of finalising)</translation>
    </message>
    <message>
        <source>会议类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>会议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>届次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>开头段落</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>印发机关</source>
        <translation>Issued by</translation>
    </message>
</context>
<context>
    <name>CarriedDecisions</name>
    <message>
        <source>……共{n}项</source>
        <translation>… {n} in all</translation>
    </message>
    <message>
        <source>同类会议还有{n}项议定事项没有落实：
{lines}

加入议程“上次议定事项落实情况”吗？</source>
        <translation>{n} decisions of earlier meetings of this kind are still open:
{lines}

Add them to the agenda as &quot;Follow-up of earlier decisions&quot;?</translation>
    </message>
    <message>
        <source>上次议定事项</source>
        <translation>Earlier decisions</translation>
    </message>
</context>
<context>
    <name>CarriedList</name>
    <message>
        <source>上次议定事项</source>
        <translation>Earlier decisions</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>类别与办理时限</source>
        <translation>Categories and Time Limits</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>（自定）</source>
        <translation>(custom)</translation>
    </message>
    <message>
        <source>分级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>小时按钟点连续计算（含夜间和节假日）；工作日按节假日与调休计算；自然日每天都算。以天计的时限到最后一天24时。修改只影响此后登记的事项。</source>
        <translation>Hours run on the clock (nights and holidays included); working days follow the holiday calendar; calendar days count every day. A limit in days ends at 24:00 of its last day. A change applies to issues registered afterwards.</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>新类别</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>修改“{name}”</source>
        <translation>Edit “{name}”</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>导出图片…</source>
        <translation>Export image…</translation>
    </message>
    <message>
        <source>把这张图保存为 PNG 图片</source>
        <translation>Save this chart as a PNG image</translation>
    </message>
    <message>
        <source>这段时间没有数据</source>
        <translation>No data for this period</translation>
    </message>
    <message>
        <source>{name}（回车打开）</source>
        <translation>{name} (Enter to open)</translation>
    </message>
    <message>
        <source>导出图片</source>
        <translation>Export image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>{m}月</source>
        <translation>M{m}</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>民生事项受理与办结（按月）</source>
        <translation>Issues received and resolved (by month)</translation>
    </message>
    <message>
        <source>超期事项趋势（按受理月份）</source>
        <translation>Overdue issues (by month received)</translation>
    </message>
    <message>
        <source>本期事项类别</source>
        <translation>Issues by category in this period</translation>
    </message>
    <message>
        <source>本期各社区事项与满意率</source>
        <translation>Issues and satisfaction by community in this period</translation>
    </message>
    <message>
        <source>联席会议（按月）</source>
        <translation>Joint meetings (by month)</translation>
    </message>
    <message>
        <source>七个共完成率（按片区）</source>
        <translation>Seven joint activities completed (by zone)</translation>
    </message>
    <message>
        <source>本期各网格事项与满意率</source>
        <translation>Issues and satisfaction by grid in this period</translation>
    </message>
    <message>
        <source>{n}件 满意{p}</source>
        <translation>{n} issues, {p} satisfied</translation>
    </message>
</context>
<context>
    <name>ChoiceCombo</name>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>不选，或输入名称中的几个字</source>
        <translation>None, or type part of a name</translation>
    </message>
</context>
<context>
    <name>ClaimCommands</name>
    <message>
        <source>认领“{name}”</source>
        <translation>Claim “{name}”</translation>
    </message>
    <message>
        <source>开始实施“{name}”</source>
        <translation>Start “{name}”</translation>
    </message>
    <message>
        <source>完成“{name}”</source>
        <translation>Complete “{name}”</translation>
    </message>
</context>
<context>
    <name>ClaimsView</name>
    <message>
        <source>三张清单</source>
        <translation>Three Lists</translation>
    </message>
    <message>
        <source>还没有清单。按 Ctrl+N 提出一条需求、资源或项目。</source>
        <translation>No list entries yet. Press Ctrl+N to raise a need, resource or project.</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>提出…</source>
        <translation>New entry…</translation>
    </message>
    <message>
        <source>提出一条需求、资源或项目（Ctrl+N）</source>
        <translation>Raise a need, resource or project (Ctrl+N)</translation>
    </message>
    <message>
        <source>认领</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>开始实施</source>
        <translation>Start work</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>退回认领</source>
        <translation>Give back claim</translation>
    </message>
    <message>
        <source>取消清单</source>
        <translation>Cancel entry</translation>
    </message>
    <message>
        <source>“{title}”退回后回到待认领，请说明原因：</source>
        <translation>“{title}” goes back to unclaimed. Please give the reason:</translation>
    </message>
    <message>
        <source>取消“{title}”，请说明原因：</source>
        <translation>Cancel “{title}”. Please give the reason:</translation>
    </message>
    <message>
        <source>删除清单</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>删除“{title}”吗？
删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete “{title}”?
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>按建议认领</source>
        <translation>Claim as suggested</translation>
    </message>
    <message>
        <source>由“{unit}”认领“{community}”的需求“{need}”，同时由“{community}”认领资源“{resource}”？</source>
        <translation>Have “{unit}” claim the need “{need}” of “{community}”, and “{community}” claim the resource “{resource}”?</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>具体内容；选“其他”时必填</source>
        <translation>Details; required when “Other” is chosen</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source>限期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>承诺事项</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>承诺内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>CommitmentsPanel</name>
    <message>
        <source>承诺事项</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>添加承诺…</source>
        <translation>Add commitment…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>承诺事项与本年度进度</source>
        <translation>Commitments and this year&apos;s progress</translation>
    </message>
    <message>
        <source>活动日期</source>
        <translation>Activity date</translation>
    </message>
    <message>
        <source>活动类别</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>对应承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>登记履约…</source>
        <translation>Record fulfilment…</translation>
    </message>
    <message>
        <source>照片与附件…</source>
        <translation>Photos and attachments…</translation>
    </message>
    <message>
        <source>履约记录</source>
        <translation>Fulfilment records</translation>
    </message>
    <message>
        <source>添加承诺事项时会先保存协议；协议生效后可登记履约。</source>
        <translation>Adding a commitment saves the agreement first; fulfilment can be recorded once the agreement is in force.</translation>
    </message>
    <message>
        <source>{p}%（落后）</source>
        <translation>{p}% (behind)</translation>
    </message>
    <message>
        <source>还没有承诺事项。点“添加承诺…”写下双方的约定。</source>
        <translation>No commitments yet. Click “Add commitment…” to write down what the two sides agreed.</translation>
    </message>
    <message>
        <source>{year}年总进度 {p}%（完成 {done}/{target} 次）</source>
        <translation>{year} overall progress {p}% ({done}/{target} done)</translation>
    </message>
    <message>
        <source>&#x3000;进度落后于时间</source>
        <translation>   Behind schedule</translation>
    </message>
    <message>
        <source>{h} 小时</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>添加承诺事项</source>
        <translation>Add Commitment</translation>
    </message>
    <message>
        <source>修改承诺事项</source>
        <translation>Edit Commitment</translation>
    </message>
    <message>
        <source>删除承诺事项</source>
        <translation>Delete Commitment</translation>
    </message>
    <message>
        <source>删除承诺“{name}”吗？已登记的履约记录保留。
可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the commitment “{name}”? Fulfilment records already entered are kept.
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>删除履约记录</source>
        <translation>Delete Fulfilment Record</translation>
    </message>
    <message>
        <source>删除履约记录“{name}”吗？
可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the fulfilment record “{name}”?
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>履约记录的照片与附件</source>
        <translation>Photos and Attachments of the Fulfilment Record</translation>
    </message>
    <message>
        <source>照片与附件</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>图片与文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;所有文件 (*)</source>
        <translation>Images and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;All files (*)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Co-building Agreements</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>保留采用中的版本(&amp;A)</source>
        <translation>Keep the version in &amp;use</translation>
    </message>
    <message>
        <source>改用另一版本(&amp;B)</source>
        <translation>Use the &amp;other version</translation>
    </message>
    <message>
        <source>按“处理后”一栏保存(&amp;S)</source>
        <translation>&amp;Save the “Resolved” column</translation>
    </message>
    <message>
        <source>没有未处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>两个站点在上次交换之后都改了这条记录。各站点暂时采用同一个版本；请核对后选择保留哪一个，或在“处理后”一栏改好再保存。</source>
        <translation>Both sites changed this record since they last exchanged it. Every site uses the same version meanwhile; check them, then keep one, or correct the “Resolved” column and save it.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>采用中（{site}）</source>
        <translation>In use ({site})</translation>
    </message>
    <message>
        <source>另一版本（{site}）</source>
        <translation>Other version ({site})</translation>
    </message>
    <message>
        <source>处理后（可修改）</source>
        <translation>Resolved (editable)</translation>
    </message>
    <message>
        <source>其中一方删除了这条记录（显示为“—”）。</source>
        <translation> One side deleted the record (shown as “—”).</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <source>已锁定：请输入密码继续。</source>
        <translation>Locked: enter your password to go on.</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>议定事项，例如：由街道城管科牵头，3月底前完成周边道路夜间停车泊位划设方案。</source>
        <translation>The decision, e.g.: The city management section leads; a plan for night-time parking bays on nearby roads by the end of March.</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>工作事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>还没有工作事项。定稿前每项议定事项都要有责任方：点“添加工作事项”。</source>
        <translation>No action items yet. Before finalising, every decision needs an owner: click “Add action item”.</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DirectoryKinds</name>
    <message>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>新建组织“{name}”</source>
        <translation>new organisation “{name}”</translation>
    </message>
    <message>
        <source>修改组织“{name}”</source>
        <translation>edit organisation “{name}”</translation>
    </message>
    <message>
        <source>删除组织“{name}”</source>
        <translation>delete organisation “{name}”</translation>
    </message>
    <message>
        <source>删除组织“{name}”吗？</source>
        <translation>Delete organisation “{name}”?</translation>
    </message>
    <message>
        <source>新建组织</source>
        <translation>New Organisation</translation>
    </message>
    <message>
        <source>修改组织</source>
        <translation>Edit Organisation</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident Unit</translation>
    </message>
    <message>
        <source>新建驻区单位“{name}”</source>
        <translation>new resident unit “{name}”</translation>
    </message>
    <message>
        <source>修改驻区单位“{name}”</source>
        <translation>edit resident unit “{name}”</translation>
    </message>
    <message>
        <source>删除驻区单位“{name}”</source>
        <translation>delete resident unit “{name}”</translation>
    </message>
    <message>
        <source>删除驻区单位“{name}”吗？</source>
        <translation>Delete resident unit “{name}”?</translation>
    </message>
    <message>
        <source>新建驻区单位</source>
        <translation>New Resident Unit</translation>
    </message>
    <message>
        <source>修改驻区单位</source>
        <translation>Edit Resident Unit</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party Organisation</translation>
    </message>
    <message>
        <source>新建党组织“{name}”</source>
        <translation>new party organisation “{name}”</translation>
    </message>
    <message>
        <source>修改党组织“{name}”</source>
        <translation>edit party organisation “{name}”</translation>
    </message>
    <message>
        <source>删除党组织“{name}”</source>
        <translation>delete party organisation “{name}”</translation>
    </message>
    <message>
        <source>删除党组织“{name}”吗？</source>
        <translation>Delete party organisation “{name}”?</translation>
    </message>
    <message>
        <source>新建党组织</source>
        <translation>New Party Organisation</translation>
    </message>
    <message>
        <source>修改党组织</source>
        <translation>Edit Party Organisation</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>新建人员“{name}”</source>
        <translation>new person “{name}”</translation>
    </message>
    <message>
        <source>修改人员“{name}”</source>
        <translation>edit person “{name}”</translation>
    </message>
    <message>
        <source>删除人员“{name}”</source>
        <translation>delete person “{name}”</translation>
    </message>
    <message>
        <source>删除人员“{name}”吗？</source>
        <translation>Delete person “{name}”?</translation>
    </message>
    <message>
        <source>新建人员</source>
        <translation>New Person</translation>
    </message>
    <message>
        <source>修改人员</source>
        <translation>Edit Person</translation>
    </message>
</context>
<context>
    <name>DirectoryLists</name>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>还没有驻区单位。按 Ctrl+N 新建，或从 Excel 导入。</source>
        <translation>No resident units yet. Press Ctrl+N to add one, or import them from Excel.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>还没有党组织。按 Ctrl+N 新建，选择它所属的驻区单位或社区。</source>
        <translation>No party organisations yet. Press Ctrl+N to add one and choose the resident unit or community it belongs to.</translation>
    </message>
    <message>
        <source>只看党员</source>
        <translation>Party members only</translation>
    </message>
    <message>
        <source>只看网格员</source>
        <translation>Grid workers only</translation>
    </message>
    <message>
        <source>还没有人员。按 Ctrl+N 新建，或从 Excel 导入在职党员名单。</source>
        <translation>No people yet. Press Ctrl+N to add someone, or import a list of in-service party members from Excel.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>在职党员</source>
        <translation>In-service Party Members</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>打开选中的记录（Enter、双击或 F2）</source>
        <translation>Open the selected record (Enter, double-click or F2)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的记录，先询问（Delete）</source>
        <translation>Delete the selected record, after asking (Delete)</translation>
    </message>
    <message>
        <source>在职党员报到…</source>
        <translation>In-service registration…</translation>
    </message>
    <message>
        <source>选中人员在社区的报到记录和服务记录；还没有报到的，登记报到</source>
        <translation>The selected person&apos;s community registrations and service records; registers them if not yet registered</translation>
    </message>
    <message>
        <source>范围：全部组织</source>
        <translation>Scope: all organisations</translation>
    </message>
    <message>
        <source>范围：{path}（含下级）</source>
        <translation>Scope: {path} (with sub-units)</translation>
    </message>
    <message>
        <source>&#x3000;第一社长：{name}</source>
        <translation>   First community head: {name}</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <source>在职党员 ({n})</source>
        <translation>In-service Party Members ({n})</translation>
    </message>
    <message>
        <source>报到登记…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>登记一名在职党员到社区报到（Ctrl+N）</source>
        <translation>Register an in-service party member reporting in to a community (Ctrl+N)</translation>
    </message>
    <message>
        <source>人员信息…</source>
        <translation>Person…</translation>
    </message>
    <message>
        <source>打开选中党员的人员信息（F2）</source>
        <translation>Open the selected member&apos;s person record (F2)</translation>
    </message>
    <message>
        <source>新建{noun}…</source>
        <translation>New {noun}…</translation>
    </message>
    <message>
        <source>新建{noun}（Ctrl+N）</source>
        <translation>New {noun} (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>DispatchBox</name>
    <message>
        <source>派单（吹哨）</source>
        <translation>Dispatch (call-in)</translation>
    </message>
    <message>
        <source>如 3个工作日、24小时、7天、2026-10-10；空着按事项时限</source>
        <translation>e.g. 3 working days, 24 hours, 7 days, 2026-10-10; empty: the issue&apos;s own</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>报到</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>结果/异议</source>
        <translation>Result / objection</translation>
    </message>
    <message>
        <source>反馈结果</source>
        <translation>Report result</translation>
    </message>
    <message>
        <source>同意退单</source>
        <translation>Accept objection</translation>
    </message>
    <message>
        <source>驳回异议</source>
        <translation>Refuse objection</translation>
    </message>
    <message>
        <source>提出异议</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>设为主办</source>
        <translation>Make lead</translation>
    </message>
    <message>
        <source>审核异议：确属非本单位职责，同意退单</source>
        <translation>Review: not the unit&apos;s remit indeed; it is taken off the order</translation>
    </message>
    <message>
        <source>审核异议：不同意，单位继续办理（须说明理由）</source>
        <translation>Review: refused, the unit goes on with it (give the reason)</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>主办单位：{unit}。新派的单位协办。</source>
        <translation>Lead unit: {unit}. Units sent now assist.</translation>
    </message>
    <message>
        <source>主办单位：{unit}（第一个勾选的单位）</source>
        <translation>Lead unit: {unit} (the first one checked)</translation>
    </message>
    <message>
        <source>勾选承办单位；第一个勾选的单位主办，其余协办。</source>
        <translation>Check the units; the first one checked leads, the others assist.</translation>
    </message>
    <message>
        <source>（主办）</source>
        <translation> (lead)</translation>
    </message>
    <message>
        <source>（协办）</source>
        <translation> (assisting)</translation>
    </message>
    <message>
        <source>退单：{why}</source>
        <translation>Returned: {why}</translation>
    </message>
    <message>
        <source>；驳回：{why}</source>
        <translation>; refused: {why}</translation>
    </message>
    <message>
        <source>异议：{why}</source>
        <translation>Objection: {why}</translation>
    </message>
    <message>
        <source>派单后办理时限：{due}</source>
        <translation>Due if dispatched now: {due}</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>复制为下次会议</source>
        <translation>Copy as next meeting</translation>
    </message>
    <message>
        <source>复制“{title}”的会议类型、名称、主办、主持人、记录人、地点、参会名单和议题，作为下次会议的草稿（届次加一，出席情况清空）。下次会议时间按本次的“第几周星期几”推算，遇节假日顺延到下一个工作日。</source>
        <translation>Copies the kind, title, host, chair, recorder, place, list of attendees and agenda topics of “{title}” into a draft of the next session (session number plus one, attendance cleared). The next session keeps this one’s week of the month and weekday, moved to the next working day when that is a holiday.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>下次会议时间</source>
        <translation>Next meeting starts</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>提出清单</source>
        <translation>New List Entry</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>例如 老旧小区加装电梯政策宣讲</source>
        <translation>e.g. Briefing on the policy for adding lifts to old residential buildings</translation>
    </message>
    <message>
        <source>选择或输入类别，匹配按类别进行</source>
        <translation>Choose or type a category; matching goes by category</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>提出方</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>提出方</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>认领方</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Give back…</translation>
    </message>
    <message>
        <source>认领方放弃：清单回到待认领</source>
        <translation>The claimer gives it up: the entry goes back to unclaimed</translation>
    </message>
    <message>
        <source>取消清单…</source>
        <translation>Cancel entry…</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>删除误录的清单（Delete），可撤销</source>
        <translation>Delete an entry raised by mistake (Delete); can be undone</translation>
    </message>
    <message>
        <source>按建议认领…</source>
        <translation>Claim as suggested…</translation>
    </message>
    <message>
        <source>单位认领社区的需求，社区同时认领单位的资源</source>
        <translation>The unit claims the community&apos;s need, and the community claims the unit&apos;s resource</translation>
    </message>
    <message>
        <source>建议匹配（同类别、同片区的待认领条目）</source>
        <translation>Suggested matches (unclaimed entries of the same category and zone)</translation>
    </message>
    <message>
        <source>（尚无）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>认领</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>认领…</source>
        <translation>Claim…</translation>
    </message>
    <message>
        <source>开始实施…</source>
        <translation>Start work…</translation>
    </message>
    <message>
        <source>完成…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>资源：{title}
{unit} · {category} · {zone}</source>
        <translation>Resource: {title}
{unit} · {category} · {zone}</translation>
    </message>
    <message>
        <source>需求：{title}
{community} · {category} · {zone}</source>
        <translation>Need: {title}
{community} · {category} · {zone}</translation>
    </message>
    <message>
        <source>没有可匹配的条目。</source>
        <translation>No matching entries.</translation>
    </message>
    <message>
        <source>选择一条待认领的需求或资源，这里显示可匹配的条目。</source>
        <translation>Select an unclaimed need or resource to see the entries that match it here.</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>驻区单位联系人</source>
        <translation>Resident unit contact</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>民生事项反映人</source>
        <translation>Issue reporter</translation>
    </message>
    <message>
        <source>事项编号，如 MS2026-000123</source>
        <translation>Issue number, e.g. MS2026-000123</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>contact phone</translation>
    </message>
    <message>
        <source>反映人电话</source>
        <translation>reporter&apos;s phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>address</translation>
    </message>
    <message>
        <source>删除个人信息（依申请）</source>
        <translation>Erase personal data (on request)</translation>
    </message>
    <message>
        <source>依据本人申请（《个人信息保护法》第四十七条），清除记录中的身份证号、电话和地址，并改写审计日志中的相应内容。清除后无法恢复；之前的备份仍保留旧值，请按本单位的保存规定处理。</source>
        <translation>On the person&apos;s own request (PIPL art. 47), clears the ID number, phone and address in the record and rewrites them in the audit log. This cannot be undone; earlier backups keep the old values: handle them as your office&apos;s retention rules say.</translation>
    </message>
    <message>
        <source>必填，如：本人于11月28日书面申请。将记入审计日志。</source>
        <translation>Required, e.g. written request of 28 November. Recorded in the audit log.</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>删除个人信息…</source>
        <translation>Erase personal data…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>找到：{name}。将清除：{fields}。</source>
        <translation>Found: {name}. To be cleared: {fields}.</translation>
    </message>
    <message>
        <source>清除“{name}”的个人信息，并改写审计日志中的记录？此操作无法撤销。</source>
        <translation>Clear the personal data of “{name}” and rewrite the audit log? This cannot be undone.</translation>
    </message>
    <message>
        <source>已清除“{name}”的个人信息，审计日志中改写了 {n} 条记录。</source>
        <translation>The personal data of “{name}” is cleared; {n} audit log entries were rewritten.</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>新建评价</source>
        <translation>New Evaluation</translation>
    </message>
    <message>
        <source>修改评价</source>
        <translation>Edit Evaluation</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>0–100，可不填</source>
        <translation>0–100, optional</translation>
    </message>
    <message>
        <source>例如 某某厅党组、街道党工委</source>
        <translation>e.g. the party group of a provincial department, the street party working committee</translation>
    </message>
    <message>
        <source>评价方</source>
        <translation>Evaluating side</translation>
    </message>
    <message>
        <source>评价类别</source>
        <translation>Evaluation type</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>评价意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>评价单位</source>
        <translation>Evaluated by</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluation date</translation>
    </message>
</context>
<context>
    <name>Excel</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>跳过（重复）</source>
        <translation>Skip (duplicate)</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出为 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>正在导出“{title}”…</source>
        <translation>Exporting “{title}”…</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>共 {n} 条记录</source>
        <translation>{n} records</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>数据包 (*.gjpkg)</source>
        <translation>Data packages (*.gjpkg)</translation>
    </message>
    <message>
        <source>登记文件 (*.gjenrol)</source>
        <translation>Enrolment files (*.gjenrol)</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data Exchange</translation>
    </message>
    <message>
        <source>导出、导入的结果显示在这里。</source>
        <translation>The results of exports and imports appear here.</translation>
    </message>
    <message>
        <source>站点与数据包</source>
        <translation>Sites and Packages</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>导出数据包(&amp;E)…</source>
        <translation>&amp;Export Package…</translation>
    </message>
    <message>
        <source>导入数据包(&amp;I)…</source>
        <translation>&amp;Import Packages…</translation>
    </message>
    <message>
        <source>共享文件夹同步(&amp;S)…</source>
        <translation>&amp;Sync Shared Folder…</translation>
    </message>
    <message>
        <source>新建社区站点(&amp;N)…</source>
        <translation>&amp;New Community Site…</translation>
    </message>
    <message>
        <source>停用站点</source>
        <translation>Retire Site</translation>
    </message>
    <message>
        <source>吊销站点</source>
        <translation>Revoke Site</translation>
    </message>
    <message>
        <source>用登记文件加入(&amp;J)…</source>
        <translation>&amp;Join with an Enrolment File…</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>本数据库还没有参加数据交换。街道：新建社区站点；社区：用街道给的登记文件加入。</source>
        <translation>This database does not take part in an exchange yet. Street office: create a community site; community: join with the enrolment file from the street.</translation>
    </message>
    <message>
        <source>本站点：{site}&#x3000;未处理的冲突：{n}</source>
        <translation>This site: {site}    Open conflicts: {n}</translation>
    </message>
    <message>
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近发出</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>待发变更</source>
        <translation>Unsent changes</translation>
    </message>
    <message>
        <source>等待中的包</source>
        <translation>Waiting packages</translation>
    </message>
    <message>
        <source>缺少的序号</source>
        <translation>Missing numbers</translation>
    </message>
    <message>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export Package</translation>
    </message>
    <message>
        <source>正在导出数据包…</source>
        <translation>Exporting the package…</translation>
    </message>
    <message>
        <source>已写出给“{site}”的数据包：{file}（{n} 项变更，{m} 个附件）</source>
        <translation>Package for “{site}” written: {file} ({n} changes, {m} attachments)</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import Packages</translation>
    </message>
    <message>
        <source>正在导入数据包…</source>
        <translation>Importing the package…</translation>
    </message>
    <message>
        <source>{file}：来自“{site}”，写入 {n} 项，已有 {d} 项，冲突 {c} 项</source>
        <translation>{file}: from “{site}”, {n} written, {d} already here, {c} conflicts</translation>
    </message>
    <message>
        <source>；缺少序号 {a}–{b} 的包，先到的包在等待</source>
        <translation>; numbers {a}–{b} are missing, the package that came first waits</translation>
    </message>
    <message>
        <source>；与清单不符：{t}</source>
        <translation>; differs from the manifest: {t}</translation>
    </message>
    <message>
        <source>选择共享文件夹</source>
        <translation>Choose the Shared Folder</translation>
    </message>
    <message>
        <source>正在同步共享文件夹…</source>
        <translation>Syncing the shared folder…</translation>
    </message>
    <message>
        <source>已写出：{file}</source>
        <translation>Written: {file}</translation>
    </message>
    <message>
        <source>没有导入 {file}：{why}</source>
        <translation>Not imported {file}: {why}</translation>
    </message>
    <message>
        <source>新建社区站点</source>
        <translation>New Community Site</translation>
    </message>
    <message>
        <source>组织架构中还没有社区，请先在“组织与人员”中建立社区。</source>
        <translation>The org tree has no community yet: create communities under “Organisations and People” first.</translation>
    </message>
    <message>
        <source>社区：</source>
        <translation>Community:</translation>
    </message>
    <message>
        <source>保存登记文件</source>
        <translation>Save the Enrolment File</translation>
    </message>
    <message>
        <source>正在写出登记文件…</source>
        <translation>Writing the enrolment file…</translation>
    </message>
    <message>
        <source>已新建社区站点“{site}”，登记文件：{file}</source>
        <translation>Community site “{site}” created, enrolment file: {file}</translation>
    </message>
    <message>
        <source>登记口令</source>
        <translation>Enrolment Passphrase</translation>
    </message>
    <message>
        <source>请记下口令并另行告知社区（不要和登记文件放在一起）。口令只显示这一次：

{p}</source>
        <translation>Note the passphrase and tell it to the community separately (never with the enrolment file). It is shown this once only:

{p}</translation>
    </message>
    <message>
        <source>吊销后，这个站点的数据包一律拒收（电脑丢失时使用）。确定吊销吗？</source>
        <translation>Once revoked, every package from this site is refused (for a lost PC). Revoke it?</translation>
    </message>
    <message>
        <source>停用后不再与这个站点交换数据。确定停用吗？</source>
        <translation>Once retired, nothing is exchanged with this site any more. Retire it?</translation>
    </message>
    <message>
        <source>请稍候…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>选择登记文件</source>
        <translation>Choose the Enrolment File</translation>
    </message>
    <message>
        <source>读不了登记文件：{why}</source>
        <translation>The enrolment file cannot be read: {why}</translation>
    </message>
    <message>
        <source>加入数据交换</source>
        <translation>Join the Exchange</translation>
    </message>
    <message>
        <source>登记为“{site}”。请输入街道给出的口令：</source>
        <translation>Enrol as “{site}”. Type the passphrase the street office gave you:</translation>
    </message>
    <message>
        <source>正在载入登记文件…</source>
        <translation>Loading the enrolment file…</translation>
    </message>
    <message>
        <source>数据库没有改动，可以再试一次。</source>
        <translation>The database was not changed; you can try again.</translation>
    </message>
    <message>
        <source>本数据库已登记为“{site}”，载入 {n} 条记录。</source>
        <translation>This database is now the site “{site}”; {n} records loaded.</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>吊销</source>
        <translation>revoked</translation>
    </message>
</context>
<context>
    <name>ExchangeState</name>
    <message>
        <source>待</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>发</source>
        <translation>→</translation>
    </message>
    <message>
        <source>达</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>冲</source>
        <translation>!</translation>
    </message>
    <message>
        <source>未发送</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>已发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <source>未发送：本站点的修改还没有写进给{sites}的数据包</source>
        <translation>Not sent: this site&apos;s change is not yet in a package for {sites}</translation>
    </message>
    <message>
        <source>已发出：修改已写进给{sites}的数据包，对方还没有确认收到</source>
        <translation>Sent: the change is in a package for {sites}, not yet acknowledged</translation>
    </message>
    <message>
        <source>已送达：{sites}已确认收到本站点的修改</source>
        <translation>Delivered: {sites} acknowledged this site&apos;s change</translation>
    </message>
    <message>
        <source>有冲突：与{sites}的修改冲突，请在“文件 → 数据交换… → 冲突”中处理</source>
        <translation>In conflict with a change made at {sites}: resolve it in File → Data Exchange… → Conflicts</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>整个事项</source>
        <translation>The whole issue</translation>
    </message>
    <message>
        <source>如 3个工作日、24小时，或新的期限 2026-10-20</source>
        <translation>e.g. 3 working days, 24 hours, or a new last day 2026-10-20</translation>
    </message>
    <message>
        <source>必填：申请延期的理由</source>
        <translation>Required: why the extension was asked for</translation>
    </message>
    <message>
        <source>延期的</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>延长</source>
        <translation>By / until</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>FactsBox</name>
    <message>
        <source>事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>代录</source>
        <translation>On behalf</translation>
    </message>
    <message>
        <source>反映人没有手机等，由工作人员代为登记：两个人的名字都留下</source>
        <translation>Entered by staff for a reporter without a phone: both names are kept</translation>
    </message>
    <message>
        <source>代录的工作人员</source>
        <translation>Staff member entering it</translation>
    </message>
    <message>
        <source>照片与附件</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic);;All files (*)</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>来源/类别/社区</source>
        <translation>Source / category / community</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>反映人/电话</source>
        <translation>Reporter / phone</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorised)</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>新的数据库</source>
        <translation>New Database</translation>
    </message>
    <message>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo Data</translation>
    </message>
    <message>
        <source>这是一个新的空数据库。要载入演示数据（鼓楼区宁海路街道等）来熟悉共建台吗？</source>
        <translation>This is a new, empty database. Load the demo data (Ninghai Road street of Gulou District and more) to get to know Gongjian?</translation>
    </message>
    <message>
        <source>社区党群服务中心的电脑：选择“用社区站点登记文件开始”，打开街道给的 .gjenrol 文件并输入口令。
选择“从空白开始”则可在“组织与人员”中新建街道和社区；以后仍可在“文件 → 载入演示数据”中载入。</source>
        <translation>On a community centre&apos;s PC: choose “Start from a community site&apos;s enrolment file”, open the .gjenrol file from the street office and type the passphrase.
Choose “Start empty” to create the street and communities under Organisations and People; the demo data can still be loaded later from File → Load demo data.</translation>
    </message>
    <message>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>用社区站点登记文件开始…</source>
        <translation>Start from a community site&apos;s enrolment file…</translation>
    </message>
    <message>
        <source>从空白开始</source>
        <translation>Start empty</translation>
    </message>
    <message>
        <source>这个数据库里已经有数据，演示数据只能载入空数据库，现有数据不会被改动。
如要试用演示数据，请在“文件 → 设置”中换一个新的数据库文件，重新打开共建台后再载入。</source>
        <translation>This database already holds data. Demo data can only be loaded into an empty database; the data here is left unchanged.
To try the demo data, choose a new database file under “File → Settings”, reopen Gongjian and load it there.</translation>
    </message>
</context>
<context>
    <name>FollowUpBox</name>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>并单的工单：每位反映人都要回访</source>
        <translation>A merged order: every reporter is called</translation>
    </message>
    <message>
        <source>回访时间</source>
        <translation>Visited at</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>（请选择满意度）</source>
        <translation>(choose the satisfaction)</translation>
    </message>
    <message>
        <source>待回访：{names}</source>
        <translation>Still to call: {names}</translation>
    </message>
</context>
<context>
    <name>FormOutput</name>
    <message>
        <source>正在生成 {n} 份评价表…</source>
        <translation>Building {n} evaluation forms…</translation>
    </message>
</context>
<context>
    <name>FulfilmentDialog</name>
    <message>
        <source>登记履约</source>
        <translation>Record Fulfilment</translation>
    </message>
    <message>
        <source>（不对应承诺）</source>
        <translation>(no commitment)</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>活动日期</source>
        <translation>Activity date</translation>
    </message>
    <message>
        <source>对应承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>活动类别</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>照片与附件</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>添加照片或附件</source>
        <translation>Add a Photo or Attachment</translation>
    </message>
    <message>
        <source>图片与文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;所有文件 (*)</source>
        <translation>Images and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;All files (*)</translation>
    </message>
    <message>
        <source>{branch}
{unit} · {community}</source>
        <translation>{branch}
{unit} · {community}</translation>
    </message>
    <message>
        <source>{activity}（本年已开展，最近一次 {day}）</source>
        <translation>{activity} (held this year, last on {day})</translation>
    </message>
    <message>
        <source>例如 宁海路社区党群服务中心</source>
        <translation>e.g. Ninghailu Community party service centre</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pairing</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>节假日与调休</source>
        <translation>Holidays and Working Weekends</translation>
    </message>
    <message>
        <source>导入节假日文件…</source>
        <translation>Import holiday file…</translation>
    </message>
    <message>
        <source>国务院办公厅每年11月前后公布下一年的安排；把它的节假日文件导入这里</source>
        <translation>The State Council&apos;s General Office publishes next year&apos;s holidays around November; import its holiday file here</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把这一年存为节假日文件，发给各社区导入</source>
        <translation>Save this year as a holiday file for the communities to import</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>休息（节假日）</source>
        <translation>Day off (holiday)</translation>
    </message>
    <message>
        <source>上班（调休）</source>
        <translation>Working day (adjusted)</translation>
    </message>
    <message>
        <source>如：国庆节</source>
        <translation>e.g. National Day</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>恢复为平常</source>
        <translation>Back to normal</translation>
    </message>
    <message>
        <source>这一天重新按周一至周五上班计算</source>
        <translation>This day counts by the Monday-to-Friday week again</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>这几天</source>
        <translation>These days</translation>
    </message>
    <message>
        <source>{year}年还没有节假日安排：国务院办公厅公布后，导入它的节假日文件，或在下面逐段设置。在此之前，这一年只按周一至周五计算工作日。</source>
        <translation>{year} has no holidays yet: once the State Council&apos;s General Office publishes them, import its holiday file or set them below. Until then, working days in {year} are Monday to Friday.</translation>
    </message>
    <message>
        <source>{year}年：放假{off}天，调休上班{work}天。{source}</source>
        <translation>{year}: {off} days off, {work} make-up working days. {source}</translation>
    </message>
    <message>
        <source>依据：{names}</source>
        <translation>Source: {names}</translation>
    </message>
    <message>
        <source>导入节假日文件</source>
        <translation>Import holiday file</translation>
    </message>
    <message>
        <source>已导入{year}年：放假{off}天，调休上班{work}天（替换原有{old}天）。</source>
        <translation>Imported {year}: {off} days off, {work} make-up working days ({old} days replaced).</translation>
    </message>
    <message>
        <source>导出节假日文件</source>
        <translation>Export holiday file</translation>
    </message>
    <message>
        <source>无法写入文件：{path}（{why}）</source>
        <translation>Cannot write the file: {path} ({why})</translation>
    </message>
    <message>
        <source>已导出{year}年的节假日：{path}</source>
        <translation>Exported the holidays of {year}: {path}</translation>
    </message>
    <message>
        <source>休息</source>
        <translation>Day off</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>月度</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>所选期间含这一天；每月1日至5日默认为上个月</source>
        <translation>The period shown contains this day; from the 1st to the 5th of a month it defaults to the month before</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>全街道</source>
        <translation>Whole street</translation>
    </message>
    <message>
        <source>工作月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>所选期间最后一个月、所选范围的工作月报</source>
        <translation>The monthly report for the last month of the chosen period and the chosen scope</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>另存 PDF…</source>
        <translation>Save PDF As…</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>不随期间变化</source>
        <translation>whatever the period</translation>
    </message>
    <message>
        <source>正在准备图表…</source>
        <translation>Preparing charts…</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>截至 {time}</source>
        <translation>as of {time}</translation>
    </message>
    <message>
        <source>数据库是空的：可在“组织与人员”中新建街道和社区，或选“文件 → 载入演示数据”。</source>
        <translation>The database is empty: create the street and its communities under “Organisations and People”, or choose “File → Load demo data”.</translation>
    </message>
    <message>
        <source>没有需要提醒的事项。</source>
        <translation>No reminders.</translation>
    </message>
</context>
<context>
    <name>HomeTiles</name>
    <message>
        <source>未办结民生事项</source>
        <translation>Open issues</translation>
    </message>
    <message>
        <source>超期事项</source>
        <translation>Overdue issues</translation>
    </message>
    <message>
        <source>本期办结</source>
        <translation>Resolved in period</translation>
    </message>
    <message>
        <source>平均办结天数</source>
        <translation>Average days to resolve</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>本期会议</source>
        <translation>Meetings in period</translation>
    </message>
    <message>
        <source>未完成议定事项</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>生效中的协议</source>
        <translation>Active agreements</translation>
    </message>
    <message>
        <source>即将到期的协议</source>
        <translation>Agreements expiring soon</translation>
    </message>
    <message>
        <source>本年度七个共完成率</source>
        <translation>Seven joint activities done this year</translation>
    </message>
    <message>
        <source>在岗挂职干部</source>
        <translation>Cadres on secondment</translation>
    </message>
    <message>
        <source>待填写的评价</source>
        <translation>Evaluations due</translation>
    </message>
    <message>
        <source>街道、片区、社区和网格</source>
        <translation>Streets, zones, communities and grids</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident units</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>{days}天</source>
        <translation>{days} d</translation>
    </message>
</context>
<context>
    <name>HostFilter</name>
    <message>
        <source>主办</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>全部主办</source>
        <translation>All hosts</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>从 Excel 导入</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>下载模板…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>在 Excel 中改正文件并保存后，重新读取并检查</source>
        <translation>After correcting and saving the file in Excel, read and check it again</translation>
    </message>
    <message>
        <source>还没有选择文件。</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>用文件内容更新</source>
        <translation>Update from the file</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入：</source>
        <translation>Import:</translation>
    </message>
    <message>
        <source>已有的重复记录（按身份证号，或名称与单位）：</source>
        <translation>Existing duplicates (by ID number, or by name and unit):</translation>
    </message>
    <message>
        <source>保存导入模板</source>
        <translation>Save Import Template</translation>
    </message>
    <message>
        <source>{kind}导入模板</source>
        <translation>{kind} import template</translation>
    </message>
    <message>
        <source>无法保存模板</source>
        <translation>Cannot save the template</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 文件</source>
        <translation>Choose the Excel File to Import</translation>
    </message>
    <message>
        <source>将从“{file}”导入{kind}：新增 {new} 条，更新 {updated} 条，跳过重复 {skipped} 条。

全部导入成功才会保存，要开始吗？</source>
        <translation>Import {kind} from “{file}”: {new} new, {updated} updated, {skipped} duplicates skipped.

Nothing is saved unless every row imports. Start now?</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数据库正被使用</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <source>已从“{file}”导入：新增 {new} 条，更新 {updated} 条，跳过重复 {skipped} 条。可以接着选择下一个文件，或关闭。</source>
        <translation>Imported from “{file}”: {new} added, {updated} updated, {skipped} duplicates skipped. Choose the next file, or close.</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>没有导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>正在检查“{file}”…</source>
        <translation>Checking “{file}”…</translation>
    </message>
    <message>
        <source>选择种类后可“下载模板”，在 Excel 中填写，再“选择文件”。导入前会逐行检查，有问题的行不会导入，也不会导入其他任何行。</source>
        <translation>Choose a kind, then “Download template” and fill it in in Excel, then “Choose file”. Every row is checked before importing; if any row has a problem, no row at all is imported.</translation>
    </message>
    <message>
        <source>共 {rows} 行：新增 {new}，更新 {updated}，跳过重复 {skipped}</source>
        <translation>{rows} rows: {new} new, {updated} to update, {skipped} duplicates to skip</translation>
    </message>
    <message>
        <source>{counts}；{bad} 行有问题（共 {n} 处，见下方列表）。请在 Excel 中改正并保存，再按“重新检查”。</source>
        <translation>{counts}; {bad} row(s) have problems ({n} in all, listed below). Correct them in Excel, save, then press “Check again”.</translation>
    </message>
    <message>
        <source>{counts}。没有要写入的记录。</source>
        <translation>{counts}. Nothing to write.</translation>
    </message>
    <message>
        <source>{counts}。没有发现问题，可以导入。</source>
        <translation>{counts}. No problems found; ready to import.</translation>
    </message>
</context>
<context>
    <name>IssueCommands</name>
    <message>
        <source>并单：{number}并入{into}</source>
        <translation>Merge {number} into {into}</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>另一事项的编号</source>
        <translation>Number of the other issue</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>关联事项</source>
        <translation>Linked issues</translation>
    </message>
    <message>
        <source>登记新的民生事项</source>
        <translation>Register a New Issue</translation>
    </message>
    <message>
        <source>重复于</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>被重复</source>
        <translation>Duplicated by</translation>
    </message>
    <message>
        <source>相关</source>
        <translation>Related</translation>
    </message>
    <message>
        <source>这件事项有未保存的修改。</source>
        <translation>This issue has unsaved changes.</translation>
    </message>
    <message>
        <source>保存修改吗？</source>
        <translation>Save them?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>计时暂停：异议审核中</source>
        <translation>clock paused: objection under review</translation>
    </message>
    <message>
        <source>已延期</source>
        <translation>extended</translation>
    </message>
    <message>
        <source>问题工单</source>
        <translation>problem order</translation>
    </message>
    <message>
        <source>{number}&#x3000;{status}&#x3000;办理时限 {due}{flag}</source>
        <translation>{number}  {status}  due {due}{flag}</translation>
    </message>
    <message>
        <source>来源会议：{title}</source>
        <translation>Raised at meeting: {title}</translation>
    </message>
    <message>
        <source>已并入 &lt;a href=&apos;{id}&apos;&gt;{number}&lt;/a&gt;</source>
        <translation>Merged into &lt;a href=&apos;{id}&apos;&gt;{number}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>并单：共{n}位反映人</source>
        <translation>Merged: {n} reporters</translation>
    </message>
    <message>
        <source>{clerk}代录</source>
        <translation>entered by {clerk}</translation>
    </message>
    <message>
        <source>问题工单：{why}</source>
        <translation>Problem order: {why}</translation>
    </message>
    <message>
        <source>关联事项：{links}</source>
        <translation>Linked issues: {links}</translation>
    </message>
    <message>
        <source>&#x3000;● 未保存</source>
        <translation>  ● unsaved</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>没有找到相似的工单。并入哪个工单？请输入编号：</source>
        <translation>No similar order found. Merge into which order? Enter its number:</translation>
    </message>
    <message>
        <source>请先选择满意度。</source>
        <translation>Choose the satisfaction first.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>请先在派单列表中选中一个承办单位。</source>
        <translation>First select a handling unit in the dispatch list.</translation>
    </message>
</context>
<context>
    <name>IssuesTab</name>
    <message>
        <source>民生事项</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>还没有民生事项。按 Ctrl+N 登记一件。</source>
        <translation>No issues yet. Press Ctrl+N to register one.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{red}&apos;&gt;■&lt;/span&gt; 红色：已超期或派单24小时未报到&#x3000;&lt;span style=&apos;color:{yellow}&apos;&gt;■&lt;/span&gt; 黄色：3天没有进展&#x3000;&lt;b&gt;粗体&lt;/b&gt;：督办</source>
        <translation>&lt;span style=&apos;color:{red}&apos;&gt;■&lt;/span&gt; Red: overdue or not acknowledged within 24 hours  &lt;span style=&apos;color:{yellow}&apos;&gt;■&lt;/span&gt; Yellow: no progress for 3 days  &lt;b&gt;Bold&lt;/b&gt;: supervised</translation>
    </message>
    <message>
        <source>打印工单…</source>
        <translation>Print Work Order…</translation>
    </message>
    <message>
        <source>预览并打印所选事项的工单（Ctrl+P）</source>
        <translation>Preview and print the selected issue&apos;s work order (Ctrl+P)</translation>
    </message>
    <message>
        <source>另存 PDF…</source>
        <translation>Save PDF As…</translation>
    </message>
    <message>
        <source>催办清单…</source>
        <translation>Reminder list…</translation>
    </message>
    <message>
        <source>问题工单、超期、停滞和督办的事项，红色在前</source>
        <translation>Problem orders, overdue, stalled and supervised issues, red first</translation>
    </message>
    <message>
        <source>红黑榜…</source>
        <translation>Red and black list…</translation>
    </message>
    <message>
        <source>承办单位和社区的三率与排名（按月）</source>
        <translation>The three rates and ranking of units and communities (by month)</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>类别与办理时限…</source>
        <translation>Categories and Time Limits…</translation>
    </message>
    <message>
        <source>节假日与调休…</source>
        <translation>Holidays and Working Weekends…</translation>
    </message>
    <message>
        <source>考评与并单规则…</source>
        <translation>Scoring and merging rules…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervised</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>共 {n}+ 条（向下滚动显示更多）</source>
        <translation>{n}+ records (scroll down for more)</translation>
    </message>
</context>
<context>
    <name>KindsDialog</name>
    <message>
        <source>会议类型</source>
        <translation>Meeting kinds</translation>
    </message>
    <message>
        <source>每行一种会议类型，按此顺序出现在列表中。已有会议的类型不受影响。</source>
        <translation>One meeting kind per line, listed in this order. Existing meetings keep their kind.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>还没有记录。</source>
        <translation>No records yet.</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>搜索（Ctrl+F）</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部{label}</source>
        <translation>{label}: all</translation>
    </message>
    <message>
        <source>没有符合条件的记录。请换一个搜索词或清除筛选。</source>
        <translation>No matching records. Try another search term or clear the filters.</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>Total: {n}</translation>
    </message>
    <message>
        <source>交换状态</source>
        <translation>exchange states</translation>
    </message>
    <message>
        <source>导出为 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
</context>
<context>
    <name>LookupEdit</name>
    <message>
        <source>输入名称中的几个字，从列表中选择</source>
        <translation>Type part of a name, then pick from the list</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>联席会议</source>
        <translation>Joint Meetings</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Co-building Agreements</translation>
    </message>
    <message>
        <source>干部挂职</source>
        <translation>Cadre Secondments</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>组织与人员</source>
        <translation>Organisations and People</translation>
    </message>
    <message>
        <source>共建台</source>
        <translation>Gongjian</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>数据库未打开</source>
        <translation>Database not open</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>单位 {units} · 人员 {people} · 会议 {meetings} · 协议 {agreements} · 事项 {issues}</source>
        <translation>Units {units} · People {people} · Meetings {meetings} · Agreements {agreements} · Issues {issues}</translation>
    </message>
    <message>
        <source>没有登记，数据库保持为空。</source>
        <translation>Not enrolled; the database stays empty.</translation>
    </message>
    <message>
        <source>本数据库已登记为社区站点“{site}”（{street}），载入 {n} 条记录。</source>
        <translation>This database is now the community site “{site}” ({street}); {n} records loaded.</translation>
    </message>
    <message>
        <source>演示数据已载入。</source>
        <translation>The demo data is loaded.</translation>
    </message>
    <message>
        <source>没有载入演示数据，数据库保持为空。</source>
        <translation>No demo data was loaded; the database stays empty.</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>从 Excel 导入(&amp;I)…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <source>导出当前列表为 Excel(&amp;E)…</source>
        <translation>&amp;Export Current List to Excel…</translation>
    </message>
    <message>
        <source>载入演示数据(&amp;D)…</source>
        <translation>Load &amp;demo data…</translation>
    </message>
    <message>
        <source>数据交换(&amp;X)…</source>
        <translation>Data E&amp;xchange…</translation>
    </message>
    <message>
        <source>备份数据库(&amp;B)…</source>
        <translation>&amp;Back Up Database…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from Backup…</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>用户与权限(&amp;U)…</source>
        <translation>&amp;Users and Permissions…</translation>
    </message>
    <message>
        <source>审计日志(&amp;L)…</source>
        <translation>Audit &amp;log…</translation>
    </message>
    <message>
        <source>删除个人信息（依申请）(&amp;P)…</source>
        <translation>Erase &amp;personal data (on request)…</translation>
    </message>
    <message>
        <source>修改我的密码(&amp;M)…</source>
        <translation>Change &amp;my password…</translation>
    </message>
    <message>
        <source>切换用户(&amp;W)…</source>
        <translation>S&amp;witch User…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于共建台(&amp;A)</source>
        <translation>&amp;About Gongjian</translation>
    </message>
    <message>
        <source>导出为 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>这一页没有列表可以导出。请先打开一个列表（如民生事项、共建协议）。</source>
        <translation>This page has no list to export. Open a list first (such as Issues or Co-building Agreements).</translation>
    </message>
    <message>
        <source>已从备份恢复：{name}</source>
        <translation>Restored from the backup {name}</translation>
    </message>
    <message>
        <source>已自动备份（{time}）</source>
        <translation>Backed up automatically ({time})</translation>
    </message>
    <message>
        <source>第二备份文件夹</source>
        <translation>Second Backup Folder</translation>
    </message>
    <message>
        <source>自动备份失败：{reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup Failed</translation>
    </message>
    <message>
        <source>关闭前的自动备份没有完成：{reason}

仍然退出吗？已保存的数据不受影响。</source>
        <translation>The automatic backup before closing did not finish: {reason}

Quit anyway? What was saved is not affected.</translation>
    </message>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>密码已修改。</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <source>关于共建台</source>
        <translation>About Gongjian</translation>
    </message>
    <message>
        <source>共建台 {version}
街道党工委联席会议、共建协议、干部挂职与民生事项工作平台。</source>
        <translation>Gongjian {version}
Joint meetings, co-building agreements, cadre secondments and residents&apos; issues for street party working committees.</translation>
    </message>
    <message>
        <source>正在备份数据库，完成后关闭…</source>
        <translation>Backing up the database; the window closes when it is done…</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>{branch}
{unit}
协议 {number}</source>
        <translation>{branch}
{unit}
Agreement {number}</translation>
    </message>
    <message>
        <source>已开展，最近一次 {day}</source>
        <translation>Held, last on {day}</translation>
    </message>
    <message>
        <source>已承诺，尚未开展</source>
        <translation>Committed, not held yet</translation>
    </message>
    <message>
        <source>未承诺</source>
        <translation>Not committed</translation>
    </message>
    <message>
        <source>单击或按回车登记履约</source>
        <translation>Click or press Enter to record fulfilment</translation>
    </message>
</context>
<context>
    <name>MatrixPrintDialog</name>
    <message>
        <source>打印七个共落实情况</source>
        <translation>Print the seven joint activities</translation>
    </message>
    <message>
        <source>全部 {n} 对，按列表当前的排序(&amp;A)</source>
        <translation>&amp;All {n} pairs, in the list&apos;s order</translation>
    </message>
    <message>
        <source>按列表当前的排序，前(&amp;F)</source>
        <translation>The &amp;first, in the list&apos;s order:</translation>
    </message>
    <message>
        <source>完成率最低的(&amp;L)</source>
        <translation>The &amp;least done:</translation>
    </message>
    <message>
        <source>对</source>
        <translation>pairs</translation>
    </message>
    <message>
        <source>对，最低的在前</source>
        <translation>pairs, least done first</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>搜索支部、单位或社区（Ctrl+F）</source>
        <translation>Search branch, unit or community (Ctrl+F)</translation>
    </message>
    <message>
        <source>登记履约…</source>
        <translation>Record fulfilment…</translation>
    </message>
    <message>
        <source>为选中的格子登记一次活动（回车）</source>
        <translation>Record an activity for the selected cell (Enter)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印预览（Ctrl+P）</source>
        <translation>Print preview (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>片区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>全部片区</source>
        <translation>All zones</translation>
    </message>
    <message>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <source>√ 已开展（最近一次的日期）&#x3000;○ 已承诺、尚未开展&#x3000;— 未承诺。双击格子或按回车登记履约；Ctrl+Z 撤销。</source>
        <translation>√ held (date of the latest)&#x3000;○ committed, not yet held&#x3000;— not committed. Double-click a cell or press Enter to record an activity; Ctrl+Z undoes.</translation>
    </message>
    <message>
        <source>无法登记履约</source>
        <translation>Cannot record fulfilment</translation>
    </message>
    <message>
        <source>登记履约：{branch} {activity}</source>
        <translation>Record fulfilment: {branch} {activity}</translation>
    </message>
    <message>
        <source>登记履约</source>
        <translation>Record Fulfilment</translation>
    </message>
    <message>
        <source>已登记。活动日期在{year}年，不计入当前显示的年度。</source>
        <translation>Recorded. The activity date is in {year}, so it does not count towards the year shown.</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>{year}年没有生效的支部结对。请换一个年度或清除筛选。</source>
        <translation>No branch pairings in force in {year}. Choose another year or clear the filters.</translation>
    </message>
    <message>
        <source>共 {pairs} 对结对 · 平均完成率 {percent}% · 七项全部完成 {full} 对</source>
        <translation>{pairs} pairings · average completion {percent}% · all seven done: {full}</translation>
    </message>
</context>
<context>
    <name>MeetingCommands</name>
    <message>
        <source>新建会议“{title}”</source>
        <translation>New meeting “{title}”</translation>
    </message>
    <message>
        <source>复制会议“{title}”</source>
        <translation>Copy meeting “{title}”</translation>
    </message>
    <message>
        <source>删除会议“{title}”</source>
        <translation>Delete meeting “{title}”</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>出席人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>议程与议定事项</source>
        <translation>Agenda and decisions</translation>
    </message>
    <message>
        <source>定稿…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <source>检查纪要是否完整，定稿后只读</source>
        <translation>Check the minutes are complete; final minutes are read-only</translation>
    </message>
    <message>
        <source>退回草稿…</source>
        <translation>Back to draft…</translation>
    </message>
    <message>
        <source>说明理由后退回草稿，理由记入操作日志</source>
        <translation>Return to draft with a reason, which goes into the audit log</translation>
    </message>
    <message>
        <source>导出纪要PDF…</source>
        <translation>Export minutes PDF…</translation>
    </message>
    <message>
        <source>按公文格式保存纪要的 PDF 文件</source>
        <translation>Save the minutes as a PDF in the official layout</translation>
    </message>
    <message>
        <source>打印纪要…</source>
        <translation>Print minutes…</translation>
    </message>
    <message>
        <source>打印预览，再打印（Ctrl+P）</source>
        <translation>Print preview, then print (Ctrl+P)</translation>
    </message>
    <message>
        <source>归档包…</source>
        <translation>Archive bundle…</translation>
    </message>
    <message>
        <source>纪要、签到表、附件、议定事项和 SHA-256 校验清单，存入一个文件夹</source>
        <translation>The minutes, sign-in sheet, attachments, decisions and a SHA-256 manifest, saved in one folder</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>会前打印签到表：参会人员、单位、职务和签名栏</source>
        <translation>Print the sign-in sheet before the meeting: attendees, units, posts and a signature column</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>会议：{title}</source>
        <translation>Meeting: {title}</translation>
    </message>
    <message>
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>新会议，尚未保存。填好基本信息后按 Ctrl+S 保存。</source>
        <translation>New meeting, not saved yet. Fill in the basics, then press Ctrl+S.</translation>
    </message>
    <message>
        <source>已定稿（{time}），只读。如需修改，请“退回草稿”并说明理由。</source>
        <translation>Final ({time}), read-only. To change it, use “Back to draft” and give a reason.</translation>
    </message>
    <message>
        <source>草稿 · 最后保存 {time}</source>
        <translation>Draft · last saved {time}</translation>
    </message>
    <message>
        <source>已导出 {time}</source>
        <translation>exported {time}</translation>
    </message>
    <message>
        <source>已打印 {time}</source>
        <translation>printed {time}</translation>
    </message>
    <message>
        <source>出席人员（{present}/{expected}）</source>
        <translation>Attendees ({present}/{expected})</translation>
    </message>
    <message>
        <source>议程与议定事项（{n}）</source>
        <translation>Agenda and decisions ({n})</translation>
    </message>
    <message>
        <source>重新载入这次会议吗？本窗口中未保存的修改将会丢失。</source>
        <translation>Reload this meeting? Unsaved changes in this window will be lost.</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>定稿后纪要只读；如需修改，须退回草稿并说明理由。现在定稿吗？</source>
        <translation>Final minutes are read-only; changing them later needs a return to draft with a reason. Finalise now?</translation>
    </message>
    <message>
        <source>定稿前请补全：{what}</source>
        <translation>Fill in before finalising: {what}</translation>
    </message>
    <message>
        <source>新会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>还不能定稿</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <source>定稿前请补全以下 {n} 项：
{lines}</source>
        <translation>Fill in these {n} item(s) before finalising:
{lines}</translation>
    </message>
    <message>
        <source>退回草稿</source>
        <translation>Back to draft</translation>
    </message>
    <message>
        <source>请说明退回草稿的理由（例如：补充会议决定的责任单位）。理由将记入操作日志。</source>
        <translation>Why does this go back to draft (e.g. to add the owners of a decision)? The reason goes into the audit log.</translation>
    </message>
    <message>
        <source>转为民生事项</source>
        <translation>Track as issue</translation>
    </message>
</context>
<context>
    <name>MeetingOutput</name>
    <message>
        <source>签到表</source>
        <translation>sign-in sheet</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
    <message>
        <source>归档包存放到哪个文件夹</source>
        <translation>Folder to save the archive bundle in</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>归档包已存入：{path}
其中 SHA256SUMS 记有每个文件的校验值。</source>
        <translation>The archive bundle was saved in: {path}
Its SHA256SUMS file holds the checksum of every file.</translation>
    </message>
</context>
<context>
    <name>MeetingSummary</name>
    <message>
        <source>会议类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>届次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>第{n}次</source>
        <translation>No. {n}</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>{present} / 应到 {expected}（请假 {leave}，列席 {observer}）</source>
        <translation>{present} / expected {expected} (on leave {leave}, observers {observer})</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>未定责任方</source>
        <translation>no owner yet</translation>
    </message>
    <message>
        <source>{date}前</source>
        <translation>by {date}</translation>
    </message>
    <message>
        <source>议程与议定事项</source>
        <translation>Agenda and decisions</translation>
    </message>
</context>
<context>
    <name>MeetingSummaryPanel</name>
    <message>
        <source>即将召开</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <source>近期没有安排会议。按 Ctrl+N 新建。</source>
        <translation>No meetings planned. Press Ctrl+N to plan one.</translation>
    </message>
    <message>
        <source>选中左侧的会议查看概要；双击或按 Enter 打开编辑。</source>
        <translation>Select a meeting on the left to see it here; double-click or press Enter to edit it.</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>还没有会议。按 Ctrl+N 新建一次会议，或选中以往的会议“复制为下次会议”。</source>
        <translation>No meetings yet. Press Ctrl+N for a new one, or select a past meeting and “Copy as next meeting”.</translation>
    </message>
    <message>
        <source>新建会议…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <source>新建会议（Ctrl+N）</source>
        <translation>New meeting (Ctrl+N)</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开编辑（Enter、双击）</source>
        <translation>Open for editing (Enter, double-click)</translation>
    </message>
    <message>
        <source>复制为下次会议…</source>
        <translation>Copy as next meeting…</translation>
    </message>
    <message>
        <source>以选中的会议为底稿，新建下次会议</source>
        <translation>Start the next meeting from the selected one</translation>
    </message>
    <message>
        <source>打印纪要…</source>
        <translation>Print minutes…</translation>
    </message>
    <message>
        <source>打印预览选中会议的纪要（Ctrl+P）</source>
        <translation>Print preview of the selected meeting&apos;s minutes (Ctrl+P)</translation>
    </message>
    <message>
        <source>签到表…</source>
        <translation>Sign-in sheet…</translation>
    </message>
    <message>
        <source>打印预览选中会议的签到表</source>
        <translation>Print preview of the selected meeting&apos;s sign-in sheet</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的会议，先询问（Delete）</source>
        <translation>Delete the selected meeting, after asking (Delete)</translation>
    </message>
    <message>
        <source>会议类型…</source>
        <translation>Meeting kinds…</translation>
    </message>
    <message>
        <source>修改会议类型列表</source>
        <translation>Edit the list of meeting kinds</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>只看即将召开</source>
        <translation>Coming up only</translation>
    </message>
    <message>
        <source>只列出今后的会议，按时间先后排列</source>
        <translation>List only future meetings, soonest first</translation>
    </message>
    <message>
        <source>搜索会议名称、地点（Ctrl+F）</source>
        <translation>Search title, place (Ctrl+F)</translation>
    </message>
    <message>
        <source>联席会议</source>
        <translation>Joint Meetings</translation>
    </message>
    <message>
        <source>删除会议“{title}”吗？
删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the meeting “{title}”?
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>无法复制</source>
        <translation>Cannot copy</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <source>（未填单位）</source>
        <translation>(no employer)</translation>
    </message>
    <message>
        <source>在职党员报到</source>
        <translation>In-service Party Members</translation>
    </message>
    <message>
        <source>还没有在职党员报到。按 Ctrl+N 登记报到。</source>
        <translation>No in-service party members have reported in yet. Press Ctrl+N to register one.</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>报到登记…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>登记一名在职党员到社区报到（Ctrl+N）</source>
        <translation>Register an in-service party member reporting in to a community (Ctrl+N)</translation>
    </message>
    <message>
        <source>移除报到…</source>
        <translation>Remove registration…</translation>
    </message>
    <message>
        <source>移除选中党员的报到登记（Delete），可撤销</source>
        <translation>Remove the selected member&apos;s registration (Delete); can be undone</translation>
    </message>
    <message>
        <source>按社区</source>
        <translation>By community</translation>
    </message>
    <message>
        <source>按工作单位</source>
        <translation>By employer</translation>
    </message>
    <message>
        <source>删除服务记录</source>
        <translation>Delete service record</translation>
    </message>
    <message>
        <source>删除选中的服务记录（Delete）</source>
        <translation>Delete the selected service record (Delete)</translation>
    </message>
    <message>
        <source>添加服务记录…</source>
        <translation>Add service record…</translation>
    </message>
    <message>
        <source>人员信息…</source>
        <translation>Person…</translation>
    </message>
    <message>
        <source>打开选中党员的人员信息（组织与人员）</source>
        <translation>Open the selected member&apos;s person record (Directory)</translation>
    </message>
    <message>
        <source>{street}报到在职党员 {count} 人</source>
        <translation>{street}: {count} in-service party members registered</translation>
    </message>
    <message>
        <source>还没有在职党员报到</source>
        <translation>No in-service party members registered yet</translation>
    </message>
    <message>
        <source>移除报到</source>
        <translation>Remove registration</translation>
    </message>
    <message>
        <source>移除{member}的报到登记吗？
移除后不再计入报到人数，可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Remove {member}&apos;s registration?
It no longer counts towards the members registered; Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>删除{day}的服务记录“{activity}”吗？</source>
        <translation>Delete the service record “{activity}” of {day}?</translation>
    </message>
    <message>
        <source>{person}（{community}）</source>
        <translation>{person} ({community})</translation>
    </message>
    <message>
        <source>选择一名党员，这里显示其服务记录。</source>
        <translation>Select a party member to see their service records here.</translation>
    </message>
    <message>
        <source>{member}：服务 {count} 次，共 {hours} 小时</source>
        <translation>{member}: {count} services, {hours} hours in total</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add User</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>登录时输入，如 wangfang</source>
        <translation>Typed when signing in, e.g. wangfang</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>管理员：管理用户，看到完整的证件号和电话。工作人员：修改所有记录，在编辑、打印和导出时看到完整信息。只读：只能查看，个人信息打码。密码至少 12 个字符，或用空格隔开的 4 个词。</source>
        <translation>Administrator: manages users and sees full ID and phone numbers. Staff: can change all records and sees full details when editing, printing and exporting. Read-only: can only view; personal data is masked. A password has at least 12 characters, or is four words separated by spaces.</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>请稍候</source>
        <translation>Please Wait</translation>
    </message>
    <message>
        <source>（{program}，进程 {pid}，电脑 {host}）</source>
        <translation> ({program}, process {pid}, computer {host})</translation>
    </message>
    <message>
        <source>数据库已经打开</source>
        <translation>Database Already Open</translation>
    </message>
    <message>
        <source>这个数据库已经在本机的另一个共建台窗口中打开{where}：
{path}

可以只读打开它来查看、打印和导出；要修改，请回到那个窗口。</source>
        <translation>This database is already open in another Gongjian window on this PC{where}:
{path}

You can open it read-only to view, print and export; to change it, go back to that window.</translation>
    </message>
    <message>
        <source>只读打开</source>
        <translation>Open Read-Only</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在查找通过校验的备份…</source>
        <translation>Looking for a backup that passes verification…</translation>
    </message>
    <message>
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore Failed</translation>
    </message>
    <message>
        <source>打开其他数据库文件</source>
        <translation>Open Another Database File</translation>
    </message>
    <message>
        <source>共建台数据库 (*.db);;所有文件 (*)</source>
        <translation>Gongjian database (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>OpeningProblem</name>
    <message>
        <source>从这份备份恢复(&amp;R)</source>
        <translation>&amp;Restore This Backup</translation>
    </message>
    <message>
        <source>打开其他文件(&amp;O)…</source>
        <translation>&amp;Open Another File…</translation>
    </message>
    <message>
        <source>重试(&amp;T)</source>
        <translation>T&amp;ry Again</translation>
    </message>
    <message>
        <source>只读打开(&amp;V)</source>
        <translation>Open Read-Only (&amp;V)</translation>
    </message>
    <message>
        <source>重新建立(&amp;C)</source>
        <translation>&amp;Create It Again</translation>
    </message>
    <message>
        <source>再试一次升级(&amp;U)</source>
        <translation>Try the &amp;Upgrade Again</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>meetings</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>agreements</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>issues</translation>
    </message>
    <message>
        <source>{time}（{reason}）
{counts}
{path}</source>
        <translation>{time} ({reason})
{counts}
{path}</translation>
    </message>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The Database File Is Damaged</translation>
    </message>
    <message>
        <source>SQLite 检查发现数据库文件已损坏，不能放心使用：
{detail}

损坏的文件不会被删除：从备份恢复时，它改名保留在原来的文件夹里（名字里带 damaged 和日期），以便日后查看。</source>
        <translation>SQLite&apos;s check found the database file damaged; it cannot be trusted:
{detail}

The damaged file is never deleted: restoring a backup renames it and keeps it in the same folder (its name gets &quot;damaged&quot; and the date), to be looked at later.</translation>
    </message>
    <message>
        <source>数据库文件没有建完</source>
        <translation>The Database File Was Never Finished</translation>
    </message>
    <message>
        <source>{detail}

可以重新建立一个空数据库；原来的文件改名保留在同一文件夹里。</source>
        <translation>{detail}

An empty database can be created again; the old file is renamed and kept in the same folder.</translation>
    </message>
    <message>
        <source>数据库升级曾经失败</source>
        <translation>The Database Upgrade Failed Before</translation>
    </message>
    <message>
        <source>数据库升级失败</source>
        <translation>The Database Upgrade Failed</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用</source>
        <translation>The Database Is in Use Elsewhere</translation>
    </message>
    <message>
        <source>{detail}

等另一个程序完成后点“重试”。</source>
        <translation>{detail}

When the other program has finished, click &quot;Try Again&quot;.</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>The Disk Is Full</translation>
    </message>
    <message>
        <source>无法写入数据库</source>
        <translation>The Database Cannot Be Written</translation>
    </message>
    <message>
        <source>需要新版本的共建台</source>
        <translation>A Newer Gongjian Is Needed</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot Open Database</translation>
    </message>
    <message>
        <source>打开数据库时出现意外错误</source>
        <translation>Unexpected Error While Opening the Database</translation>
    </message>
    <message>
        <source>出现了程序没有预料到的错误（{kind}），详情已写入日志文件。</source>
        <translation>An error the program did not expect happened ({kind}); the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>OpeningProblemDialog</name>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>最近一份通过校验的备份</source>
        <translation>Newest backup that passes verification</translation>
    </message>
    <message>
        <source>没有找到可以恢复的备份。</source>
        <translation>No backup that can be restored was found.</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <source>全部组织</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>选中这里显示全部驻区单位、党组织和人员</source>
        <translation>Select to show all resident units, party organisations and people</translation>
    </message>
    <message>
        <source>{level}：{name}</source>
        <translation>{level}: {name}</translation>
    </message>
    <message>
        <source>组织架构</source>
        <translation>Organisation structure</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <source>组织架构</source>
        <translation>Organisation Structure</translation>
    </message>
    <message>
        <source>还没有组织。点“添加下级…”建立街道，再逐级添加片区、社区和网格。</source>
        <translation>No organisations yet. Click “Add Sub-unit…” to create the street, then add its zones, communities and grids level by level.</translation>
    </message>
    <message>
        <source>添加下级…</source>
        <translation>Add Sub-unit…</translation>
    </message>
    <message>
        <source>在选中的组织下添加片区、社区、网格或科室</source>
        <translation>Add a zone, community, grid or department under the selected organisation</translation>
    </message>
    <message>
        <source>添加同级…</source>
        <translation>Add sibling…</translation>
    </message>
    <message>
        <source>在选中的组织旁边、同一个上级下再添加一个（如下一个社区）</source>
        <translation>Add another unit beside the selected one, under the same parent (the next community, say)</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>重命名选中的组织，或修改它的层级、上级（F2）</source>
        <translation>Rename the selected organisation or change its level or parent (F2)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的组织（须先删除或移走它的下级）</source>
        <translation>Delete the selected organisation (delete or move its sub-units first)</translation>
    </message>
    <message>
        <source>新建下级…</source>
        <translation>New child…</translation>
    </message>
    <message>
        <source>新建同级…</source>
        <translation>New sibling…</translation>
    </message>
</context>
<context>
    <name>OrgUnitDialog</name>
    <message>
        <source>例如 颐和路社区、第一网格、城市管理科</source>
        <translation>e.g. Yihe Road Community, Grid 1, Urban Management Section</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>不选即为最上级（街道）</source>
        <translation>None: the top level (street)</translation>
    </message>
    <message>
        <source>选填，例如行政区划代码</source>
        <translation>Optional, e.g. an administrative division code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>至少 12 个字符，或用空格隔开的 4 个词；不要用常见密码或手机号、生日。</source>
        <translation>At least 12 characters, or four words separated by spaces; not a common password, a phone number or a birthday.</translation>
    </message>
</context>
<context>
    <name>OwnerPicker</name>
    <message>
        <source>街道科室/社区</source>
        <translation>Department/community</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>例如 城市管理科、宁海路社区</source>
        <translation>e.g. City management section, Ninghailu community</translation>
    </message>
    <message>
        <source>输入姓名中的几个字，从列表中选择</source>
        <translation>Type part of the name, then pick from the list</translation>
    </message>
</context>
<context>
    <name>PartiesBox</name>
    <message>
        <source>一方</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>签约单位</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>街道或社区：输入名称中的几个字</source>
        <translation>Street or community: type part of the name</translation>
    </message>
    <message>
        <source>驻区单位或党支部：输入名称中的几个字</source>
        <translation>Resident unit or party branch: type part of the name</translation>
    </message>
    <message>
        <source>添加街道社区方</source>
        <translation>Add street/community side</translation>
    </message>
    <message>
        <source>添加共建单位方</source>
        <translation>Add partner side</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>“{name}”已在签约方中。</source>
        <translation>“{name}” is already a party.</translation>
    </message>
    <message>
        <source>没有找到“{text}”。请输入名称中的几个字，再从列表中选择。</source>
        <translation>Nothing found for “{text}”. Type part of the name, then pick from the list.</translation>
    </message>
</context>
<context>
    <name>PartyOrgDialog</name>
    <message>
        <source>例如 中共南京大学委员会、颐和路社区第一党支部</source>
        <translation>e.g. CPC Nanjing University Committee</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>街道、社区或网格</source>
        <translation>Street, community or grid</translation>
    </message>
    <message>
        <source>选填：上级党组织</source>
        <translation>Optional: parent party organisation</translation>
    </message>
    <message>
        <source>输入书记姓名中的字，从列表中选择</source>
        <translation>Type part of the secretary&apos;s name, then pick from the list</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> members</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>上级党组织</source>
        <translation>Parent organisation</translation>
    </message>
    <message>
        <source>书记</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>党员人数</source>
        <translation>Party members</translation>
    </message>
</context>
<context>
    <name>PartyPicker</name>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>输入社区名称中的几个字</source>
        <translation>Type part of the community name</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>重设密码：{name}</source>
        <translation>Reset Password: {name}</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>PdfPrintPreview</name>
    <message>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>自定义…</source>
        <translation>From–to…</translation>
    </message>
    <message>
        <source>会议时间</source>
        <translation>Meeting date</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>11位手机号，例如 13912345678</source>
        <translation>11-digit mobile number, e.g. 13912345678</translation>
    </message>
    <message>
        <source>18位身份证号，末位可为X</source>
        <translation>18-character ID number; the last may be X</translation>
    </message>
    <message>
        <source>例如 科长、社区书记、网格员</source>
        <translation>e.g. section chief, community secretary, grid worker</translation>
    </message>
    <message>
        <source>中共党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>选填：党员所在的党组织</source>
        <translation>Optional: the member&apos;s party organisation</translation>
    </message>
    <message>
        <source>网格员（所在组织须选一个网格）</source>
        <translation>Grid worker (the organisation must be a grid)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>所在社区网格</source>
        <translation>Community or grid</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>所在党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PostingCommands</name>
    <message>
        <source>新建挂职“{name}”</source>
        <translation>New posting “{name}”</translation>
    </message>
    <message>
        <source>修改挂职“{name}”</source>
        <translation>Edit posting “{name}”</translation>
    </message>
    <message>
        <source>提前结束挂职</source>
        <translation>End Posting Early</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>挂职延期</source>
        <translation>Extend Posting</translation>
    </message>
    <message>
        <source>新的结束日期</source>
        <translation>New end date</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除“{name}”的这项挂职？工作记录和评价随之隐藏。</source>
        <translation>Delete this posting of “{name}”? Its work log and evaluations will be hidden with it.</translation>
    </message>
    <message>
        <source>删除挂职“{name}”</source>
        <translation>Delete posting “{name}”</translation>
    </message>
    <message>
        <source>新建工作记录</source>
        <translation>New work log entry</translation>
    </message>
    <message>
        <source>修改工作记录</source>
        <translation>Edit work log entry</translation>
    </message>
    <message>
        <source>删除选中的工作记录？</source>
        <translation>Delete the selected work log entry?</translation>
    </message>
    <message>
        <source>删除工作记录</source>
        <translation>Delete work log entry</translation>
    </message>
    <message>
        <source>新建评价</source>
        <translation>New evaluation</translation>
    </message>
    <message>
        <source>修改评价</source>
        <translation>Edit evaluation</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
</context>
<context>
    <name>PostingDetailPanel</name>
    <message>
        <source>在左侧选择一项挂职，或按 Ctrl+N 新建。</source>
        <translation>Select a posting on the left, or press Ctrl+N to add one.</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>延期…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>提前结束…</source>
        <translation>End early…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>评价表…</source>
        <translation>Evaluation form…</translation>
    </message>
    <message>
        <source>鉴定表…</source>
        <translation>Assessment form…</translation>
    </message>
    <message>
        <source>另存 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>打印预览双向评价表：选中的那一期，未选时为最近一期（Ctrl+P）</source>
        <translation>Print preview of the two-way evaluation form: the selected round, or the latest if none is selected (Ctrl+P)</translation>
    </message>
    <message>
        <source>打印预览挂职鉴定表</source>
        <translation>Print preview of the end-of-term assessment form</translation>
    </message>
    <message>
        <source>双向评价表…</source>
        <translation>Two-way evaluation form…</translation>
    </message>
    <message>
        <source>挂职鉴定表…</source>
        <translation>End-of-term assessment form…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>工时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>考勤报告</source>
        <translation>Attendance report</translation>
    </message>
    <message>
        <source>履职报告</source>
        <translation>Duty report</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>派出单位等次</source>
        <translation>Home unit grade</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>挂职单位等次</source>
        <translation>Host unit grade</translation>
    </message>
    <message>
        <source>两方差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>新建记录…</source>
        <translation>New entry…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>月度报告</source>
        <translation>Monthly reports</translation>
    </message>
    <message>
        <source>新建评价…</source>
        <translation>New evaluation…</translation>
    </message>
    <message>
        <source>修改派出单位评价…</source>
        <translation>Edit home unit evaluation…</translation>
    </message>
    <message>
        <source>修改挂职单位评价…</source>
        <translation>Edit host unit evaluation…</translation>
    </message>
    <message>
        <source>双向评价</source>
        <translation>Two-way evaluation</translation>
    </message>
    <message>
        <source>月度报告未交：{months}</source>
        <translation>Monthly reports missing: {months}</translation>
    </message>
    <message>
        <source>{year}年{period}评价待{sides}完成</source>
        <translation>{year} {period} evaluation still due from: {sides}</translation>
    </message>
    <message>
        <source>{name}&#x3000;{kind}&#x3000;{status}</source>
        <translation>{name}   {kind}   {status}</translation>
    </message>
    <message>
        <source>派出：{home}&#x3000;{post}</source>
        <translation>Home unit: {home}   {post}</translation>
    </message>
    <message>
        <source>挂职：{host}&#x3000;{post}</source>
        <translation>Host unit: {host}   {post}</translation>
    </message>
    <message>
        <source>期限：{start} 至 {end}</source>
        <translation>Term: {start} to {end}</translation>
    </message>
    <message>
        <source>导师：{name}</source>
        <translation>Mentor: {name}</translation>
    </message>
    <message>
        <source>任务：{text}</source>
        <translation>Tasks: {text}</translation>
    </message>
    <message>
        <source>原定期限：{start} 至 {end}</source>
        <translation>Agreed term: {start} to {end}</translation>
    </message>
    <message>
        <source>延期至 {end}，理由：{reason}</source>
        <translation>Extended to {end}, reason: {reason}</translation>
    </message>
    <message>
        <source>曾延期，理由：{reason}</source>
        <translation>Was extended, reason: {reason}</translation>
    </message>
    <message>
        <source>{end} 提前结束，理由：{reason}</source>
        <translation>Ended early on {end}, reason: {reason}</translation>
    </message>
    <message>
        <source>现结束日期：{end}</source>
        <translation>Ends now on: {end}</translation>
    </message>
    <message>
        <source>已报 {day}</source>
        <translation>Filed {day}</translation>
    </message>
    <message>
        <source>未交（应于{day}前）</source>
        <translation>Missing (due by {day})</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>差异较大，请核实</source>
        <translation>Large difference, please check</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>新建挂职</source>
        <translation>New Posting</translation>
    </message>
    <message>
        <source>修改挂职</source>
        <translation>Edit Posting</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>驻区单位，或街道的科室、社区</source>
        <translation>A resident unit, or a street department or community</translation>
    </message>
    <message>
        <source>在派出单位的职务，例如 副处长</source>
        <translation>Post at the home unit, e.g. deputy division director</translation>
    </message>
    <message>
        <source>驻区单位、科室、社区，第一社长选网格</source>
        <translation>Resident unit, department or community; a grid for a first community head</translation>
    </message>
    <message>
        <source>例如 城市管理科副科长（挂职）、第一社长</source>
        <translation>e.g. deputy head of urban management (posting), first community head</translation>
    </message>
    <message>
        <source>挂职开始后，结束日期请用“延期”或“提前结束”修改</source>
        <translation>Once the posting has started, change the end date with “Extend” or “End early”</translation>
    </message>
    <message>
        <source>结对培养须选导师</source>
        <translation>Paired mentoring needs a mentor</translation>
    </message>
    <message>
        <source>挂职干部</source>
        <translation>Seconded cadre</translation>
    </message>
    <message>
        <source>挂职类型</source>
        <translation>Posting type</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>原职务</source>
        <translation>Home post</translation>
    </message>
    <message>
        <source>挂职单位或网格</source>
        <translation>Host unit or grid</translation>
    </message>
    <message>
        <source>挂职岗位</source>
        <translation>Host post</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>导师</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>挂职任务</source>
        <translation>Posting tasks</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>选择保存 PDF 的文件夹</source>
        <translation>Choose the folder for the PDF files</translation>
    </message>
    <message>
        <source>替换文件</source>
        <translation>Replace files</translation>
    </message>
    <message>
        <source>文件夹中已有 {n} 个同名文件（如“{name}”）。替换它们吗？</source>
        <translation>The folder already has {n} files of these names (such as “{name}”). Replace them?</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>有字符无法打印</source>
        <translation>Characters that cannot be printed</translation>
    </message>
    <message>
        <source>已保存。但以下字符没有可用的字体，打印和导出 PDF 时会显示为空框：{chars}
请改用规范汉字，或把含有这些字的字体文件放进文件夹 {folder} 后重新打开程序。</source>
        <translation>Saved. But no font has these characters, so they print and export to PDF as empty boxes: {chars}
Use standard characters instead, or put a font file that has them in the folder {folder} and restart the program.</translation>
    </message>
</context>
<context>
    <name>QuickListPage</name>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
</context>
<context>
    <name>RaiseIssueDialog</name>
    <message>
        <source>转为民生事项</source>
        <translation>Track as issue</translation>
    </message>
    <message>
        <source>把“{text}”登记为民生事项，跟踪办理进度。</source>
        <translation>Register &quot;{text}&quot; as an issue to track its progress.</translation>
    </message>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorised)</translation>
    </message>
    <message>
        <source>会议所在社区</source>
        <translation>The meeting&apos;s community</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>RankingDialog</name>
    <message>
        <source>红黑榜</source>
        <translation>Red and black list</translation>
    </message>
    <message>
        <source>{y}年{m}月</source>
        <translation>{y}-{m}</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RatesBox</name>
    <message>
        <source>三率（响应率、解决率、满意率）</source>
        <translation>The three rates (response, resolution, satisfaction)</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>红黑榜…</source>
        <translation>Red and black list…</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <source>得分＝响应率×{a}%＋解决率×{b}%＋满意率×{c}%；派单不足{n}件或回访不足{m}件的不排名。</source>
        <translation>Score = response × {a}% + resolution × {b}% + satisfaction × {c}%; not ranked with fewer than {n} orders or {m} follow-ups.</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>响应率</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>解决率</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>样本不足</source>
        <translation>too few</translation>
    </message>
    <message>
        <source>不足{n}件或回访不足{m}件，不排名</source>
        <translation>Fewer than {n} orders or {m} follow-ups: not ranked</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>只读：您以只读角色登录，可以查看、打印和导出，不能修改数据。</source>
        <translation>Read-only: you are signed in with the read-only role. You can look, print and export, but not change data.</translation>
    </message>
    <message>
        <source>只读 · 您以只读角色登录，这里只能查看，不能修改。</source>
        <translation>Read-only · You are signed in with the read-only role: you can look here but not change anything.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>必填，最多200字。将记入操作日志。</source>
        <translation>Required, at most 200 characters. Goes into the audit log.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>没有找到“{text}”。请输入名称中的几个字，再从列表中选择；不选请清空。</source>
        <translation>Nothing matches “{text}”. Type part of a name and pick from the list, or clear the field to choose none.</translation>
    </message>
    <message>
        <source>请选择{label}。</source>
        <translation>{label}: please choose one.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>You can restore it with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot Delete</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>在职党员报到登记</source>
        <translation>In-service Party Member Registration</translation>
    </message>
    <message>
        <source>输入姓名中的几个字，从列表中选择</source>
        <translation>Type part of the name, then pick from the list</translation>
    </message>
    <message>
        <source>党员所在的驻区单位；可不填</source>
        <translation>The resident unit where the member works; optional</translation>
    </message>
    <message>
        <source>党员居住地所在的社区</source>
        <translation>The community where the member lives</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>报到社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>报到日期</source>
        <translation>Registered on</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>催办清单</source>
        <translation>Reminder List</translation>
    </message>
    <message>
        <source>催办…</source>
        <translation>Remind…</translation>
    </message>
    <message>
        <source>记下一次催办（写入该事项的办理记录）</source>
        <translation>Record a reminder (added to the issue&apos;s journal)</translation>
    </message>
    <message>
        <source>打开事项</source>
        <translation>Open issue</translation>
    </message>
    <message>
        <source>在民生事项列表中打开（双击或回车）</source>
        <translation>Open it in the issues list (double-click or Enter)</translation>
    </message>
    <message>
        <source>共 {n} 件：问题工单 {escalated}，红色 {red}，黄色 {yellow}，督办 {supervised}</source>
        <translation>{n} in all: {escalated} problem orders, {red} red, {yellow} yellow, {supervised} supervised</translation>
    </message>
    <message>
        <source>没有需要催办的事项：没有超期、没有停滞，也没有督办。</source>
        <translation>Nothing to remind: no issue is overdue, stalled or supervised.</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>{number} {title}
催办说明（可不填）：</source>
        <translation>{number} {title}
Reminder note (optional):</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>问题工单：{why}</source>
        <translation>Problem order: {why}</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>督办说明</source>
        <translation>Supervision note</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervised</translation>
    </message>
</context>
<context>
    <name>RemovalCommands</name>
    <message>
        <source>移除“{name}”的报到登记</source>
        <translation>Remove the registration of “{name}”</translation>
    </message>
    <message>
        <source>删除服务记录“{name}”</source>
        <translation>Delete service record “{name}”</translation>
    </message>
    <message>
        <source>删除清单“{name}”</source>
        <translation>Delete entry “{name}”</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>续签协议</source>
        <translation>Renew Agreement</translation>
    </message>
    <message>
        <source>选填，将记入操作日志</source>
        <translation>Optional; goes into the audit log</translation>
    </message>
    <message>
        <source>新协议编号</source>
        <translation>New agreement no.</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <source>有效期自</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>续签说明</source>
        <translation>Renewal note</translation>
    </message>
    <message>
        <source>续签</source>
        <translation>Renew</translation>
    </message>
</context>
<context>
    <name>RepeatsDialog</name>
    <message>
        <source>可能是重复反映</source>
        <translation>Possibly a repeat complaint</translation>
    </message>
    <message>
        <source>近期有相似的反映。对照下面的内容：是同一件事就并入原工单（反映人都会回访，统计只算一件，可撤销）；不是就单独登记。</source>
        <translation>Similar complaints came in lately. Compare them below: if it is the same matter, merge it into that order (every reporter is called back, it counts once, and it can be undone); if not, register it on its own.</translation>
    </message>
    <message>
        <source>相似度 {n}%</source>
        <translation>{n}% alike</translation>
    </message>
    <message>
        <source>同一地址</source>
        <translation>same address</translation>
    </message>
    <message>
        <source>同一社区</source>
        <translation>same community</translation>
    </message>
    <message>
        <source>并入所选工单</source>
        <translation>Merge into the selected order</translation>
    </message>
    <message>
        <source>不是重复，单独登记</source>
        <translation>Not a repeat: register on its own</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>反映时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>now</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>待登记</source>
        <translation>to register</translation>
    </message>
    <message>
        <source>反映人数</source>
        <translation>Reporters</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>本次反映</source>
        <translation>This report</translation>
    </message>
    <message>
        <source>原工单 {number}</source>
        <translation>Order {number}</translation>
    </message>
</context>
<context>
    <name>ResidentUnitDialog</name>
    <message>
        <source>单位全称，例如 江苏省人民检察院</source>
        <translation>Full name, e.g. Jiangsu Provincial People&apos;s Procuratorate</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>例如 025-83301234 或 13912345678</source>
        <translation>e.g. 025-83301234 or 13912345678</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>结构版本</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>（损坏）</source>
        <translation> (damaged)</translation>
    </message>
    <message>
        <source>数据库旁</source>
        <translation>Beside the database</translation>
    </message>
    <message>
        <source>第二备份文件夹</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>选择一份备份，用它替换当前的数据库（附件一起恢复）。恢复前，当前的数据库会先备份一份，所以恢复本身也可以撤回。</source>
        <translation>Choose a backup to replace the current database with (attachments included). The current database is backed up first, so a restore can itself be undone.</translation>
    </message>
    <message>
        <source>正在读取备份…</source>
        <translation>Reading the backups…</translation>
    </message>
    <message>
        <source>恢复所选备份(&amp;R)…</source>
        <translation>&amp;Restore the Selected Backup…</translation>
    </message>
    <message>
        <source>打开备份文件夹(&amp;F)</source>
        <translation>Open Backup &amp;Folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>还没有备份。共建台在关闭程序时、修改期间每半小时、导入和升级前自动备份，存放在数据库旁的 backups 文件夹里。</source>
        <translation>No backups yet. Gongjian backs up by itself when it closes, every half hour while changes are made, and before an import or an upgrade, into the backups folder beside the database.</translation>
    </message>
    <message>
        <source>共 {count} 份备份。当前数据库：{counts}</source>
        <translation>{count} backups. The current database: {counts}</translation>
    </message>
    <message>
        <source>无法读取备份：{reason}</source>
        <translation>Cannot read the backups: {reason}</translation>
    </message>
    <message>
        <source>用这份备份替换当前的数据库吗？

{backup}

当前的数据库会先备份；恢复后，窗口重新打开数据库。</source>
        <translation>Replace the current database with this backup?

{backup}

The current database is backed up first; after the restore the window opens the database again.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>考评与并单规则</source>
        <translation>Scoring and merging rules</translation>
    </message>
    <message>
        <source>三率（每月，按承办单位和社区）</source>
        <translation>The three rates (monthly, by unit and community)</translation>
    </message>
    <message>
        <source>响应率权重</source>
        <translation>Weight of the response rate</translation>
    </message>
    <message>
        <source>解决率权重</source>
        <translation>Weight of the resolution rate</translation>
    </message>
    <message>
        <source>满意率权重</source>
        <translation>Weight of the satisfaction rate</translation>
    </message>
    <message>
        <source>至少派单（件）才排名</source>
        <translation>Orders needed to be ranked</translation>
    </message>
    <message>
        <source>至少回访（件）才排名</source>
        <translation>Follow-ups needed to be ranked</translation>
    </message>
    <message>
        <source>红榜、黑榜各列</source>
        <translation>Places on each list</translation>
    </message>
    <message>
        <source>问题工单（提级督办）</source>
        <translation>Problem orders (escalated supervision)</translation>
    </message>
    <message>
        <source>退单超过（次）</source>
        <translation>Returned more than (times)</translation>
    </message>
    <message>
        <source>重新办理超过（次）</source>
        <translation>Reopened more than (times)</translation>
    </message>
    <message>
        <source>无主办单位时派给超过（个单位）</source>
        <translation>With no lead, sent to more than (units)</translation>
    </message>
    <message>
        <source>并单</source>
        <translation>Merging repeats</translation>
    </message>
    <message>
        <source>查找近几天的相似诉求</source>
        <translation>Look back for similar complaints (days)</translation>
    </message>
    <message>
        <source>得分＝三项比率按权重相加（权重之和须为100）。样本不足的单位照常列出，但不排名。</source>
        <translation>Score = the three rates weighted (the weights add up to 100). Units with too few samples are listed but not ranked.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SecondmentsTab</name>
    <message>
        <source>干部挂职</source>
        <translation>Cadre Secondments</translation>
    </message>
    <message>
        <source>还没有挂职记录。按 Ctrl+N 新建一项挂职。</source>
        <translation>No postings yet. Press Ctrl+N to add one.</translation>
    </message>
    <message>
        <source>新建挂职…</source>
        <translation>New posting…</translation>
    </message>
    <message>
        <source>新建挂职（Ctrl+N）</source>
        <translation>New posting (Ctrl+N)</translation>
    </message>
    <message>
        <source>年度考核…</source>
        <translation>Annual assessment…</translation>
    </message>
    <message>
        <source>某一年度每位挂职干部的双向评价</source>
        <translation>Two-way evaluations of every seconded cadre for one year</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>挂职单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Ending</translation>
    </message>
    <message>
        <source>下月到期</source>
        <translation>Ending next month</translation>
    </message>
    <message>
        <source>{n}天内到期</source>
        <translation>Within {n} days</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>打印评价表</source>
        <translation>Print evaluation form</translation>
    </message>
    <message>
        <source>这项挂职还没有评价，请先在“双向评价”中登记。</source>
        <translation>This posting has no evaluations yet. Record one under “Two-way evaluation” first.</translation>
    </message>
    <message>
        <source>30天内到期：{ending}项 · 待完成评价：{due}份 · 月度报告未交：{reports}份</source>
        <translation>Ending within 30 days: {ending} · Evaluations due: {due} · Monthly reports missing: {reports}</translation>
    </message>
    <message>
        <source>{name} {end} 到期（还有{days}天）</source>
        <translation>{name} ends {end} ({days} days left)</translation>
    </message>
    <message>
        <source>提醒暂时读不出来，稍后刷新再试。</source>
        <translation>The reminders could not be read just now; refresh later to try again.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>添加服务记录</source>
        <translation>Add Service Record</translation>
    </message>
    <message>
        <source>例如 参加社区环境整治志愿服务</source>
        <translation>e.g. Volunteering in the community clean-up</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>默认：用户数据文件夹中的 gongjian.db</source>
        <translation>Default: gongjian.db in the user data folder</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>修改在下次启动时生效。多台电脑共用数据请填写 PostgreSQL 地址。</source>
        <translation>Changes take effect at the next start. To share data between computers, enter a PostgreSQL address.</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>第二备份文件夹</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <source>每次自动备份也存一份到这里（如 U 盘、另一个磁盘）。文件夹不在时，程序提示一次，备份照常存在数据库旁的 backups 文件夹。</source>
        <translation>Every automatic backup is also kept here (a USB stick, another disk). When the folder is not there, the program says so once, and backups go on in the backups folder beside the database.</translation>
    </message>
    <message>
        <source>选择数据库文件</source>
        <translation>Choose Database File</translation>
    </message>
    <message>
        <source>共建台数据库 (*.db)</source>
        <translation>Gongjian databases (*.db)</translation>
    </message>
    <message>
        <source>不设置</source>
        <translation>None</translation>
    </message>
    <message>
        <source>选择第二备份文件夹</source>
        <translation>Choose the Second Backup Folder</translation>
    </message>
    <message>
        <source>文件夹不存在：{path}。请选择一个已有的文件夹，或清空这一栏。</source>
        <translation>The folder does not exist: {path}. Choose an existing folder, or clear the field.</translation>
    </message>
    <message>
        <source>这就是数据库旁的备份文件夹。第二备份文件夹应在另一个磁盘或 U 盘上。</source>
        <translation>This is the backup folder beside the database. The second backup folder should be on another disk or a USB stick.</translation>
    </message>
    <message>
        <source>共建协议设置</source>
        <translation>Co-building Agreement Settings</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>有效期截止前这么多天内，协议显示为“即将到期”</source>
        <translation>An agreement shows as “Expiring” within this many days before its validity ends</translation>
    </message>
    <message>
        <source> 个百分点</source>
        <translation> percentage points</translation>
    </message>
    <message>
        <source>完成比例落后于全年时间进度超过这么多，承诺显示为“进度落后”（红色）</source>
        <translation>A commitment shows as “Behind” (red) when its completion lags behind the share of the year gone by more than this</translation>
    </message>
    <message>
        <source>到期提醒</source>
        <translation>Expiry reminder</translation>
    </message>
    <message>
        <source>进度落后容差</source>
        <translation>Behind-schedule tolerance</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录共建台</source>
        <translation>Sign In to Gongjian</translation>
    </message>
    <message>
        <source>这个数据库设置了用户。请用您的账号登录。</source>
        <translation>This database has user accounts. Please sign in with yours.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SpinBoxes</name>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> h</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>清单条目</source>
        <translation>List entry</translation>
    </message>
    <message>
        <source>认领方</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>StepsBar</name>
    <message>
        <source>说明、理由或办理结果（不予受理、办结、重新办理等须填写）</source>
        <translation>Note, reason or result (required to reject, resolve, reopen…)</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>并单…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>撤销并单</source>
        <translation>Unmerge</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>延期…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>这是重复反映：并入同一件事的工单（可撤销）</source>
        <translation>A repeat complaint: merge it into the order for the same matter (can be undone)</translation>
    </message>
    <message>
        <source>按申请延长办理时限，须说明理由</source>
        <translation>Extend the time limit on request, with the reason</translation>
    </message>
    <message>
        <source>标记为督办，须填写督办意见</source>
        <translation>Put under supervision, with the supervision note</translation>
    </message>
</context>
<context>
    <name>TermChangeDialog</name>
    <message>
        <source>必填，最多200字。将记入操作日志。</source>
        <translation>Required, at most 200 characters. It goes into the audit log.</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>无法完成“{what}”</source>
        <translation>Could Not Complete “{what}”</translation>
    </message>
    <message>
        <source>{reason}

这一步已从撤销记录中移除。</source>
        <translation>{reason}

This step has been removed from the undo history.</translation>
    </message>
    <message>
        <source>{reason}

重新载入别处保存的内容？</source>
        <translation>{reason}

Reload what was saved elsewhere?</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>共建台已锁定</source>
        <translation>Gongjian is locked</translation>
    </message>
    <message>
        <source>{name}，窗口因长时间未操作已锁定。未保存的内容都还在，输入密码继续。</source>
        <translation>{name}, the window locked after a while without use. Nothing unsaved is lost; enter your password to go on.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>“{what}”有未保存的修改。</source>
        <translation>“{what}” has unsaved changes.</translation>
    </message>
    <message>
        <source>有未保存的修改。</source>
        <translation>There are unsaved changes.</translation>
    </message>
    <message>
        <source>保存这些修改吗？选“放弃”则修改不会保存。</source>
        <translation>Save these changes? With “Discard” they are not saved.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>● 有未保存的修改</source>
        <translation>● Unsaved changes</translation>
    </message>
    <message>
        <source>按 Ctrl+S 保存</source>
        <translation>Press Ctrl+S to save</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户与权限</source>
        <translation>Users and Permissions</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>还没有用户：任何打开这个数据库的人都以本机管理员身份工作。添加第一位用户（管理员）后，启动时需要登录。</source>
        <translation>No users yet: anyone who opens this database works as the local administrator. Once the first user (an administrator) is added, signing in is required at start-up.</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不锁定</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>无人操作多久后锁定窗口、要求重新输入密码：</source>
        <translation>Lock the window and ask for the password again after this long without use:</translation>
    </message>
    <message>
        <source>已设置</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>未设置，不能登录</source>
        <translation>Not set; cannot sign in</translation>
    </message>
    <message>
        <source>连续输错，暂停登录到 {time}</source>
        <translation>Too many wrong passwords: waits until {time}</translation>
    </message>
    <message>
        <source>改角色</source>
        <translation>Change Role</translation>
    </message>
    <message>
        <source>{name} 的角色：</source>
        <translation>Role of {name}:</translation>
    </message>
    <message>
        <source>删除用户</source>
        <translation>Delete User</translation>
    </message>
    <message>
        <source>删除用户“{name}”？删除后这个账号不能再登录。</source>
        <translation>Delete the user “{name}”? The account can then no longer sign in.</translation>
    </message>
</context>
<context>
    <name>WorkLogDialog</name>
    <message>
        <source>新建工作记录</source>
        <translation>New Work Log Entry</translation>
    </message>
    <message>
        <source>修改工作记录</source>
        <translation>Edit Work Log Entry</translation>
    </message>
    <message>
        <source>月度报告所属月份，例如 2026-03</source>
        <translation>Month the report covers, e.g. 2026-03</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <source>选填：输入会议名称中的几个字</source>
        <translation>Optional: type part of the meeting title</translation>
    </message>
    <message>
        <source>选填：输入民生事项编号或标题中的几个字</source>
        <translation>Optional: type part of the issue number or title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>所属月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>工时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>关联会议</source>
        <translation>Linked meeting</translation>
    </message>
    <message>
        <source>关联民生事项</source>
        <translation>Linked issue</translation>
    </message>
</context>
<context>
    <name>_Lists</name>
    <message>
        <source>红榜</source>
        <translation>Red list</translation>
    </message>
    <message>
        <source>黑榜</source>
        <translation>Black list</translation>
    </message>
    <message>
        <source>样本不足，不排名（{n}个）：{names}</source>
        <translation>Too few samples, not ranked ({n}): {names}</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>这个数据库设置了用户，修改数据须先登录：在命令前加 --user 用户名（密码在终端输入，或放在环境变量 GONGJIAN_PASSWORD 中）。</source>
        <translation>This database has users: sign in to change data by putting --user NAME before the command (the password is asked on the terminal, or read from the environment variable GONGJIAN_PASSWORD).</translation>
    </message>
    <message>
        <source>您以“只读”角色登录，不能修改数据。请用工作人员或管理员账号登录。</source>
        <translation>You are signed in with the “Read-only” role and cannot change data. Sign in as staff or an administrator.</translation>
    </message>
    <message>
        <source>这个数据库设置了用户，查看完整的身份证号和电话须先登录：在命令前加 --user 用户名（密码在终端输入，或放在环境变量 GONGJIAN_PASSWORD 中）。</source>
        <translation>This database has users: sign in to see full ID numbers and phones by putting --user NAME before the command (the password is asked on the terminal, or read from the environment variable GONGJIAN_PASSWORD).</translation>
    </message>
    <message>
        <source>“只读”角色看不到完整的身份证号和电话。请用工作人员或管理员账号登录。</source>
        <translation>The “Read-only” role does not see full ID numbers and phones. Sign in as staff or an administrator.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Purged</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status moved</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>暂停期内登录</source>
        <translation>Sign-in while waiting</translation>
    </message>
    <message>
        <source>导出个人信息</source>
        <translation>Exported personal data</translation>
    </message>
    <message>
        <source>打印个人信息</source>
        <translation>Printed personal data</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>删除个人信息</source>
        <translation>Erased personal data</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <source>审计链头重建</source>
        <translation>Audit head rebuilt</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>联席会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>承诺事项</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>履约记录</source>
        <translation>Fulfilment</translation>
    </message>
    <message>
        <source>三张清单</source>
        <translation>List entry</translation>
    </message>
    <message>
        <source>报到登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service record</translation>
    </message>
    <message>
        <source>干部挂职</source>
        <translation>Posting</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work record</translation>
    </message>
    <message>
        <source>双向评价</source>
        <translation>Two-way evaluation</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>只有管理员可以查看审计日志。</source>
        <translation>Only administrators can read the audit log.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>修改期间定时</source>
        <translation>while editing</translation>
    </message>
    <message>
        <source>关闭程序时</source>
        <translation>on closing</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>backup file</translation>
    </message>
    <message>
        <source>升级前（结构版本 {revision}）</source>
        <translation>before an upgrade (schema {revision})</translation>
    </message>
    <message>
        <source>只有管理员可以从备份恢复数据库。</source>
        <translation>Only an administrator may restore the database from a backup.</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>协议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>本年进度</source>
        <translation>Progress this year</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>提出方</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>认领方</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>认领日期</source>
        <translation>Claimed on</translation>
    </message>
    <message>
        <source>报到社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>报到日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>服务次数</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>所属单位或组织</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>书记</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>党员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>所在社区网格</source>
        <translation>Community/grid</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>网格员</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>情况描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Handling units</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>记录类别</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>会议类型</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <source>会议名称</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>未办结事项</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>挂职类型</source>
        <translation>Posting type</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>挂职单位或网格</source>
        <translation>Host unit or grid</translation>
    </message>
    <message>
        <source>挂职岗位</source>
        <translation>Host post</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>原定结束</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>共上党课</source>
        <translation>Party lesson</translation>
    </message>
    <message>
        <source>共办活动</source>
        <translation>Themed event</translation>
    </message>
    <message>
        <source>共帮一户</source>
        <translation>Family in need</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Volunteering</translation>
    </message>
    <message>
        <source>网格员日</source>
        <translation>Grid worker day</translation>
    </message>
    <message>
        <source>党建阵地</source>
        <translation>Party-building site</translation>
    </message>
    <message>
        <source>治理难题</source>
        <translation>Governance problem</translation>
    </message>
    <message>
        <source>街道方</source>
        <translation>Street side</translation>
    </message>
    <message>
        <source>共建方</source>
        <translation>Partner side</translation>
    </message>
    <message>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>党支部</source>
        <translation>Party branch</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>报到人数</source>
        <translation>Registered members</translation>
    </message>
    <message>
        <source>服务时长</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02}-{day:02}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>没有“{scale}”这种演示数据规模，可选：{choices}。</source>
        <translation>There is no demo data scale “{scale}”; choose one of: {choices}.</translation>
    </message>
    <message>
        <source>正在写入数据库</source>
        <translation>Writing to the database</translation>
    </message>
    <message>
        <source>正在写入大量民生事项</source>
        <translation>Writing many issues</translation>
    </message>
    <message>
        <source>演示数据已生成</source>
        <translation>Demo data generated</translation>
    </message>
    <message>
        <source>数据库里已经有组织架构，演示数据只能载入空数据库。请新建一个数据库文件后再生成演示数据。</source>
        <translation>The database already has an organisation structure; demo data can only be loaded into an empty database. Create a new database file, then generate the demo data.</translation>
    </message>
    <message>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>片区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>科室部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>省级机关</source>
        <translation>Provincial organ</translation>
    </message>
    <message>
        <source>市级机关</source>
        <translation>City organ</translation>
    </message>
    <message>
        <source>区级机关</source>
        <translation>District organ</translation>
    </message>
    <message>
        <source>高校</source>
        <translation>University</translation>
    </message>
    <message>
        <source>科研院所</source>
        <translation>Research institute</translation>
    </message>
    <message>
        <source>国企</source>
        <translation>State-owned enterprise</translation>
    </message>
    <message>
        <source>非公企业</source>
        <translation>Private enterprise</translation>
    </message>
    <message>
        <source>社会组织</source>
        <translation>Social organisation</translation>
    </message>
    <message>
        <source>党委</source>
        <translation>Party committee</translation>
    </message>
    <message>
        <source>党总支</source>
        <translation>General branch</translation>
    </message>
    <message>
        <source>党支部</source>
        <translation>Party branch</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>市场化</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>兜底式</source>
        <translation>Fallback</translation>
    </message>
    <message>
        <source>自管型</source>
        <translation>Self-managed</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>列席</source>
        <translation>Observer</translation>
    </message>
    <message>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Co-building agreement</translation>
    </message>
    <message>
        <source>双向服务协议</source>
        <translation>Two-way service agreement</translation>
    </message>
    <message>
        <source>支部结对共建</source>
        <translation>Branch pairing</translation>
    </message>
    <message>
        <source>草拟</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>续签</source>
        <translation>Renewed</translation>
    </message>
    <message>
        <source>共上一堂主题党课</source>
        <translation>Joint themed party lesson</translation>
    </message>
    <message>
        <source>共办一场主题活动</source>
        <translation>Joint themed event</translation>
    </message>
    <message>
        <source>共帮一户困难家庭</source>
        <translation>Joint help for a family in need</translation>
    </message>
    <message>
        <source>共同开展一次志愿服务</source>
        <translation>Joint volunteer service</translation>
    </message>
    <message>
        <source>共做一日网格员</source>
        <translation>Joint day as grid workers</translation>
    </message>
    <message>
        <source>共建一个规范化党建阵地</source>
        <translation>Joint party-building site</translation>
    </message>
    <message>
        <source>共同解决一个社区治理难题</source>
        <translation>Joint solution to a governance problem</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>待认领</source>
        <translation>Unclaimed</translation>
    </message>
    <message>
        <source>已认领</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>实施中</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>交叉挂职</source>
        <translation>Cross posting</translation>
    </message>
    <message>
        <source>上挂</source>
        <translation>Upward posting</translation>
    </message>
    <message>
        <source>下派</source>
        <translation>Downward posting</translation>
    </message>
    <message>
        <source>第一社长</source>
        <translation>First community head</translation>
    </message>
    <message>
        <source>结对培养</source>
        <translation>Paired mentoring</translation>
    </message>
    <message>
        <source>待到岗</source>
        <translation>Not yet in post</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>期满</source>
        <translation>End of term</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>提前结束</source>
        <translation>Ended early</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>称职</source>
        <translation>Competent</translation>
    </message>
    <message>
        <source>基本称职</source>
        <translation>Basically competent</translation>
    </message>
    <message>
        <source>不称职</source>
        <translation>Incompetent</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已并单</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>网格走访</source>
        <translation>Grid visit</translation>
    </message>
    <message>
        <source>线上</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>来电</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>街道社区方</source>
        <translation>Street/community side</translation>
    </message>
    <message>
        <source>共建单位方</source>
        <translation>Partner side</translation>
    </message>
    <message>
        <source>需求清单</source>
        <translation>Needs list</translation>
    </message>
    <message>
        <source>资源清单</source>
        <translation>Resources list</translation>
    </message>
    <message>
        <source>项目清单</source>
        <translation>Projects list</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>考勤报告</source>
        <translation>Attendance report</translation>
    </message>
    <message>
        <source>履职报告</source>
        <translation>Duty report</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>挂职单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>中期</source>
        <translation>Mid-term</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Annual</translation>
    </message>
    <message>
        <source>已派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>已报到</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>异议审核中</source>
        <translation>Objection under review</translation>
    </message>
    <message>
        <source>已退单</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>国务院通知</source>
        <translation>State Council notice</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>手工设置</source>
        <translation>Set by hand</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>相关</source>
        <translation>Related</translation>
    </message>
</context>
<context>
    <name>erasure</name>
    <message>
        <source>找不到这条{noun}记录：{text}</source>
        <translation>No {noun} record found: {text}</translation>
    </message>
    <message>
        <source>请写明删除的依据，例如“本人于11月28日书面申请”。</source>
        <translation>Give the grounds for the erasure, for example “written request of the person on 28 November”.</translation>
    </message>
    <message>
        <source>只有管理员可以删除个人信息。</source>
        <translation>Only administrators can erase personal data.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>“{name}”下还有{n}个下级组织，请先删除或移走它们。</source>
        <translation>“{name}” still has {n} sub-units; delete or move them first.</translation>
    </message>
    <message>
        <source>这条记录已被别处修改。请关闭后重新打开，再做修改。</source>
        <translation>This record has been changed elsewhere. Close it and open it again to make changes.</translation>
    </message>
    <message>
        <source>找不到{what}：{key}</source>
        <translation>{what} not found: {key}</translation>
    </message>
    <message>
        <source>出现意外错误</source>
        <translation>Unexpected Error</translation>
    </message>
    <message>
        <source>操作没有完成，已保存的数据不受影响。您可以继续工作；如问题重复出现，请把日志文件交给管理员。</source>
        <translation>The operation did not complete; saved data is not affected. You can keep working. If the problem happens again, give the log file to your administrator.</translation>
    </message>
    <message>
        <source>错误编号：{reference}
日志文件：{path}</source>
        <translation>Error reference: {reference}
Log file: {path}</translation>
    </message>
    <message>
        <source>没有保存</source>
        <translation>Not Saved</translation>
    </message>
    <message>
        <source>刚才的操作没有完成。窗口里的内容还在，问题解决后可以再保存一次。</source>
        <translation>That did not finish. What you entered is still in the window; save it again once the problem is solved.</translation>
    </message>
    <message>
        <source>这份纪要已经定稿了。</source>
        <translation>These minutes are already final.</translation>
    </message>
    <message>
        <source>这份纪要还是草稿，不需要退回。</source>
        <translation>These minutes are still a draft; there is nothing to return.</translation>
    </message>
    <message>
        <source>已定稿的纪要不能删除，请先退回草稿并说明理由。</source>
        <translation>Final minutes cannot be deleted. Return them to draft first and give the reason.</translation>
    </message>
    <message>
        <source>已定稿的纪要不能修改，请先退回草稿并说明理由。</source>
        <translation>Final minutes cannot be changed. Return them to draft first and give the reason.</translation>
    </message>
    <message>
        <source>这项议定事项已转为民生事项{number}。</source>
        <translation>This decision has already become issue {number}.</translation>
    </message>
    <message>
        <source>类别名称须为1到40个字。</source>
        <translation>A category name must be 1 to 40 characters.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的类别。</source>
        <translation>There is already a category named “{name}”.</translation>
    </message>
    <message>
        <source>名称最多{max}个字。</source>
        <translation>A name has at most {max} characters.</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期。</source>
        <translation>The last day cannot be before the first.</translation>
    </message>
    <message>
        <source>一次最多设置{max}天。</source>
        <translation>At most {max} days at once.</translation>
    </message>
    <message>
        <source>{day}是周一至周五，本来就上班：调休上班只设在周末。</source>
        <translation>{day} is a weekday and a working day anyway: make-up working days are weekends.</translation>
    </message>
    <message>
        <source>{year}年还没有节假日，无法导出。</source>
        <translation>{year} has no holidays to export.</translation>
    </message>
    <message>
        <source>事项{number}已归档，附件不能再添加或删除。</source>
        <translation>Issue {number} is closed; attachments can no longer be added or deleted.</translation>
    </message>
    <message>
        <source>事项不能关联它自己。</source>
        <translation>An issue cannot be linked to itself.</translation>
    </message>
    <message>
        <source>这两件事项之间没有关联。</source>
        <translation>These two issues are not linked.</translation>
    </message>
    <message>
        <source>找不到编号为“{number}”的事项。</source>
        <translation>No issue has the number “{number}”.</translation>
    </message>
    <message>
        <source>请选择至少一个承办单位。</source>
        <translation>Choose at least one handling unit.</translation>
    </message>
    <message>
        <source>只能有一个主办单位。</source>
        <translation>Only one unit can lead.</translation>
    </message>
    <message>
        <source>{unit}已是主办单位；要更换，请在派单列表中设为主办。</source>
        <translation>{unit} already leads; to hand the lead over, use Make lead in the dispatch list.</translation>
    </message>
    <message>
        <source>每个承办单位须是部门或驻区单位之一。</source>
        <translation>Each handling unit must be either a department or a resident unit.</translation>
    </message>
    <message>
        <source>找不到承办单位。</source>
        <translation>Handling unit not found.</translation>
    </message>
    <message>
        <source>{unit}正在办理这件事项，不必重复派单。</source>
        <translation>{unit} is already handling this issue; no need to dispatch it again.</translation>
    </message>
    <message>
        <source>办理时限不能早于现在。</source>
        <translation>The time limit cannot be in the past.</translation>
    </message>
    <message>
        <source>{unit}的派单{state}，不能设为主办。</source>
        <translation>{unit}&apos;s order is {state}: it cannot lead.</translation>
    </message>
    <message>
        <source>{unit}的派单{state}，不能再{action}。</source>
        <translation>{unit}&apos;s order is {state}; it cannot {action} now.</translation>
    </message>
    <message>
        <source>事项已经结束，不需要督办、催办或延期。</source>
        <translation>The issue is finished; it needs no supervision, reminder or extension.</translation>
    </message>
    <message>
        <source>只有正在办理的派单可以延期。</source>
        <translation>Only an order being handled can be extended.</translation>
    </message>
    <message>
        <source>办理时限{day}已过，延期须在期限前申请。</source>
        <translation>The deadline {day} has passed; an extension must be asked for before the deadline.</translation>
    </message>
    <message>
        <source>这件事项没有办理时限，请直接选择新的日期。</source>
        <translation>This issue has no time limit: give the new last day instead.</translation>
    </message>
    <message>
        <source>新的期限须晚于{day}。</source>
        <translation>The new deadline must be after {day}.</translation>
    </message>
    <message>
        <source>事项现在是“{status}”，不能{action}。可以做的下一步：{allowed}。</source>
        <translation>The issue is “{status}” and cannot be {action} now. Next steps allowed: {allowed}.</translation>
    </message>
    <message>
        <source>事项现在是“{status}”，不能{action}，流程已经结束。</source>
        <translation>The issue is “{status}” and cannot be {action}: its process has ended.</translation>
    </message>
    <message>
        <source>这项挂职已经结束，不能延期；请新建一项挂职。</source>
        <translation>This posting has already ended and cannot be extended; create a new posting instead.</translation>
    </message>
    <message>
        <source>这项挂职还没有开始，请直接在编辑中修改结束日期。</source>
        <translation>This posting has not started yet; change the end date directly under Edit.</translation>
    </message>
    <message>
        <source>这项挂职已经结束了。</source>
        <translation>This posting has already ended.</translation>
    </message>
    <message>
        <source>这项挂职还没有开始；不再派出请直接删除。</source>
        <translation>This posting has not started yet; if the cadre is no longer being sent, just delete it.</translation>
    </message>
    <message>
        <source>这条清单现在是“{status}”，不能进行这一步。</source>
        <translation>This list entry is “{status}”; this step is not possible now.</translation>
    </message>
    <message>
        <source>这条清单现在是“{status}”，这一步已不能撤销。</source>
        <translation>This entry is now “{status}”; this step can no longer be undone.</translation>
    </message>
    <message>
        <source>只有已认领、尚未实施的清单可以退回。</source>
        <translation>Only an entry that is claimed and not yet under way can be given back.</translation>
    </message>
    <message>
        <source>已完成或已取消的清单不能取消。</source>
        <translation>A done or cancelled entry cannot be cancelled.</translation>
    </message>
    <message>
        <source>这条清单现在是“{status}”，不能删除；请先退回认领或取消清单。</source>
        <translation>This entry is now “{status}” and cannot be deleted; give back the claim or cancel the entry first.</translation>
    </message>
    <message>
        <source>只有草拟的协议可以生效。</source>
        <translation>Only a draft agreement can be put into force.</translation>
    </message>
    <message>
        <source>已到期、已终止或已续签的协议不能终止。</source>
        <translation>An expired, terminated or renewed agreement cannot be terminated.</translation>
    </message>
    <message>
        <source>只有生效、即将到期或到期的协议可以续签。</source>
        <translation>Only an active, expiring or expired agreement can be renewed.</translation>
    </message>
    <message>
        <source>草拟的协议尚未生效，不能登记履约。</source>
        <translation>A draft agreement is not in force yet; no fulfilment can be recorded.</translation>
    </message>
    <message>
        <source>{branch}的结对协议已{status}，不能再登记履约。</source>
        <translation>The pairing agreement of {branch} is {status}; no more fulfilment can be recorded.</translation>
    </message>
    <message>
        <source>{branch}的结对协议已{status}，不能再登记履约。请在续签后的新协议上登记。</source>
        <translation>The pairing agreement of {branch} is {status}; no more fulfilment can be recorded. Record it on the renewed agreement.</translation>
    </message>
    <message>
        <source>找不到文件或无法读取：{name}</source>
        <translation>File not found or not readable: {name}</translation>
    </message>
    <message>
        <source>文件“{name}”超过{max} MB，不能作为附件。</source>
        <translation>The file “{name}” is larger than {max} MB and cannot be attached.</translation>
    </message>
    <message>
        <source>无法读取文件：{name}</source>
        <translation>Cannot read the file: {name}</translation>
    </message>
    <message>
        <source>附件已损坏或丢失：{name}</source>
        <translation>The attachment is damaged or missing: {name}</translation>
    </message>
    <message>
        <source>{period}的这份月度报告已另有一份，不能恢复；需要时请先删除那一份。</source>
        <translation>There is already another monthly report for {period}, so this one cannot be restored; delete that one first if needed.</translation>
    </message>
    <message>
        <source>“{title}”的纪要还是草稿：定稿后才能归档。</source>
        <translation>The minutes of “{title}” are still a draft: finalise them before archiving.</translation>
    </message>
    <message>
        <source>无法归档：文件夹不存在：{folder}</source>
        <translation>Cannot archive: the folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>无法归档：{path} 已存在，请换一个文件夹或先移走它。</source>
        <translation>Cannot archive: {path} already exists. Choose another folder or move it away first.</translation>
    </message>
    <message>
        <source>无法归档：不能写入 {folder}（{reason}）</source>
        <translation>Cannot archive: cannot write to {folder} ({reason})</translation>
    </message>
    <message>
        <source>无法归档：写入 {folder} 时出错（{reason}）</source>
        <translation>Cannot archive: writing to {folder} failed ({reason})</translation>
    </message>
    <message>
        <source>“{name}”不能作为附件：只接受图片、PDF 和办公文档（{types}）。</source>
        <translation>“{name}” cannot be attached: only images, PDF and office documents are accepted ({types}).</translation>
    </message>
    <message>
        <source>“{name}”的内容与它的扩展名不符，不能作为附件。请用原始文件，不要只改扩展名。</source>
        <translation>The content of “{name}” does not match its extension, so it cannot be attached. Use the original file rather than renaming one.</translation>
    </message>
    <message>
        <source>这条记录在您修改之后已被别处修改（其他窗口或其他电脑）。撤销或重做会覆盖那次修改，所以没有执行。</source>
        <translation>This record was changed elsewhere (another window or another PC) after your change. Undoing or redoing would overwrite that change, so it was not done.</translation>
    </message>
    <message>
        <source>节假日文件中“{festival}”一段缺少“{key}”（须是文字）。</source>
        <translation>In the holiday file, &quot;{festival}&quot; lacks &quot;{key}&quot; (text).</translation>
    </message>
    <message>
        <source>节假日文件开头缺少“{key}”（须是文字）。</source>
        <translation>The holiday file&apos;s opening lacks &quot;{key}&quot; (text).</translation>
    </message>
    <message>
        <source>节假日文件开头的“{key}”须是日期，写成 2027-01-01。</source>
        <translation>&quot;{key}&quot; at the holiday file&apos;s opening must be a date written 2027-01-01.</translation>
    </message>
    <message>
        <source>节假日文件中“{festival}”的“{key}”须是日期，写成 2027-01-01。</source>
        <translation>&quot;{key}&quot; of &quot;{festival}&quot; in the holiday file must be a date written 2027-01-01.</translation>
    </message>
    <message>
        <source>节假日文件的每个节日须写成 [[holiday]] 一段。</source>
        <translation>Each festival of the holiday file must be a [[holiday]] section.</translation>
    </message>
    <message>
        <source>节日名称“{name}”超过{max}个字。</source>
        <translation>The festival name &quot;{name}&quot; is longer than {max} characters.</translation>
    </message>
    <message>
        <source>{where}的“work”须是日期的列表，如 [2027-02-07]。</source>
        <translation>&quot;work&quot; of {where} must be a list of dates, e.g. [2027-02-07].</translation>
    </message>
    <message>
        <source>{where}的放假日期有误：{first}至{last}。</source>
        <translation>The days off of {where} are wrong: {first} to {last}.</translation>
    </message>
    <message>
        <source>{where}的日期{day}不在{year}年。</source>
        <translation>The date {day} of {where} is not in {year}.</translation>
    </message>
    <message>
        <source>{where}的调休上班日{day}不是周末：调休上班日应是周六或周日。</source>
        <translation>The make-up working day {day} of {where} is not a weekend day: make-up working days are Saturdays or Sundays.</translation>
    </message>
    <message>
        <source>节假日文件的格式有误：{detail}</source>
        <translation>The holiday file is not well formed: {detail}</translation>
    </message>
    <message>
        <source>节假日文件须写明年份，如 year = 2027。</source>
        <translation>The holiday file must name its year, e.g. year = 2027.</translation>
    </message>
    <message>
        <source>节假日文件里没有节日（[[holiday]] 段）。</source>
        <translation>The holiday file has no festivals ([[holiday]] sections).</translation>
    </message>
    <message>
        <source>{day}在“{a}”和“{b}”中重复出现。</source>
        <translation>{day} appears in both &quot;{a}&quot; and &quot;{b}&quot;.</translation>
    </message>
    <message>
        <source>节假日文件须以 UTF-8 编码保存：{name}</source>
        <translation>The holiday file must be saved as UTF-8: {name}</translation>
    </message>
    <message>
        <source>无法读取节假日文件：{name}（{why}）</source>
        <translation>Cannot read the holiday file: {name} ({why})</translation>
    </message>
    <message>
        <source>事项不能并入它自己。</source>
        <translation>An issue cannot be merged into itself.</translation>
    </message>
    <message>
        <source>已经派过单的事项不能再并单。</source>
        <translation>An issue already dispatched cannot be merged.</translation>
    </message>
    <message>
        <source>{number}已结束（{status}），不能并入；请单独办理。</source>
        <translation>{number} has ended ({status}) and takes no merges: handle this one on its own.</translation>
    </message>
    <message>
        <source>已有诉求并入{number}，它不能再并入别的工单。</source>
        <translation>Complaints are merged into {number}: it cannot be merged into another order.</translation>
    </message>
    <message>
        <source>已归档、不予受理或已并单的事项不能修改。</source>
        <translation>A closed, rejected or merged issue cannot be changed.</translation>
    </message>
    <message>
        <source>{unit}的异议还在审核，请先审核再办结。</source>
        <translation>{unit}&apos;s objection is still under review: review it before resolving.</translation>
    </message>
    <message>
        <source>这位反映人的诉求没有并入本工单。</source>
        <translation>This reporter&apos;s complaint is not merged into this order.</translation>
    </message>
    <message>
        <source>还有{n}位并单的反映人没有回访：{names}。</source>
        <translation>{n} reporters of merged complaints have not been called yet: {names}.</translation>
    </message>
    <message>
        <source>议程中已有“上次议定事项落实情况”。</source>
        <translation>The agenda already has &quot;Follow-up of earlier decisions&quot;.</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <source>在职党员报到</source>
        <translation>In-service party members</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Co-building agreements</translation>
    </message>
    <message>
        <source>这一格含有看不见的控制字符（U+{code}），请删除这一格的内容后重新输入。</source>
        <translation>This cell holds an invisible control character (U+{code}); clear the cell and type its content again.</translation>
    </message>
    <message>
        <source>身份证号被 Excel 存成了数字，最后几位已丢失。请把这一列设为“文本”格式后重新填写。</source>
        <translation>Excel stored the ID number as a number, so its last digits are lost. Format this column as “Text” and enter the numbers again.</translation>
    </message>
    <message>
        <source>“{value}”不是可选的值，请填写其中之一：{choices}。</source>
        <translation>“{value}” is not one of the choices; enter one of: {choices}.</translation>
    </message>
    <message>
        <source>请填写，可选：{choices}。</source>
        <translation>Required; choose from: {choices}.</translation>
    </message>
    <message>
        <source>请填写“是”或“否”，现在是“{value}”。</source>
        <translation>Enter “Yes” or “No”; it is “{value}”.</translation>
    </message>
    <message>
        <source>“{value}”不是日期，请写成 2026-03-01 这样的日期。</source>
        <translation>“{value}” is not a date; write it like 2026-03-01.</translation>
    </message>
    <message>
        <source>请填写日期，例如 2026-03-01。</source>
        <translation>Enter a date, e.g. 2026-03-01.</translation>
    </message>
    <message>
        <source>“{value}”早于{earliest}，不像是真实的日期（空白或 0 的格子设成日期格式时会显示成 1900 年的日期）。请核对这一格。</source>
        <translation>“{value}” is before {earliest} and cannot be a real date (an empty or 0 cell formatted as a date shows a date in 1900). Check this cell.</translation>
    </message>
    <message>
        <source>“{value}”晚于{latest}，不像是真实的日期。请核对这一格。</source>
        <translation>“{value}” is after {latest} and cannot be a real date. Check this cell.</translation>
    </message>
    <message>
        <source>“{value}”是将来的日期，这一列只能填已经过去的日期（最晚{latest}）。</source>
        <translation>“{value}” is in the future; this column takes dates that have passed (at the latest {latest}).</translation>
    </message>
    <message>
        <source>“{value}”不是时间，请写成 2026-03-01 09:30 这样的格式。</source>
        <translation>“{value}” is not a time; write it like 2026-03-01 09:30.</translation>
    </message>
    <message>
        <source>请填写整数，现在是“{value}”。</source>
        <translation>Enter a whole number; it is “{value}”.</translation>
    </message>
    <message>
        <source>请在名称前写上级名称，如“某社区/第一网格”。</source>
        <translation>Put the parent&apos;s name in front of the name, e.g. “某社区/第一网格” (community/grid).</translation>
    </message>
    <message>
        <source>请先在系统中区分同名记录。</source>
        <translation>Tell the records with the same name apart in the system first.</translation>
    </message>
    <message>
        <source>找不到{what}“{name}”，请核对名称，或先在系统中添加。</source>
        <translation>{what} “{name}” not found; check the name, or add it in the system first.</translation>
    </message>
    <message>
        <source>有{n}个名为“{name}”的{what}，无法确定是哪一个。{hint}</source>
        <translation>{n} records named “{name}” ({what}); cannot tell which one is meant. {hint}</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident units</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisations</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>这些列不会导入：{names}。如要导入，请把列名改成“{kind}”导入模板中的列名。</source>
        <translation>These columns will not be imported: {names}. To import them, rename them to the column names of the “{kind}” import template.</translation>
    </message>
    <message>
        <source>有{n}处问题，没有导入任何记录。</source>
        <translation>{n} problem(s) found; nothing was imported.</translation>
    </message>
    <message>
        <source>数据库正被另一个程序（或另一个共建台窗口）写入，等待后仍未空出，没有导入任何记录。请稍后重试。</source>
        <translation>The database is being written by another program (or another Gongjian window) and did not become free in time; nothing was imported. Please try again shortly.</translation>
    </message>
    <message>
        <source>有记录与刚刚别处保存的记录冲突，没有导入任何记录。请重新检查后再导入。</source>
        <translation>A record conflicts with one just saved elsewhere; nothing was imported. Check the file again, then import.</translation>
    </message>
    <message>
        <source>与第{row}行重复，请删除其中一行。</source>
        <translation>Duplicate of row {row}; delete one of the two.</translation>
    </message>
    <message>
        <source>列名“{header}”不是模板中的列名，像是“{like}”：照现在的写法，这一列不会被导入。请把列名改成“{like}”；如果这一列不需要导入，请删除它。</source>
        <translation>The column name “{header}” is not a template column but looks like “{like}”: as written, this column would not be imported. Rename it “{like}”, or delete the column if it is not to be imported.</translation>
    </message>
    <message>
        <source>第{first}–{last}行的“{column}”是合并的单元格（{ref}）：合并后只有第一行有内容，其余行会成为空白。请取消合并，并在每一行填上内容。</source>
        <translation>“{column}” in rows {first}–{last} is a merged cell ({ref}): only its first row has the content, the others would be blank. Unmerge it and fill in every row.</translation>
    </message>
    <message>
        <source>这一格是公式（={formula}），但文件中没有它的计算结果（文件不是由 Excel 保存的）。请在 Excel 中打开并保存后再导入，或把公式换成数值。</source>
        <translation>This cell is a formula (={formula}) but the file holds no computed value for it (the file was not saved by Excel). Open and save it in Excel, then import it, or replace the formula with its value.</translation>
    </message>
    <message>
        <source>这一格是错误值 {error}，请改成正确的内容。</source>
        <translation>This cell holds the error value {error}; correct it.</translation>
    </message>
    <message>
        <source>文件缺少必填的列：{names}。请使用“{kind}”的导入模板（第1行为列名）。</source>
        <translation>The file lacks required columns: {names}. Use the “{kind}” import template (column names in row 1).</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>联席会议</source>
        <translation>Joint meetings</translation>
    </message>
    <message>
        <source>干部挂职</source>
        <translation>Cadre secondments</translation>
    </message>
    <message>
        <source>三张清单</source>
        <translation>Three lists</translation>
    </message>
    <message>
        <source>无法读取“{name}”，它可能已损坏或不是 xlsx 格式。请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。</source>
        <translation>Cannot read “{name}”: it may be damaged or not an .xlsx file. Open it in Excel, save it as an “Excel Workbook (.xlsx)” and import it again.</translation>
    </message>
    <message>
        <source>“{name}”有 {size} MB，一次最多导入 {max} MB 的文件。请把文件拆成几个较小的文件分别导入。</source>
        <translation>“{name}” is {size} MB; files of at most {max} MB can be imported at once. Split it into smaller files and import them one by one.</translation>
    </message>
    <message>
        <source>无法打开“{name}”（{reason}）。请关闭正在使用它的程序，或检查文件是否还在。</source>
        <translation>Cannot open “{name}” ({reason}). Close any program that is using it, or check that the file still exists.</translation>
    </message>
    <message>
        <source>文件设置了打开密码，无法读取。请在 Excel 中打开它，去掉密码后另存为 .xlsx 再导入。</source>
        <translation>The file is password-protected and cannot be read. Open it in Excel, remove the password, save it as .xlsx and import it again.</translation>
    </message>
    <message>
        <source>这是旧版 Excel（.xls）文件。请在 Excel 中另存为 .xlsx 格式后再导入。</source>
        <translation>This is an old Excel (.xls) file. Save it as .xlsx in Excel, then import it.</translation>
    </message>
    <message>
        <source>“{name}”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。</source>
        <translation>“{name}” is not an Excel (.xlsx) file. Choose the .xlsx file filled in from the template.</translation>
    </message>
    <message>
        <source>“{name}”解压后超过 {max} MB（一个正常的 10 万行表格远小于此），不能导入。请在 Excel 中删除多余的内容（图片、空白的格式化区域）后另存，或拆成几个文件。</source>
        <translation>“{name}” unpacks to more than {max} MB (a normal sheet of 100,000 rows is far smaller) and cannot be imported. Remove what is not needed in Excel (pictures, large formatted empty areas) and save it again, or split it into several files.</translation>
    </message>
    <message>
        <source>文件有{n}个数据工作表（{names}），只能有一个。请把要导入的数据放在一个工作表中，删除其余工作表（“说明”表可以保留）。</source>
        <translation>The file has {n} data sheets ({names}); only one is allowed. Put the data to import in one sheet and delete the others (the “说明” notes sheet may stay).</translation>
    </message>
    <message>
        <source>第1行（列名）有合并的单元格。请取消合并，每列只写一个列名（可下载模板对照）。</source>
        <translation>Row 1 (the column names) has merged cells. Unmerge them and write one name per column (compare with the downloadable template).</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有数据行（第1行是列名，数据从第2行起）。</source>
        <translation>The sheet “{sheet}” has no data rows (row 1 holds the column names; data start in row 2).</translation>
    </message>
    <message>
        <source>文件有{n}行数据，一次最多导入{max}行。请把文件拆成几个较小的文件分别导入。</source>
        <translation>The file has {n} data rows; at most {max} can be imported at once. Split it into smaller files and import them one by one.</translation>
    </message>
    <message>
        <source>第1行没有列名。请使用导入模板，第1行写列名，数据从第2行起。</source>
        <translation>Row 1 has no column names. Use the import template: column names in row 1, data from row 2.</translation>
    </message>
    <message>
        <source>列名重复：{names}。每个列名只能出现一次。</source>
        <translation>Duplicate column names: {names}. Each column name may appear only once.</translation>
    </message>
    <message>
        <source>其中 {n} 人在系统中原来没有，同时新建为人员（党员）。</source>
        <translation>{n} of them were not in the system and are added as people (party members) as well.</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>这个冲突已经处理过了，或已不存在。</source>
        <translation>This conflict has been resolved already, or no longer exists.</translation>
    </message>
    <message>
        <source>本数据库已经是一个站点，不能再登记。</source>
        <translation>This database is a site already and cannot be enrolled again.</translation>
    </message>
    <message>
        <source>社区登记须用新的空数据库（这个数据库已有数据）：用 --db 指定一个新文件。</source>
        <translation>A community enrols on a new, empty database (this one holds data): give a new file with --db.</translation>
    </message>
    <message>
        <source>口令不对，或登记文件已损坏：请核对街道给出的口令。</source>
        <translation>Wrong passphrase, or the enrolment file is damaged: check the passphrase the street office gave you.</translation>
    </message>
    <message>
        <source>数据包的清单与文件头不符，没有导入。</source>
        <translation>The package’s manifest does not match its header; nothing was imported.</translation>
    </message>
    <message>
        <source>数据包来自更新版本的共建台（数据库版本 {schema}），请先升级本机的程序再导入。</source>
        <translation>The package comes from a newer Gongjian (schema {schema}): upgrade the program on this PC first, then import it.</translation>
    </message>
    <message>
        <source>这个数据包是发给另一个站点的，不是发给本站点（{site}）的，没有导入。</source>
        <translation>This package is for another site, not this one ({site}); nothing was imported.</translation>
    </message>
    <message>
        <source>数据包来自本站点不认识的站点，没有导入。</source>
        <translation>The package comes from a site this one does not know; nothing was imported.</translation>
    </message>
    <message>
        <source>站点“{site}”已被吊销，它的数据包一律拒收。</source>
        <translation>The site “{site}” has been revoked: its packages are refused.</translation>
    </message>
    <message>
        <source>站点“{site}”已停用，不再接收它的数据包。</source>
        <translation>The site “{site}” has been retired: its packages are no longer accepted.</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>共建协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>履约记录</source>
        <translation>Fulfilment record</translation>
    </message>
    <message>
        <source>干部下沉</source>
        <translation>Posting</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>情况描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>办结时间</source>
        <translation>Resolved at</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>开展日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>数据包内容与清单不符（条目缺失或校验值不对），没有导入任何数据。</source>
        <translation>The package’s contents do not match its manifest (an entry missing or a wrong checksum); nothing was imported.</translation>
    </message>
    <message>
        <source>只有管理员可以新建、停用或吊销站点。</source>
        <translation>Only an administrator may create, retire or revoke sites.</translation>
    </message>
    <message>
        <source>文件校验失败：它在传送中被改动或损坏，或不是用本站点的密钥加密的。请让对方重新导出一份。</source>
        <translation>The file failed its check: it was changed or damaged on the way, or not sealed with this site’s key. Ask the other side to export it again.</translation>
    </message>
    <message>
        <source>这不是共建台的数据交换文件（文件头不对），或文件不完整。</source>
        <translation>This is not a Gongjian exchange file (wrong header), or the file is incomplete.</translation>
    </message>
    <message>
        <source>本数据库还没有参加数据交换：街道先新建社区站点，社区用登记文件加入。</source>
        <translation>This database does not take part in an exchange yet: the street office creates a community site, and the community joins with its enrolment file.</translation>
    </message>
    <message>
        <source>找不到站点：{site}（gongjian exchange sites 列出站点）</source>
        <translation>No such site: {site} (gongjian exchange sites lists them)</translation>
    </message>
    <message>
        <source>社区站点只与街道交换数据，街道只与社区交换数据。</source>
        <translation>A community site exchanges with the street office only, and the street office with communities only.</translation>
    </message>
    <message>
        <source>站点“{site}”已停用或吊销，不再与它交换数据。</source>
        <translation>The site “{site}” is retired or revoked; nothing is exchanged with it any more.</translation>
    </message>
    <message>
        <source>只有街道可以新建社区站点。</source>
        <translation>Only the street office can create community sites.</translation>
    </message>
    <message>
        <source>找不到社区“{community}”：请填写组织架构中社区的名称。</source>
        <translation>No community “{community}”: give the name of a community in the org tree.</translation>
    </message>
    <message>
        <source>社区“{community}”已有站点；要重新登记，先停用或吊销原站点。</source>
        <translation>The community “{community}” has a site already; to enrol it again, retire or revoke that site first.</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>无法保存文件：文件夹不存在：{folder}</source>
        <translation>Cannot save the file: the folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>无法保存文件：没有写入权限，或文件正被其他程序（如 PDF 阅读器）打开：{path}</source>
        <translation>Cannot save the file: no permission to write, or it is open in another program (such as a PDF reader): {path}</translation>
    </message>
    <message>
        <source>无法保存文件：磁盘空间不足：{path}</source>
        <translation>Cannot save the file: the disk is full: {path}</translation>
    </message>
    <message>
        <source>无法保存文件：{path}（{reason}）</source>
        <translation>Cannot save the file: {path} ({reason})</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>category</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Party organisation name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>驻区单位</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>会议名称</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>agreement number</translation>
    </message>
    <message>
        <source>协议名称</source>
        <translation>agreement title</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>承诺内容</source>
        <translation>commitment</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>印发机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>第{n}项议题的标题</source>
        <translation>Title of agenda item {n}</translation>
    </message>
    <message>
        <source>第{n}项议题的第{m}条议定事项</source>
        <translation>Decision {m} of agenda item {n}</translation>
    </message>
    <message>
        <source>会议时间</source>
        <translation>Meeting time</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Minute-taker</translation>
    </message>
    <message>
        <source>出席人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>{names}的出席情况</source>
        <translation>Attendance of {names}</translation>
    </message>
    <message>
        <source>{name}的请假理由</source>
        <translation>Reason for leave of {name}</translation>
    </message>
    <message>
        <source>议定事项“{text}”的责任单位</source>
        <translation>Responsible unit for the decision “{text}”</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>工作事项</source>
        <translation>Action item</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>参会人</source>
        <translation>Attendee</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>reporter</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>代录人</source>
        <translation>entered by</translation>
    </message>
    <message>
        <source>民生事项</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work log entry</translation>
    </message>
    <message>
        <source>原单位职务</source>
        <translation>Home post</translation>
    </message>
    <message>
        <source>挂职岗位</source>
        <translation>Host post</translation>
    </message>
    <message>
        <source>挂职任务</source>
        <translation>Posting tasks</translation>
    </message>
    <message>
        <source>报告内容</source>
        <translation>Report content</translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation>Work done</translation>
    </message>
    <message>
        <source>评价意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>评价人</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>extension</translation>
    </message>
    <message>
        <source>提前结束</source>
        <translation>early end</translation>
    </message>
    <message>
        <source>挂职</source>
        <translation>Posting</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>service record</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>service</translation>
    </message>
    <message>
        <source>履约记录</source>
        <translation>Fulfilment record</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>承诺事项</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>清单条目</source>
        <translation>List entry</translation>
    </message>
    <message>
        <source>报到登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>签约方</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>街道或社区</source>
        <translation>Street or community</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>单位或组织</source>
        <translation>Unit or organisation</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>audit entry</translation>
    </message>
</context>
<context>
    <name>issue_actions</name>
    <message>
        <source>受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <source>报到</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>反馈结果</source>
        <translation>reported on</translation>
    </message>
    <message>
        <source>提出异议</source>
        <translation>objected</translation>
    </message>
    <message>
        <source>同意退单</source>
        <translation>objection accepted</translation>
    </message>
    <message>
        <source>驳回异议</source>
        <translation>objection refused</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>followed up</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>reopened</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>并单</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>撤销并单</source>
        <translation>unmerged</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>supervised</translation>
    </message>
    <message>
        <source>取消督办</source>
        <translation>released from supervision</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>reminded</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>extended</translation>
    </message>
    <message>
        <source>并入重复诉求</source>
        <translation>repeat merged in</translation>
    </message>
    <message>
        <source>移出重复诉求</source>
        <translation>repeat taken out</translation>
    </message>
    <message>
        <source>变更主办单位</source>
        <translation>lead changed</translation>
    </message>
    <message>
        <source>提级督办</source>
        <translation>escalated</translation>
    </message>
</context>
<context>
    <name>limits</name>
    <message>
        <source>{n}小时</source>
        <translation>{n} hours</translation>
    </message>
    <message>
        <source>{n}个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <source>{n}天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>紧急（危及生命财产安全）</source>
        <translation>Emergency (danger to life or property)</translation>
    </message>
    <message>
        <source>水电气热</source>
        <translation>Water, power, gas, heating</translation>
    </message>
    <message>
        <source>一般诉求</source>
        <translation>General</translation>
    </message>
    <message>
        <source>复杂诉求</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>天</source>
        <translation> days</translation>
    </message>
</context>
<context>
    <name>operator</name>
    <message>
        <source>本机管理员</source>
        <translation>Local administrator</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>数据库以只读方式打开（只读文件，或已在别处打开），不能修改数据。</source>
        <translation>The database is open read-only (a read-only file, or open elsewhere): nothing can be changed.</translation>
    </message>
</context>
<context>
    <name>passwords</name>
    <message>
        <source>密码至少要 {n} 个字符，或用空格隔开的 {words} 个词（如“春风 杨柳 万千 枝条”）。</source>
        <translation>A password needs at least {n} characters, or {words} words separated by spaces (such as “spring willow river lantern”).</translation>
    </message>
    <message>
        <source>密码不能全是数字（手机号、生日、证件号容易被猜到），请加入字母或词。</source>
        <translation>A password cannot be digits only (phone numbers, birthdays and ID numbers are easy to guess); add letters or words.</translation>
    </message>
    <message>
        <source>这个密码太常见，很容易被猜到。请换一个，例如几个不相关的词。</source>
        <translation>This password is too common and easy to guess. Choose another, for example a few unrelated words.</translation>
    </message>
    <message>
        <source>密码不能包含用户名。</source>
        <translation>A password cannot contain the user name.</translation>
    </message>
    <message>
        <source>两次输入的密码不一样，请重新输入。</source>
        <translation>The two passwords differ; please enter them again.</translation>
    </message>
</context>
<context>
    <name>period</name>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:02d}</translation>
    </message>
    <message>
        <source>{year}年第{quarter}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日至{last_year}年{last_month}月{last_day}日</source>
        <translation>{year}-{month:02d}-{day:02d} to {last_year}-{last_month:02d}-{last_day:02d}</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日至{last_month}月{last_day}日</source>
        <translation>{year}-{month:02d}-{day:02d} to {year}-{last_month:02d}-{last_day:02d}</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <source>明天</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>还有{n}天</source>
        <translation>in {n} days</translation>
    </message>
    <message>
        <source>{n}件民生事项已超过办理时限</source>
        <translation>{n} issues are past their deadline</translation>
    </message>
    <message>
        <source>督办 {number} {title}，时限{due}</source>
        <translation>Supervised: {number} {title}, due {due}</translation>
    </message>
    <message>
        <source>督办 {number} {title}</source>
        <translation>Supervised: {number} {title}</translation>
    </message>
    <message>
        <source>{n}项会议议定事项已过完成期限</source>
        <translation>{n} meeting action items are past their due date</translation>
    </message>
    <message>
        <source>{title}将于{day}到期（{left}）</source>
        <translation>{title} expires on {day} ({left})</translation>
    </message>
    <message>
        <source>{name}挂职将于{day}期满（{left}）</source>
        <translation>{name}&apos;s secondment ends on {day} ({left})</translation>
    </message>
    <message>
        <source>{community}已超过{n}天没有发来数据包</source>
        <translation>{community} has sent no package for more than {n} days</translation>
    </message>
    <message>
        <source>{n}项共建承诺进度落后</source>
        <translation>{n} agreement commitments are behind schedule</translation>
    </message>
    <message>
        <source>{n}条需求长时间无人认领</source>
        <translation>{n} needs have long been unclaimed</translation>
    </message>
    <message>
        <source>{name}的{year}年{period}评价待填写</source>
        <translation>{name}&apos;s {year} {period} evaluation is due</translation>
    </message>
    <message>
        <source>{n}份挂职干部月度报告未交</source>
        <translation>{n} monthly reports from seconded cadres are missing</translation>
    </message>
</context>
<context>
    <name>signing_in</name>
    <message>
        <source>用户名或密码不对。请检查后重新输入（区分大小写）。</source>
        <translation>Wrong user name or password. Check them and try again (case-sensitive).</translation>
    </message>
    <message>
        <source>密码连续输错次数过多，这个账号暂停登录到 {time}。请稍后再试，或请管理员重设密码。</source>
        <translation>Too many wrong passwords in a row: this account cannot sign in until {time}. Try again later, or ask an administrator to reset the password.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>用户名只能用字母、数字、下划线、点和连字符，2 到 40 个字符。</source>
        <translation>A user name may use only letters, digits, underscores, dots and hyphens, 2 to 40 characters.</translation>
    </message>
    <message>
        <source>用户名“{name}”已被使用，请换一个。</source>
        <translation>The user name “{name}” is already taken; please choose another.</translation>
    </message>
    <message>
        <source>第一个有密码的用户必须是管理员，否则以后没有人能管理用户。</source>
        <translation>The first user with a password must be an administrator, or nobody could manage users later.</translation>
    </message>
    <message>
        <source>当前密码不对，请重新输入。</source>
        <translation>The current password is wrong; please enter it again.</translation>
    </message>
    <message>
        <source>不能删除自己正在使用的账号。</source>
        <translation>You cannot delete the account you are using.</translation>
    </message>
    <message>
        <source>只有管理员可以管理用户。</source>
        <translation>Only administrators can manage users.</translation>
    </message>
    <message>
        <source>最后一位管理员不能删除或改角色。请先把另一位用户设为管理员。</source>
        <translation>The last administrator cannot be deleted or given another role. Make another user an administrator first.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>联系电话只能包含数字和“-”，例如 025-83301234 或 13912345678。</source>
        <translation>A contact phone may contain only digits and “-”, e.g. 025-83301234 or 13912345678.</translation>
    </message>
    <message>
        <source>请选择党组织所属的驻区单位或街道社区（二者选一）。</source>
        <translation>Choose the resident unit, or the street or community, that the party organisation belongs to (one of the two).</translation>
    </message>
    <message>
        <source>党员人数不能为负数。</source>
        <translation>The number of party members cannot be negative.</translation>
    </message>
    <message>
        <source>网格员须选择所在网格。</source>
        <translation>Choose the grid of this grid worker.</translation>
    </message>
    <message>
        <source>选择了所在党组织，请勾选“党员”，或清空党组织。</source>
        <translation>A party organisation is selected: tick “Party member”, or clear the party organisation.</translation>
    </message>
    <message>
        <source>上级不能是它自己或它的下级。</source>
        <translation>The parent cannot be the organisation itself or one of its sub-units.</translation>
    </message>
    <message>
        <source>已有同名的驻区单位“{name}”，请改用全称。</source>
        <translation>A resident unit named “{name}” already exists; please use the full name.</translation>
    </message>
    <message>
        <source>身份证号已登记在已删除的人员“{name}”名下，请核对。</source>
        <translation>This ID number is registered to the deleted person “{name}”; please check it.</translation>
    </message>
    <message>
        <source>身份证号已登记在“{name}”名下，请核对。</source>
        <translation>This ID number is already registered to “{name}”; please check it.</translation>
    </message>
    <message>
        <source>网格员的所在组织须是一个网格。</source>
        <translation>A grid worker&apos;s organisation must be a grid.</translation>
    </message>
    <message>
        <source>身份证号应为18位，现在是{n}位。</source>
        <translation>An ID number has 18 characters; this one has {n}.</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，最后一位为数字或X。</source>
        <translation>The first 17 characters of an ID number are digits; the last is a digit or X.</translation>
    </message>
    <message>
        <source>身份证号第7–14位不是有效的出生日期（{d}）。</source>
        <translation>Characters 7–14 of the ID number are not a valid date of birth ({d}).</translation>
    </message>
    <message>
        <source>身份证号校验位不对：最后一位应为{expected}，请核对号码。</source>
        <translation>The ID number&apos;s check digit is wrong: the last character should be {expected}. Please check the number.</translation>
    </message>
    <message>
        <source>手机号应为以1开头的11位数字，例如13912345678。</source>
        <translation>A mobile number has 11 digits and starts with 1, e.g. 13912345678.</translation>
    </message>
    <message>
        <source>请填写{label}。</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <source>{label}最多{max}个字，现在是{n}个。</source>
        <translation>{label} can have at most {max} characters; it has {n}.</translation>
    </message>
    <message>
        <source>请选择会议类型。</source>
        <translation>Please choose the meeting type.</translation>
    </message>
    <message>
        <source>届次应在1到{max}之间。</source>
        <translation>The session number must be between 1 and {max}.</translation>
    </message>
    <message>
        <source>请填写会议开始时间。</source>
        <translation>Please enter when the meeting starts.</translation>
    </message>
    <message>
        <source>会议结束时间应晚于开始时间。</source>
        <translation>The meeting must end after it starts.</translation>
    </message>
    <message>
        <source>请为参会名单的每一行选择人员或单位。</source>
        <translation>Choose a person or unit for every row of the attendance list.</translation>
    </message>
    <message>
        <source>{name}请假，请填写请假理由。</source>
        <translation>{name} is on leave: please give the reason.</translation>
    </message>
    <message>
        <source>{name}的理由最多{max}个字，现在是{n}个。</source>
        <translation>The reason for {name} can have at most {max} characters; it has {n}.</translation>
    </message>
    <message>
        <source>每项工作只选一个责任方：单位、部门或个人，三者选一。</source>
        <translation>Choose only one party responsible for each task: a unit, a department or a person.</translation>
    </message>
    <message>
        <source>“{name}”在参会名单中出现了两次。</source>
        <translation>“{name}” appears twice in the attendance list.</translation>
    </message>
    <message>
        <source>定稿前请补全：{missing}。</source>
        <translation>Before finalising, please complete: {missing}.</translation>
    </message>
    <message>
        <source>会议类型至少要有一种。</source>
        <translation>There must be at least one meeting type.</translation>
    </message>
    <message>
        <source>会议类型“{kind}”太长：最多{max}个字。</source>
        <translation>Meeting type “{kind}” is too long: at most {max} characters.</translation>
    </message>
    <message>
        <source>会议类型“{kind}”重复了，请删去一个。</source>
        <translation>Meeting type “{kind}” is listed twice; remove one.</translation>
    </message>
    <message>
        <source>会议类型“{kind}”不在设置的类型中，请从列表中选择。</source>
        <translation>Meeting type “{kind}” is not one of the configured types; choose one from the list.</translation>
    </message>
    <message>
        <source>所选的记录已不存在（可能已被清除），请重新选择。</source>
        <translation>The selected record no longer exists (it may have been removed); please choose again.</translation>
    </message>
    <message>
        <source>会议定于{time}召开，还没有开始，纪要不能定稿。请在会议开始后再定稿；如会议时间填错了，请先改正会议时间。</source>
        <translation>The meeting is set for {time} and has not started yet, so its minutes cannot be finalised. Finalise them once the meeting has started; if the time is wrong, correct it first.</translation>
    </message>
    <message>
        <source>请说明退回草稿的理由。</source>
        <translation>Please give the reason for returning the minutes to draft.</translation>
    </message>
    <message>
        <source>理由最多{max}个字，现在是{n}个。</source>
        <translation>The reason can have at most {max} characters; it has {n}.</translation>
    </message>
    <message>
        <source>请说明不予受理的理由。</source>
        <translation>Give the reason for rejecting it.</translation>
    </message>
    <message>
        <source>请填写办理结果。</source>
        <translation>Fill in the result.</translation>
    </message>
    <message>
        <source>请说明异议的理由。</source>
        <translation>Give the reason for the objection.</translation>
    </message>
    <message>
        <source>请说明驳回异议的理由。</source>
        <translation>Give the reason for refusing the objection.</translation>
    </message>
    <message>
        <source>请说明重新办理的理由。</source>
        <translation>Give the reason for reopening it.</translation>
    </message>
    <message>
        <source>回访不满意，请说明归档的理由。</source>
        <translation>The follow-up was dissatisfied: give the reason for closing it.</translation>
    </message>
    <message>
        <source>请填写督办意见。</source>
        <translation>Fill in the supervision note.</translation>
    </message>
    <message>
        <source>请说明延期的理由。</source>
        <translation>Give the reason for the extension.</translation>
    </message>
    <message>
        <source>最多{max}个字，现在是{n}个。</source>
        <translation>At most {max} characters; now {n}.</translation>
    </message>
    <message>
        <source>评价年度应在挂职期内（{first}至{last}年）。</source>
        <translation>The evaluation year must fall within the posting ({first} to {last}).</translation>
    </message>
    <message>
        <source>评价日期不能早于挂职开始日期（{start}）。</source>
        <translation>The evaluation date cannot be before the posting start date ({start}).</translation>
    </message>
    <message>
        <source>{side}已有{year}年的{period}评价，请打开那一份修改。</source>
        <translation>{side} already has a {period} evaluation for {year}; open that one to change it.</translation>
    </message>
    <message>
        <source>工作记录的日期应在挂职期内（{start}至{end}）。</source>
        <translation>The work log date must fall within the posting ({start} to {end}).</translation>
    </message>
    <message>
        <source>{period}不在挂职期内（{start}至{end}）。</source>
        <translation>{period} is outside the posting ({start} to {end}).</translation>
    </message>
    <message>
        <source>{period}的这份月度报告已经登记过了。</source>
        <translation>This monthly report for {period} has already been recorded.</translation>
    </message>
    <message>
        <source>所选的记录已不存在（可能已被删除），请重新选择。</source>
        <translation>The selected record no longer exists (it may have been deleted); please choose again.</translation>
    </message>
    <message>
        <source>请说明{what}的理由。</source>
        <translation>Please give the reason for the {what}.</translation>
    </message>
    <message>
        <source>请选择挂职干部。</source>
        <translation>Please choose the seconded cadre.</translation>
    </message>
    <message>
        <source>请选择挂职类型。</source>
        <translation>Please choose the posting type.</translation>
    </message>
    <message>
        <source>请选择派出单位：驻区单位或街道社区的部门，二者选一。</source>
        <translation>Please choose the home unit: a resident unit or a street or community department (one of the two).</translation>
    </message>
    <message>
        <source>请选择挂职单位：驻区单位或街道、社区、网格，二者选一。</source>
        <translation>Please choose the host unit: a resident unit, or a street, community or grid (one of the two).</translation>
    </message>
    <message>
        <source>第一社长须选择所下沉的网格。</source>
        <translation>A first community head must have the grid they are posted to.</translation>
    </message>
    <message>
        <source>请填写挂职开始日期。</source>
        <translation>Please enter the posting start date.</translation>
    </message>
    <message>
        <source>请填写挂职结束日期。</source>
        <translation>Please enter the posting end date.</translation>
    </message>
    <message>
        <source>挂职结束日期不能早于开始日期。</source>
        <translation>The posting end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>结对培养须选择导师。</source>
        <translation>Paired mentoring needs a mentor.</translation>
    </message>
    <message>
        <source>导师不能是挂职干部本人。</source>
        <translation>The mentor cannot be the seconded cadre.</translation>
    </message>
    <message>
        <source>请填写日期。</source>
        <translation>Please enter the date.</translation>
    </message>
    <message>
        <source>请填写报告所属月份，例如 2026-03。</source>
        <translation>Please enter the month the report covers, e.g. 2026-03.</translation>
    </message>
    <message>
        <source>报告日期不能早于所报告的月份（{period}）。</source>
        <translation>The report date cannot be before the month it covers ({period}).</translation>
    </message>
    <message>
        <source>工时应为数字。</source>
        <translation>Hours must be a number.</translation>
    </message>
    <message>
        <source>工时应在0到{max}小时之间。</source>
        <translation>Hours must be between 0 and {max}.</translation>
    </message>
    <message>
        <source>请选择评价方：派出单位或挂职单位。</source>
        <translation>Please choose the evaluating side: home unit or host unit.</translation>
    </message>
    <message>
        <source>请选择评价类别：中期、年度或期满。</source>
        <translation>Please choose the evaluation type: mid-term, annual or end of term.</translation>
    </message>
    <message>
        <source>评价年度应在{low}到{high}之间。</source>
        <translation>The evaluation year must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>请选择评价等次：优秀、称职、基本称职或不称职。</source>
        <translation>Please choose the grade: excellent, competent, basically competent or incompetent.</translation>
    </message>
    <message>
        <source>分数应为数字。</source>
        <translation>The score must be a number.</translation>
    </message>
    <message>
        <source>分数应在0到100之间。</source>
        <translation>The score must be between 0 and 100.</translation>
    </message>
    <message>
        <source>请填写评价日期。</source>
        <translation>Please enter the evaluation date.</translation>
    </message>
    <message>
        <source>第一社长的挂职单位须是一个网格，“{name}”不是网格。</source>
        <translation>A first community head must be posted to a grid; “{name}” is not a grid.</translation>
    </message>
    <message>
        <source>挂职已开始，结束日期请用“延期”或“提前结束”修改，并说明理由。</source>
        <translation>The posting has started: change the end date with “Extend” or “End early” and give the reason.</translation>
    </message>
    <message>
        <source>挂职已结束，不能再修改开始日期。</source>
        <translation>The posting has ended; its start date can no longer be changed.</translation>
    </message>
    <message>
        <source>延期后的结束日期应晚于原结束日期（{end}）。</source>
        <translation>The extended end date must be after the current end date ({end}).</translation>
    </message>
    <message>
        <source>结束日期不能早于挂职开始日期（{start}）。</source>
        <translation>The end date cannot be before the posting start date ({start}).</translation>
    </message>
    <message>
        <source>提前结束的日期应早于原结束日期（{end}）。</source>
        <translation>The early end date must be before the current end date ({end}).</translation>
    </message>
    <message>
        <source>提前结束的日期不能晚于今天。</source>
        <translation>The early end date cannot be after today.</translation>
    </message>
    <message>
        <source>请选择清单类别。</source>
        <translation>Choose which list.</translation>
    </message>
    <message>
        <source>请选择提出方（社区或驻区单位之一）。</source>
        <translation>Choose who raised it (a community or a resident unit).</translation>
    </message>
    <message>
        <source>需求由社区提出。</source>
        <translation>Needs are raised by communities.</translation>
    </message>
    <message>
        <source>资源由驻区单位提供。</source>
        <translation>Resources are offered by resident units.</translation>
    </message>
    <message>
        <source>请填写提出日期。</source>
        <translation>Fill in the date raised.</translation>
    </message>
    <message>
        <source>日期不能早于上一步的日期（{last}）。</source>
        <translation>The date cannot be before the previous step ({last}).</translation>
    </message>
    <message>
        <source>请选择认领方。</source>
        <translation>Choose who claims it.</translation>
    </message>
    <message>
        <source>认领方应为另一方：单位认领社区需求，社区认领单位资源。</source>
        <translation>The claimer must be the other side: units claim community needs, communities claim unit resources.</translation>
    </message>
    <message>
        <source>请填写原因。</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <source>请选择党员。</source>
        <translation>Choose the party member.</translation>
    </message>
    <message>
        <source>请选择报到社区。</source>
        <translation>Choose the community registered with.</translation>
    </message>
    <message>
        <source>请填写报到日期。</source>
        <translation>Fill in the registration date.</translation>
    </message>
    <message>
        <source>请填写服务日期。</source>
        <translation>Fill in the service date.</translation>
    </message>
    <message>
        <source>服务时长应在0到24小时之间。</source>
        <translation>Service hours must be between 0 and 24.</translation>
    </message>
    <message>
        <source>这名党员已在该社区报到。</source>
        <translation>This member is already registered with that community.</translation>
    </message>
    <message>
        <source>服务日期不能早于报到日期。</source>
        <translation>The service date cannot be before the registration date.</translation>
    </message>
    <message>
        <source>到期提醒天数应在1到365之间。</source>
        <translation>Expiry reminder days must be between 1 and 365.</translation>
    </message>
    <message>
        <source>进度落后的容差应在0到100个百分点之间。</source>
        <translation>The behind-schedule tolerance must be between 0 and 100 percentage points.</translation>
    </message>
    <message>
        <source>请选择协议类型。</source>
        <translation>Choose the agreement type.</translation>
    </message>
    <message>
        <source>有效期至不能早于有效期起始日期。</source>
        <translation>The end of validity cannot be before its start.</translation>
    </message>
    <message>
        <source>每个签约方只能选一个单位。</source>
        <translation>Each party must be exactly one organisation.</translation>
    </message>
    <message>
        <source>街道一方应为街道或社区。</source>
        <translation>The street side must be a street or a community.</translation>
    </message>
    <message>
        <source>共建一方应为驻区单位或党支部。</source>
        <translation>The partner side must be a resident unit or a party branch.</translation>
    </message>
    <message>
        <source>同一签约方不能重复添加。</source>
        <translation>The same party cannot be added twice.</translation>
    </message>
    <message>
        <source>请至少添加一个街道或社区签约方。</source>
        <translation>Add at least one street or community party.</translation>
    </message>
    <message>
        <source>请至少添加一个驻区单位或党支部签约方。</source>
        <translation>Add at least one resident unit or party branch as a party.</translation>
    </message>
    <message>
        <source>请选择承诺事项。</source>
        <translation>Choose the commitment.</translation>
    </message>
    <message>
        <source>年度目标次数应在1到999之间。</source>
        <translation>The yearly target must be between 1 and 999.</translation>
    </message>
    <message>
        <source>请填写活动日期。</source>
        <translation>Fill in the activity date.</translation>
    </message>
    <message>
        <source>请选择活动类别。</source>
        <translation>Choose the activity.</translation>
    </message>
    <message>
        <source>参加人数不能为负数。</source>
        <translation>Participants cannot be negative.</translation>
    </message>
    <message>
        <source>时长应在0到9999小时之间。</source>
        <translation>Hours must be between 0 and 9999.</translation>
    </message>
    <message>
        <source>协议编号{number}已被使用。</source>
        <translation>Agreement number {number} is already in use.</translation>
    </message>
    <message>
        <source>协议已终止，不能再修改。</source>
        <translation>The agreement has been terminated and can no longer be changed.</translation>
    </message>
    <message>
        <source>协议已续签，不能再修改；请修改续签后的新协议。</source>
        <translation>The agreement has been renewed and can no longer be changed; change the renewed agreement instead.</translation>
    </message>
    <message>
        <source>生效的协议必须有有效期。</source>
        <translation>An agreement in force must have its validity dates.</translation>
    </message>
    <message>
        <source>原因最多200个字。</source>
        <translation>A reason has at most 200 characters.</translation>
    </message>
    <message>
        <source>请先填写有效期再使协议生效。</source>
        <translation>Fill in the validity dates before putting the agreement into force.</translation>
    </message>
    <message>
        <source>有效期已过，不能生效。</source>
        <translation>The validity has passed; it cannot be put into force.</translation>
    </message>
    <message>
        <source>请先填写签订日期。</source>
        <translation>Fill in the signing date first.</translation>
    </message>
    <message>
        <source>责任方应为本协议的签约方之一。</source>
        <translation>The responsible party must be one of this agreement&apos;s parties.</translation>
    </message>
    <message>
        <source>所选承诺事项不属于本协议。</source>
        <translation>The chosen commitment does not belong to this agreement.</translation>
    </message>
    <message>
        <source>结束日期早于开始日期，请选择开始日期当天或以后。</source>
        <translation>The end date is before the start date. Choose the start date or a later day.</translation>
    </message>
    <message>
        <source>空闲锁定时间应在0到{max}分钟之间（0 为不锁定）。</source>
        <translation>The idle time before locking must be between 0 and {max} minutes (0: never lock).</translation>
    </message>
    <message>
        <source>办理时限须在1到{max}{unit}之间。</source>
        <translation>The time limit must be from 1 to {max}{unit}.</translation>
    </message>
    <message>
        <source>“{text}”不是办理时限：请写成“3个工作日”“24小时”或“7天”。</source>
        <translation>&quot;{text}&quot; is not a time limit: write &quot;3个工作日&quot;, &quot;24小时&quot; or &quot;7天&quot;.</translation>
    </message>
    <message>
        <source>“{text}”不是有效的日期。</source>
        <translation>&quot;{text}&quot; is not a valid date.</translation>
    </message>
    <message>
        <source>须在{low}到{high}之间。</source>
        <translation>Must be from {low} to {high}.</translation>
    </message>
    <message>
        <source>三项权重之和须为100，现在是{total}。</source>
        <translation>The three weights must add up to 100; they add up to {total}.</translation>
    </message>
    <message>
        <source>请写明延长多久或新的期限。</source>
        <translation>Say how much longer, or the new last day.</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
</TS>
