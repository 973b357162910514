<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditController</name>
    <message>
        <source>The audit log is empty: nothing to check yet.</source>
        <translation>审计日志为空：暂无可校验的内容。</translation>
    </message>
    <message>
        <source>Intact: 1 record checked, the chain is unbroken.</source>
        <translation>完好：已校验 1 条记录，哈希链完整。</translation>
    </message>
    <message>
        <source>Intact: %1 records checked, the chain is unbroken.</source>
        <translation>完好：已校验 %1 条记录，哈希链完整。</translation>
    </message>
    <message>
        <source>Broken at record %1: %2</source>
        <translation>在第 %1 条记录处断裂：%2</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>无法执行校验：%1</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>No database file</source>
        <translation>无数据库文件</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the newest records again (F5). The list also follows every command.</source>
        <translation>重新读取最新记录（F5）。每条命令执行后列表也会随之更新。</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Walk every record from the first and check that each one&apos;s hash covers its content and the record before it.</source>
        <translation>从第一条记录开始逐条检查，确认每条记录的哈希覆盖其内容及前一条记录。</translation>
    </message>
    <message>
        <source>(checked %1)</source>
        <translation>（校验于 %1）</translation>
    </message>
    <message>
        <source>Head: record %1</source>
        <translation>链头：第 %1 条记录</translation>
    </message>
    <message>
        <source>Last intact record: %1</source>
        <translation>最后一条完好记录：%1</translation>
    </message>
    <message>
        <source>Head hash</source>
        <translation>链头哈希</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Records after the break cannot be trusted. The broken record is marked in the list below; compare with a copy of the database or a head hash kept elsewhere.</source>
        <translation>断裂之后的记录不可信。断裂的记录已在下方列表中标出；请与数据库副本或保存在别处的链头哈希进行比对。</translation>
    </message>
    <message>
        <source>Keep this hash outside the database — in a ticket or a log shipped elsewhere — and compare it later: deleting the newest records, or rewriting every hash after an edit, is caught only that way.</source>
        <translation>请将此哈希保存在数据库之外（例如工单或发送到别处的日志中），以后再进行比对：只有这样才能发现最新记录被删除，或修改后所有哈希被重写的情况。</translation>
    </message>
    <message>
        <source>Each record&apos;s SHA-256 hash covers its content and the hash of the record before it, so an edited or deleted record breaks the chain at that point. “Verify chain” walks the whole log and names the first broken record.</source>
        <translation>每条记录的 SHA-256 哈希覆盖其内容及前一条记录的哈希，因此被修改或删除的记录会在该处使哈希链断裂。“校验哈希链”会遍历整个日志，并指出第一条断裂的记录。</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Evidence (Enter or click to expand)</source>
        <translation>证据（按 Enter 或单击展开）</translation>
    </message>
    <message>
        <source>Auditing needs a database file</source>
        <translation>审计需要数据库文件</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
    <message>
        <source>No operator action recorded yet</source>
        <translation>尚未记录任何操作员操作</translation>
    </message>
    <message>
        <source>This session keeps its events in memory, where nobody else could check what was done — so commands are refused. Start the workbench with --db FILE to record approvals and rollout commands in a hash-chained log.</source>
        <translation>本会话的事件仅保存在内存中，他人无法核查执行过的操作，因此命令会被拒绝。请使用 --db FILE 启动工作台，以便将批准和发布命令记录到哈希链日志中。</translation>
    </message>
    <message>
        <source>Approvals, rejections and rollout commands (confirm, abort, roll back) are written here by the engine as they are carried out: who gave them, when, on what, and what they saw. Approve a recommendation on the Pareto or Rollouts screen to make the first entry.</source>
        <translation>批准、拒绝以及发布命令（确认、中止、回滚）在执行时由引擎写入此处：由谁下达、何时、针对什么，以及当时看到了什么。在“帕累托”或“发布”页面批准一条建议即可生成第一条记录。</translation>
    </message>
    <message>
        <source>The chain breaks here: %1</source>
        <translation>哈希链在此断裂：%1</translation>
    </message>
    <message>
        <source>hash %1
previous %2</source>
        <translation>哈希 %1
前一条 %2</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s) in %1 · read %2</source>
        <translation>
            <numerusform>%1 中最新的 %n 条记录 · 读取于 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <source>Type the file the chart should be written to.</source>
        <translation>请输入图表要写入的文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The picture of the chart is empty: show the chart and try again.</source>
        <translation>图表图像为空：请先显示图表再重试。</translation>
    </message>
</context>
<context>
    <name>ChartFrame</name>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Wheel or drag to zoom · right-drag to pan · double-click to reset</source>
        <translation>滚轮或拖动缩放 · 右键拖动平移 · 双击重置</translation>
    </message>
    <message>
        <source>Show the whole range again (or double-click the chart)</source>
        <translation>重新显示整个时间范围（或双击图表）</translation>
    </message>
    <message>
        <source>Save the chart as it is drawn now as a PNG picture</source>
        <translation>将当前绘制的图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Save the range shown as an SVG drawing, written from the data (sharp at any size)</source>
        <translation>将所显示的时间范围保存为 SVG 矢量图，直接由数据生成（任意尺寸均清晰）</translation>
    </message>
    <message>
        <source>Zoom and export</source>
        <translation>缩放与导出</translation>
    </message>
    <message>
        <source>Reset the zoom, or save the chart as PNG or SVG</source>
        <translation>重置缩放，或将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>Save the chart as SVG</source>
        <translation>将图表保存为 SVG</translation>
    </message>
    <message>
        <source>The chart cannot be grabbed while it is hidden.</source>
        <translation>图表隐藏时无法截取。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File to save the chart to</source>
        <translation>图表要保存到的文件</translation>
    </message>
</context>
<context>
    <name>ChartReadout</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ConnectionsScreen</name>
    <message>
        <source>The demo feed is playing because no source is configured. Add an OTLP/HTTP receiver for your services&apos; OpenTelemetry exporters, or a Kafka topic that carries their spans: the demo stops as soon as one is listed.</source>
        <translation>由于未配置任何数据源，当前正在播放演示数据流。请为服务的 OpenTelemetry 导出器添加一个 OTLP/HTTP 接收器，或添加一个承载其 span 的 Kafka 主题：一旦列出数据源，演示即停止。</translation>
    </message>
    <message>
        <source>No sources yet — add one with the form on the right.</source>
        <translation>尚无数据源，请使用右侧表单添加。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>%1 received · %2 stored · %3 dead-lettered · %4 pushed back</source>
        <translation>已接收 %1 · 已存储 %2 · 死信 %3 · 反压 %4</translation>
    </message>
    <message>
        <source> · lag %1</source>
        <translation> · 积压 %1</translation>
    </message>
    <message>
        <source>Received: calls decoded from this source. Stored: new calls written to the database (duplicates are received, not stored again). Dead-lettered: spans or records that could not be used, kept with the reason. Pushed back: requests answered 503 or Kafka pauses because the engine was behind — nothing is dropped. Lag: Kafka records not read yet.</source>
        <translation>已接收：从此数据源解码的调用。已存储：写入数据库的新调用（重复调用会被接收，但不会再次存储）。死信：无法使用的 span 或记录，连同原因一并保留。反压：因引擎处理滞后而以 503 应答的请求或 Kafka 暂停——不会丢弃任何数据。积压：尚未读取的 Kafka 记录。</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>添加数据源</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>编辑数据源</translation>
    </message>
    <message>
        <source>OTLP/HTTP receiver</source>
        <translation>OTLP/HTTP 接收器</translation>
    </message>
    <message>
        <source>Kafka topic</source>
        <translation>Kafka 主题</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>optional: PEM file for HTTPS</source>
        <translation>可选：用于 HTTPS 的 PEM 文件</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>optional: its PEM key file</source>
        <translation>可选：对应的 PEM 私钥文件</translation>
    </message>
    <message>
        <source>Point exporters at %3://%1:%2 (OTEL_EXPORTER_OTLP_ENDPOINT); protobuf and JSON, gzip accepted. 127.0.0.1 accepts this computer only, 0.0.0.0 every network interface — set a token and a certificate then.</source>
        <translation>将导出器指向 %3://%1:%2（OTEL_EXPORTER_OTLP_ENDPOINT）；支持 protobuf 和 JSON，接受 gzip。127.0.0.1 仅接受本机连接，0.0.0.0 接受所有网络接口——此时请设置令牌和证书。</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费组</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>optional, e.g. otlp_logs</source>
        <translation>可选，例如 otlp_logs</translation>
    </message>
    <message>
        <source>Topics are comma-separated. otlp_proto: each record an ExportTraceServiceRequest (the OpenTelemetry Collector&apos;s Kafka exporter); otlp_json: the same as JSON; flat_json: one event per record or line. Evaluation topics carry OTLP log records (gen_ai.evaluation.result) scoring earlier calls. Offsets are committed only after the events are stored.</source>
        <translation>主题以逗号分隔。otlp_proto：每条记录为一个 ExportTraceServiceRequest（OpenTelemetry Collector 的 Kafka 导出器）；otlp_json：同上，但为 JSON 格式；flat_json：每条记录或每行一个事件。评估主题承载为先前调用打分的 OTLP 日志记录（gen_ai.evaluation.result）。只有在事件存储之后才会提交偏移量。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CostBudgetModel</name>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>In range</source>
        <translation>时间范围内</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Day forecast</source>
        <translation>当日预测</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>每日预算</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>当月预测</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>每月预算</translation>
    </message>
    <message>
        <source>The service.name of the calls; budgets are configured per service</source>
        <translation>调用的 service.name；预算按服务配置</translation>
    </message>
    <message>
        <source>Spend of the stored one-minute windows in the range the chart shows</source>
        <translation>图表所示时间范围内已存储的一分钟窗口的支出</translation>
    </message>
    <message>
        <source>Spend of the windows since midnight UTC (budgets count UTC days)</source>
        <translation>自 UTC 午夜以来各窗口的支出（预算按 UTC 日计算）</translation>
    </message>
    <message>
        <source>Spent so far plus the last hour&apos;s spend for every hour left in the period — the cost analyzer&apos;s budget-burn forecast</source>
        <translation>迄今支出加上最近一小时的支出乘以周期内剩余小时数——成本分析器的预算消耗预测</translation>
    </message>
    <message>
        <source>From budgets: in the configuration file (--config); — when none is set</source>
        <translation>来自配置文件（--config）中的 budgets:；未设置时显示 —</translation>
    </message>
    <message>
        <source>Spend of the windows since the first of the month, UTC</source>
        <translation>自本月 1 日（UTC）以来各窗口的支出</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 spent + %2 in the last hour × hours left</source>
        <translation>已支出 %1 + 最近一小时 %2 × 剩余小时数</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2%）</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>USD per %1</source>
        <translation>每 %1 美元</translation>
    </message>
</context>
<context>
    <name>CostController</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 budget: %2/day = %3 per %4</source>
        <translation>%1 预算：%2/天 = 每 %4 %3</translation>
    </message>
    <message>
        <source>%1 budget: %2/month = %3 per %4</source>
        <translation>%1 预算：%2/月 = 每 %4 %3</translation>
    </message>
    <message>
        <source>No budgets configured: add budgets: {service: {daily_usd: …, monthly_usd: …}} to the configuration file (--config) for budget lines and forecasts against them.</source>
        <translation>未配置预算：请在配置文件（--config）中添加 budgets: {service: {daily_usd: …, monthly_usd: …}}，即可显示预算线及相应预测。</translation>
    </message>
    <message>
        <source>Budgets of %1: %2 per %3</source>
        <translation>%1 的预算：每 %3 %2</translation>
    </message>
    <message>
        <source>The stack includes services without a budget (%1).</source>
        <translation>堆叠中包含未设预算的服务（%1）。</translation>
    </message>
    <message>
        <source>Budgets are per service: show By service or Stacked to compare spend with them.</source>
        <translation>预算按服务设置：请选择“按服务”或“堆叠”以与支出进行比较。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
</context>
<context>
    <name>CostDriverModel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用数</translation>
    </message>
    <message>
        <source>Per 1k calls</source>
        <translation>每千次调用</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>No price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <source>The variant&apos;s model (request model)</source>
        <translation>该变体的模型（请求模型）</translation>
    </message>
    <message>
        <source>Sum of per-call cost (price table × tokens) in the range</source>
        <translation>时间范围内每次调用成本之和（价格表 × token 数）</translation>
    </message>
    <message>
        <source>This row&apos;s spend over the spend of all rows in the range</source>
        <translation>本行支出占时间范围内所有行支出的比例</translation>
    </message>
    <message>
        <source>Calls in the stored one-minute windows of the range</source>
        <translation>时间范围内已存储的一分钟窗口中的调用数</translation>
    </message>
    <message>
        <source>Spend / priced calls × 1,000 — calls without a price are left out</source>
        <translation>支出 / 有价格的调用数 × 1,000——不计无价格的调用</translation>
    </message>
    <message>
        <source>Tokens the provider reported, summed over the range</source>
        <translation>提供商报告的 token 数，按时间范围求和</translation>
    </message>
    <message>
        <source>Calls whose model is not in the price table: their cost is unknown and counts as $0 here</source>
        <translation>模型不在价格表中的调用：其成本未知，此处按 $0 计</translation>
    </message>
    <message>
        <source>Add %1 to a prices file (--prices) to count these calls</source>
        <translation>将 %1 添加到价格文件（--prices）中即可计入这些调用</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>CostsScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>$%1</translation>
    </message>
    <message>
        <source>Spend cannot be read from the event store: %1</source>
        <translation>无法从事件存储中读取支出：%1</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>in the range shown</source>
        <translation>所示时间范围内</translation>
    </message>
    <message>
        <source>Sum of per-call cost (price table × tokens, cached tokens at their own price) over the stored one-minute windows in the range.</source>
        <translation>时间范围内已存储的一分钟窗口中每次调用成本之和（价格表 × token 数，缓存 token 按其自身价格计）。</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用数</translation>
    </message>
    <message>
        <source>Calls counted in the stored one-minute windows of every service and variant in the range.</source>
        <translation>时间范围内所有服务和变体已存储的一分钟窗口中统计的调用数。</translation>
    </message>
    <message>
        <source>Cost per 1k calls</source>
        <translation>每千次调用成本</translation>
    </message>
    <message>
        <source>priced calls only</source>
        <translation>仅计有价格的调用</translation>
    </message>
    <message>
        <source>Spend / calls with a price × 1,000: calls without a price are left out so that they do not lower the figure.</source>
        <translation>支出 / 有价格的调用数 × 1,000：不计无价格的调用，以免拉低该数值。</translation>
    </message>
    <message>
        <source>Calls without a price</source>
        <translation>无价格的调用</translation>
    </message>
    <message>
        <source>models: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>every model has a price</source>
        <translation>所有模型均有价格</translation>
    </message>
    <message>
        <source>Calls whose model is not in the price table. Their cost is unknown, so every figure here counts them as $0 — add the models to a prices file (--prices) to count them.</source>
        <translation>模型不在价格表中的调用。其成本未知，因此此处所有数值均按 $0 计——请将这些模型添加到价格文件（--prices）中以计入它们。</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>按：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>One series per model (the variant&apos;s model)</source>
        <translation>每个模型一条序列（变体的模型）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>One series per service (service.name); budgets are per service</source>
        <translation>每个服务一条序列（service.name）；预算按服务设置</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>折线</translation>
    </message>
    <message>
        <source>One line per series: compare them, and each service with its own budget</source>
        <translation>每条序列一条折线：可相互比较，也可将每个服务与其自身预算比较</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <source>Series stacked: the top edge is the total spend, compared with the sum of the budgets</source>
        <translation>序列堆叠：顶边为总支出，与预算之和进行比较</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>The cost report of this range: spend, calls and tokens by service, model and both, spend over time, budgets per day and month (Ctrl+E)</source>
        <translation>此时间范围的成本报告：按服务、模型及二者组合统计的支出、调用数和 token 数，支出随时间的变化，以及每日和每月预算（Ctrl+E）</translation>
    </message>
    <message>
        <source>Spend by service</source>
        <translation>按服务的支出</translation>
    </message>
    <message>
        <source>Spend by model</source>
        <translation>按模型的支出</translation>
    </message>
    <message>
        <source>Cost of the calls in each %1 bucket (sum of the stored one-minute windows&apos; cost), by the variant&apos;s model or by service. Dashed: budgets spread evenly over the buckets of their day or month (with both, the tighter one). Whole buckets only: the newest minute or so appears once its windows close.</source>
        <translation>每个 %1 区间内调用的成本（已存储一分钟窗口成本之和），按变体的模型或按服务划分。虚线：预算平均分摊到其所在日或月的各区间（两者都有时取较严者）。仅显示完整区间：最新一分钟左右的数据会在其窗口关闭后出现。</translation>
    </message>
    <message>
        <source>Budgets: spend so far and forecast</source>
        <translation>预算：迄今支出与预测</translation>
    </message>
    <message>
        <source>Per service: the UTC day&apos;s and month&apos;s spend so far and where the last hour&apos;s rate takes it by the end of the period, next to the configured budgets.</source>
        <translation>按服务：UTC 当日及当月迄今的支出，以及按最近一小时的速率到周期结束时将达到的数额，并与已配置的预算并列显示。</translation>
    </message>
    <message>
        <source>Top cost drivers</source>
        <translation>主要成本来源</translation>
    </message>
    <message>
        <source>Model × service in the range shown, the largest spend first.</source>
        <translation>所示时间范围内的模型 × 服务，按支出从高到低排列。</translation>
    </message>
    <message>
        <source>No spend stored yet: windows are stored as each minute closes.</source>
        <translation>尚未存储任何支出：每分钟结束时会存储相应窗口。</translation>
    </message>
    <message>
        <source>No calls in the range shown.</source>
        <translation>所示时间范围内没有调用。</translation>
    </message>
</context>
<context>
    <name>DatasetPreviewModel</name>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>This item has no &quot;%1&quot;</source>
        <translation>此条目没有“%1”</translation>
    </message>
</context>
<context>
    <name>DriftHistory</name>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
</context>
<context>
    <name>ExperimentArmModel</name>
    <message>
        <source>provider defaults</source>
        <translation>提供商默认值</translation>
    </message>
</context>
<context>
    <name>ExperimentDesigner</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation>文本“%1”</translation>
    </message>
    <message>
        <source>pattern %1</source>
        <translation>模式 %1</translation>
    </message>
    <message>
        <source>judge %1 (%2)</source>
        <translation>评审模型 %1（%2）</translation>
    </message>
    <message>
        <source>ignores case</source>
        <translation>忽略大小写</translation>
    </message>
    <message>
        <source>needs a reference</source>
        <translation>需要参考答案</translation>
    </message>
    <message>
        <source>baseline rate %1%2</source>
        <translation>基线比率 %1%2</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>standard deviation %1%2</source>
        <translation>标准差 %1%2</translation>
    </message>
    <message>
        <source>standard deviation not set</source>
        <translation>未设置标准差</translation>
    </message>
    <message>
        <source>Type where the new definition should go, e.g. %1</source>
        <translation>请输入新定义的保存位置，例如 %1</translation>
    </message>
    <message>
        <source>%1 exists already: choose another file name, or Open it.</source>
        <translation>%1 已存在：请另选文件名，或直接打开它。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No plan: the definition could not be read.</source>
        <translation>无计划：无法读取定义。</translation>
    </message>
    <message>
        <source>No plan: the dataset could not be read.</source>
        <translation>无计划：无法读取数据集。</translation>
    </message>
    <message>
        <source>No plan until the problems listed above are fixed.</source>
        <translation>在上方列出的问题修复之前无法生成计划。</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>无计划：%1</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the definition, then Reload.</source>
        <translation>请将“%1”添加到定义中，然后重新加载。</translation>
    </message>
    <message>
        <source>Remove or correct &quot;%1&quot; (a typo?), then Reload.</source>
        <translation>请删除或更正“%1”（是否拼写错误？），然后重新加载。</translation>
    </message>
    <message>
        <source>Correct the JSON near the byte given (a trailing comma or a missing quote is usual), then Reload.</source>
        <translation>请更正指定字节附近的 JSON（通常是多余的逗号或缺少引号），然后重新加载。</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot; in the definition file, then Reload.</source>
        <translation>请在定义文件中编辑“%1”，然后重新加载。</translation>
    </message>
    <message>
        <source>Correct the definition file, then Reload.</source>
        <translation>请更正定义文件，然后重新加载。</translation>
    </message>
    <message>
        <source>unknown price</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unknown — a model has no price (see problems)</source>
        <translation>未知——某个模型没有价格（见问题列表）</translation>
    </message>
    <message>
        <source>about %1 (%2 calls, %3 at once, %4 s per call assumed)</source>
        <translation>约 %1（%2 次调用，%3 个并发，假设每次调用 %4 秒）</translation>
    </message>
    <message>
        <source>The dataset has %1 items; %2 per arm are needed to find an effect of %3 with %4 power. With all %1 the power is %5; at %4 power they can detect an effect of %6. Add items, raise minimum_effect to %6, or accept the lower power.</source>
        <translation>数据集有 %1 个条目；要以 %4 的统计功效检出 %3 的效应，每组需要 %2 个。使用全部 %1 个条目时统计功效为 %5；在 %4 的统计功效下可检出 %6 的效应。请增加条目、将 minimum_effect 提高到 %6，或接受较低的统计功效。</translation>
    </message>
    <message>
        <source>The dataset has %1 items; %2 per arm are needed. With all %1 the power is %3. Add items or accept the lower power.</source>
        <translation>数据集有 %1 个条目；每组需要 %2 个。使用全部 %1 个条目时统计功效为 %3。请增加条目，或接受较低的统计功效。</translation>
    </message>
    <message>
        <source>No spend cap: the run may spend whatever the calls cost.</source>
        <translation>无支出上限：运行将按调用实际成本支出，不设限制。</translation>
    </message>
    <message>
        <source>Spend cap %1: it cannot be checked before the run, as a price is unknown.</source>
        <translation>支出上限 %1：由于某个价格未知，无法在运行前核对。</translation>
    </message>
    <message>
        <source>The estimate %1 is above the spend cap %2: the run would stop at the cap.</source>
        <translation>估算 %1 超过支出上限 %2：运行将在达到上限时停止。</translation>
    </message>
    <message>
        <source>The estimate %1 is %2 of the spend cap %3.</source>
        <translation>估算 %1 为支出上限 %3 的 %2。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Check the path, or write a starter with New from example.</source>
        <translation>请检查路径，或使用“从示例新建”创建一个起始文件。</translation>
    </message>
    <message>
        <source>Correct the dataset at the line given, then Reload.</source>
        <translation>请更正数据集中指定行，然后重新加载。</translation>
    </message>
    <message>
        <source>Put the dataset there, or point dataset.path at it (relative to the definition&apos;s folder), then Reload.</source>
        <translation>请将数据集放到该位置，或将 dataset.path 指向它（相对于定义所在文件夹），然后重新加载。</translation>
    </message>
</context>
<context>
    <name>ExperimentResultsController</name>
    <message>
        <source>%1 v%2 (id %3)</source>
        <translation>%1 v%2（ID %3）</translation>
    </message>
    <message>
        <source>No experiment with id %1 in %2.</source>
        <translation>%2 中没有 ID 为 %1 的实验。</translation>
    </message>
    <message>
        <source>Could not read the results from %1: %2</source>
        <translation>无法从 %1 读取结果：%2</translation>
    </message>
    <message>
        <source>Achieved power %1 % for an effect of %2 on %3.</source>
        <translation>针对 %3 上 %2 的效应，达到的统计功效为 %1%。</translation>
    </message>
    <message>
        <source>With these items the smallest detectable effect is %1.</source>
        <translation>使用这些条目，可检出的最小效应为 %1。</translation>
    </message>
    <message>
        <source>Choose PDF, HTML, JSON or CSV.</source>
        <translation>请选择 PDF、HTML、JSON 或 CSV。</translation>
    </message>
    <message>
        <source>Type the file the report should be written to.</source>
        <translation>请输入报告要写入的文件。</translation>
    </message>
    <message>
        <source>An export is still being written.</source>
        <translation>仍有导出正在写入。</translation>
    </message>
    <message>
        <source>Choose an experiment with results first.</source>
        <translation>请先选择一个有结果的实验。</translation>
    </message>
    <message>
        <source>Experiment %1 is no longer in %2.</source>
        <translation>实验 %1 已不在 %2 中。</translation>
    </message>
    <message>
        <source>Wrote the %1 report to %2.</source>
        <translation>已将 %1 报告写入 %2。</translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation>无法写入报告：%1</translation>
    </message>
</context>
<context>
    <name>ExperimentResultsPanel</name>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No stored experiment</source>
        <translation>无已存储的实验</translation>
    </message>
    <message>
        <source>Stored experiment to show</source>
        <translation>要显示的已存储实验</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Run the experiment, or choose a stored one above, to see its results.</source>
        <translation>运行该实验，或在上方选择一个已存储的实验以查看其结果。</translation>
    </message>
    <message>
        <source>No outcomes stored for this experiment yet.</source>
        <translation>此实验尚未存储任何结果。</translation>
    </message>
    <message>
        <source>Winner: %1</source>
        <translation>胜出者：%1</translation>
    </message>
    <message>
        <source>The control is better</source>
        <translation>对照组更好</translation>
    </message>
    <message>
        <source>Not enough data yet</source>
        <translation>数据尚不足</translation>
    </message>
    <message>
        <source>No significant difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <source>%1 per arm</source>
        <translation>每组 %1</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>实验组</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>区间</translation>
    </message>
    <message>
        <source> (control)</source>
        <translation>（对照组）</translation>
    </message>
    <message>
        <source>%1
mean %2
interval %3 – %4</source>
        <translation>%1
均值 %2
区间 %3 – %4</translation>
    </message>
    <message>
        <source>%1, mean and interval</source>
        <translation>%1，均值与区间</translation>
    </message>
    <message>
        <source>The primary metric&apos;s mean per arm over the experiment&apos;s items (dot) with its confidence interval (bar): Wilson score interval for a proportion, Student t otherwise.</source>
        <translation>各实验组在实验条目上主要指标的均值（点）及其置信区间（线段）：比例使用 Wilson 得分区间，其他情况使用 Student t 区间。</translation>
    </message>
    <message>
        <source>Comparisons with the control (difference = arm − control)</source>
        <translation>与对照组的比较（差值 = 实验组 − 对照组）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Difference [interval]</source>
        <translation>差值 [区间]</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm）</translation>
    </message>
    <message>
        <source>p always-valid</source>
        <translation>p（始终有效）</translation>
    </message>
    <message>
        <source>Effect size</source>
        <translation>效应量</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>fixed-horizon p %1, Holm-adjusted %2</source>
        <translation>固定样本量 p 值 %1，Holm 校正后 %2</translation>
    </message>
    <message>
        <source>The arms agree on every item.</source>
        <translation>各实验组在所有条目上结果一致。</translation>
    </message>
    <message>
        <source>Disagreements: the first %1 of %2 items whose %3 differs between arms</source>
        <translation>分歧：%3 在各组间不同的 %2 个条目中的前 %1 个</translation>
    </message>
    <message>
        <source>Disagreements: %1 items whose %2 differs between arms</source>
        <translation>分歧：%2 在各组间不同的 %1 个条目</translation>
    </message>
    <message>
        <source> (scores: %1)</source>
        <translation>（评分：%1）</translation>
    </message>
</context>
<context>
    <name>ExperimentRunController</name>
    <message>
        <source>%1 is an OpenAI-compatible server: give its base URL, e.g. http://localhost:11434 for Ollama or http://localhost:8000 for vLLM.</source>
        <translation>%1 是兼容 OpenAI 的服务器：请提供其基础 URL，例如 Ollama 为 http://localhost:11434，vLLM 为 http://localhost:8000。</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>Paused: calls in flight finish, no new ones start.</source>
        <translation>已暂停：进行中的调用会完成，不再发起新调用。</translation>
    </message>
    <message>
        <source>Running: %1 of %2 answers, %3 spent</source>
        <translation>运行中：%2 个回答中已完成 %1 个，已支出 %3</translation>
    </message>
</context>
<context>
    <name>ExperimentsScreen</name>
    <message>
        <source>Run %1?</source>
        <translation>运行 %1？</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Estimated cost: %1 for %2 calls.</source>
        <translation>预计成本：%2 次调用共 %1。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The providers are called for real and bill your account.</source>
        <translation>将真实调用提供商，费用计入您的账户。</translation>
    </message>
    <message>
        <source>Base URL, e.g. http://localhost:11434</source>
        <translation>基础 URL，例如 http://localhost:11434</translation>
    </message>
    <message>
        <source>Base URL of %1</source>
        <translation>%1 的基础 URL</translation>
    </message>
    <message>
        <source>The address of the OpenAI-compatible server (Ollama, vLLM, LM Studio); /v1/chat/completions is added. Kept for the next launch.</source>
        <translation>兼容 OpenAI 的服务器地址（Ollama、vLLM、LM Studio）；会自动追加 /v1/chat/completions。下次启动时保留。</translation>
    </message>
    <message>
        <source>key from the %1</source>
        <translation>密钥来自%1</translation>
    </message>
    <message>
        <source>no key: calls will fail</source>
        <translation>无密钥：调用将失败</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>设置密钥…</translation>
    </message>
    <message>
        <source>Outcomes and call events are stored in the workbench&apos;s event database; items already answered there are not asked again, so a cancelled run resumes.</source>
        <translation>结果和调用事件存储在工作台的事件数据库中；其中已回答的条目不会再次请求，因此取消的运行可以继续。</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>%1 的 API 密钥</translation>
    </message>
    <message>
        <source>The key is saved in the system keychain and used by experiment runs; a key in the environment (%1) is used when the keychain has none.</source>
        <translation>密钥保存在系统密钥环中，供实验运行使用；密钥环中没有密钥时，使用环境变量（%1）中的密钥。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Remove the saved key</source>
        <translation>移除已保存的密钥</translation>
    </message>
    <message>
        <source>Export the report of %1</source>
        <translation>导出 %1 的报告</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PDF — for reading and sharing</source>
        <translation>PDF——用于阅读和分享</translation>
    </message>
    <message>
        <source>HTML — self-contained, charts as SVG</source>
        <translation>HTML——独立文件，图表为 SVG</translation>
    </message>
    <message>
        <source>JSON — the analysis, machine-readable</source>
        <translation>JSON——分析结果，机器可读</translation>
    </message>
    <message>
        <source>CSV — one row per item and arm</source>
        <translation>CSV——每个条目和实验组一行</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File to write the report to</source>
        <translation>报告要写入的文件</translation>
    </message>
    <message>
        <source>New experiment from the example</source>
        <translation>从示例新建实验</translation>
    </message>
    <message>
        <source>Write and open</source>
        <translation>写入并打开</translation>
    </message>
    <message>
        <source>Writes a starter definition — two arms answering support questions, seven metrics, exact match as the primary one, a $5 spend cap — and its dataset faq.csv beside it (an existing faq.csv is kept). Edit the file in your editor, then Reload here.</source>
        <translation>写入一个起始定义——两个回答客服问题的实验组、七项指标（以精确匹配为主要指标）、$5 的支出上限——并在旁边写入其数据集 faq.csv（已有的 faq.csv 会保留）。请在编辑器中修改该文件，然后在此处重新加载。</translation>
    </message>
    <message>
        <source>Where to write the definition</source>
        <translation>定义的写入位置</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Path of an experiment definition (.json) — Ctrl+O</source>
        <translation>实验定义（.json）的路径——Ctrl+O</translation>
    </message>
    <message>
        <source>Definition file path</source>
        <translation>定义文件路径</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Recent ▾</source>
        <translation>最近 ▾</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Read the definition and its dataset again (F5)</source>
        <translation>重新读取定义及其数据集（F5）</translation>
    </message>
    <message>
        <source>New from example…</source>
        <translation>从示例新建…</translation>
    </message>
    <message>
        <source>Design an offline experiment</source>
        <translation>设计离线实验</translation>
    </message>
    <message>
        <source>An experiment compares prompt variants — arms: a model, a prompt template and its parameters — on a fixed dataset before any of them sees production traffic. Everything is declared up front in one JSON file: the items, the metrics, the one metric it is decided on, α, power, the smallest effect worth finding and a spend cap.</source>
        <translation>实验在任何提示词变体接触生产流量之前，在固定数据集上对它们进行比较——每个实验组包含一个模型、一个提示词模板及其参数。所有内容都预先在一个 JSON 文件中声明：条目、指标、用于决策的那一项指标、α、统计功效、值得检出的最小效应以及支出上限。</translation>
    </message>
    <message>
        <source>Here you check that design before spending anything: how the arms&apos; prompts differ, what the dataset holds, and the plan — how many items each arm needs, what power the dataset gives, tokens, cost and duration.</source>
        <translation>在花费任何费用之前，您可以在此检查该设计：各实验组的提示词有何不同、数据集包含什么，以及计划——每组需要多少条目、数据集能提供多大的统计功效、token 数、成本和耗时。</translation>
    </message>
    <message>
        <source>or type the path of a definition above and press Enter (Ctrl+O). The format is described in docs/experiments.md.</source>
        <translation>或在上方输入定义的路径并按 Enter（Ctrl+O）。格式说明见 docs/experiments.md。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The definition could not be read</source>
        <translation>无法读取定义</translation>
    </message>
    <message>
        <source>Definitions are JSON with &quot;schema_version&quot;: 1; unknown fields are refused so that a typo is never a silent default. Fix the file, then Reload (F5).</source>
        <translation>定义为 JSON 格式，带有 &quot;schema_version&quot;: 1；未知字段会被拒绝，以免拼写错误悄无声息地变成默认值。请修正文件，然后重新加载（F5）。</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 个问题</translation>
    </message>
    <message>
        <source>Resume run…</source>
        <translation>继续运行…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Waiting for the plan</source>
        <translation>等待计划</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>$%1 spent</source>
        <translation>已支出 $%1</translation>
    </message>
    <message>
        <source>%1/%2, %3 errors</source>
        <translation>%1/%2，%3 个错误</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>The run calls the providers for real and spends money up to the spend cap; each item&apos;s outcome is stored once, so an interrupted run resumes without paying twice. From a terminal:</source>
        <translation>运行会真实调用提供商，并在支出上限内产生费用；每个条目的结果只存储一次，因此中断的运行可以继续而无需重复付费。在终端中运行：</translation>
    </message>
    <message>
        <source>Command that runs this experiment</source>
        <translation>运行此实验的命令</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Arms (%1)</source>
        <translation>实验组（%1）</translation>
    </message>
    <message>
        <source>Arm %1: %2 %3</source>
        <translation>实验组 %1：%2 %3</translation>
    </message>
    <message>
        <source>control</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>The first arm is the control; each other arm is compared with it. Select an arm (↑/↓) to compare its templates with A below.</source>
        <translation>第一个实验组为对照组，其他各组均与之比较。选择一个实验组（↑/↓）即可在下方将其模板与 A 比较。</translation>
    </message>
    <message>
        <source>Template diff</source>
        <translation>模板差异</translation>
    </message>
    <message>
        <source>Arm A</source>
        <translation>实验组 A</translation>
    </message>
    <message>
        <source>Arm B</source>
        <translation>实验组 B</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>系统消息</translation>
    </message>
    <message>
        <source>Neither arm sends a system message.</source>
        <translation>两个实验组都不发送系统消息。</translation>
    </message>
    <message>
        <source>Prompt (user message)</source>
        <translation>提示词（用户消息）</translation>
    </message>
    <message>
        <source>A and B are the same arm: choose another B.</source>
        <translation>A 和 B 是同一个实验组：请另选 B。</translation>
    </message>
    <message>
        <source>The templates are identical: the arms differ only in model or parameters.</source>
        <translation>模板完全相同：各组仅在模型或参数上不同。</translation>
    </message>
    <message>
        <source>Prompt: %1 lines added, %2 removed; system: %3 added, %4 removed.</source>
        <translation>提示词：新增 %1 行，删除 %2 行；系统消息：新增 %3 行，删除 %4 行。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>decided on %1</source>
        <translation>以 %1 决策</translation>
    </message>
    <message>
        <source>Sample size: %1.</source>
        <translation>样本量：%1。</translation>
    </message>
    <message>
        <source>Items per arm</source>
        <translation>每组条目数</translation>
    </message>
    <message>
        <source>%1 of %2 needed</source>
        <translation>需要 %2，现有 %1</translation>
    </message>
    <message>
        <source>Power achieved</source>
        <translation>达到的统计功效</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>预计成本</translation>
    </message>
    <message>
        <source>Tokens (arms&apos; calls)</source>
        <translation>token 数（实验组调用）</translation>
    </message>
    <message>
        <source>Dataset too small. %1</source>
        <translation>数据集过小。%1</translation>
    </message>
    <message>
        <source>arm</source>
        <translation>实验组</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>in / out tokens per call</source>
        <translation>每次调用的输入/输出 token</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>token</translation>
    </message>
    <message>
        <source>calls + judge</source>
        <translation>调用 + 评审</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Total cost unknown: a model has no price, so the estimate is not $0 but missing. </source>
        <translation>总成本未知：某个模型没有价格，因此估算并非 $0，而是缺失。</translation>
    </message>
    <message>
        <source>Duration: %1.</source>
        <translation>耗时：%1。</translation>
    </message>
    <message>
        <source>Hide assumptions</source>
        <translation>隐藏假设</translation>
    </message>
    <message>
        <source>Assumptions (%1)</source>
        <translation>假设（%1）</translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation>指标（%1）</translation>
    </message>
    <message>
        <source>Decided on &lt;b&gt;%1&lt;/b&gt; · α %2 · power %3 · minimum effect %4 · %5</source>
        <translation>以 &lt;b&gt;%1&lt;/b&gt; 决策 · α %2 · 统计功效 %3 · 最小效应 %4 · %5</translation>
    </message>
    <message>
        <source>pass/fail</source>
        <translation>通过/未通过</translation>
    </message>
    <message>
        <source>continuous</source>
        <translation>连续</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>%1 · %2 items</source>
        <translation>%1 · %2 个条目</translation>
    </message>
    <message>
        <source>%1 · not read</source>
        <translation>%1 · 未读取</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列：%1</translation>
    </message>
    <message>
        <source>The templates use %1, which the dataset does not have. </source>
        <translation>模板使用了数据集中没有的 %1。</translation>
    </message>
    <message>
        <source>%1 items lack a variable the templates use: the run stops at such an item rather than send a prompt with a hole.</source>
        <translation>%1 个条目缺少模板所用的变量：运行会在此类条目处停止，而不会发送有缺口的提示词。</translation>
    </message>
    <message>
        <source>The first %1 items:</source>
        <translation>前 %1 个条目：</translation>
    </message>
    <message>
        <source>All items:</source>
        <translation>所有条目：</translation>
    </message>
    <message>
        <source>  (missing)</source>
        <translation>  （缺失）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>FindingListModel</name>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message>
        <source>previous windows</source>
        <translation>先前窗口</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>window tested</source>
        <translation>被检验窗口</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>reference interval</source>
        <translation>参考区间</translation>
    </message>
    <message>
        <source>current interval</source>
        <translation>当前区间</translation>
    </message>
    <message>
        <source>window (oldest first)</source>
        <translation>窗口（最早的在前）</translation>
    </message>
    <message>
        <source>bin / category</source>
        <translation>分箱 / 类别</translation>
    </message>
    <message>
        <source>All analyzers</source>
        <translation>所有分析器</translation>
    </message>
    <message>
        <source>Analyzer</source>
        <translation>分析器</translation>
    </message>
    <message>
        <source>Info and up</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and up</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>仅严重</translation>
    </message>
    <message>
        <source>Least severity</source>
        <translation>最低严重级别</translation>
    </message>
    <message>
        <source>Filter by service, variant, metric or method</source>
        <translation>按服务、变体、指标或方法筛选</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>The drift and anomaly report of the range chosen on the Overview: findings by analyzer and severity, over time, the strongest drifts&apos; distributions and every finding&apos;s method and numbers (Ctrl+E)</source>
        <translation>在概览中所选时间范围的漂移与异常报告：按分析器和严重级别统计的发现项、随时间的变化、漂移最强者的分布，以及每个发现项的方法和数值（Ctrl+E）</translation>
    </message>
    <message>
        <source>No findings yet. The analyzers test one-minute windows per service and variant once ten of them have closed (anomalies) or thirty (drift against the reference).</source>
        <translation>尚无发现项。分析器按服务和变体检验一分钟窗口：关闭 10 个窗口后开始检测异常，关闭 30 个后开始检测相对参考的漂移。</translation>
    </message>
    <message>
        <source>No finding matches the filters.</source>
        <translation>没有符合筛选条件的发现项。</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1 (α %2)</source>
        <translation>%1（α %2）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>This method keeps no series to draw; its numbers are above.</source>
        <translation>此方法不保留可绘制的序列；其数值见上方。</translation>
    </message>
    <message>
        <source>Window tested against the ones before</source>
        <translation>被检验窗口与先前窗口对比</translation>
    </message>
    <message>
        <source>Reference against current distribution</source>
        <translation>参考分布与当前分布对比</translation>
    </message>
    <message>
        <source>Reference against current estimate</source>
        <translation>参考估计与当前估计对比</translation>
    </message>
    <message>
        <source>The metric in the key&apos;s previous one-minute windows (line, oldest first) and in the window tested (dot): the method above tests the latter against the former.</source>
        <translation>该键在先前一分钟窗口中的指标（折线，最早的在前）以及被检验窗口中的指标（点）：上述方法以前者为基准检验后者。</translation>
    </message>
    <message>
        <source>Share of calls per bin (the reference&apos;s deciles) or category, in the reference stretch (the key&apos;s first windows) and in the current one (its last windows). PSI and the test above are computed from these shares.</source>
        <translation>参考时段（该键的最初几个窗口）和当前时段（其最后几个窗口）中，各分箱（参考数据的十分位）或类别的调用占比。PSI 和上述检验均基于这些占比计算。</translation>
    </message>
    <message>
        <source>The reference and current estimates of the metric with their confidence intervals (vertical bars), as the test above computed them.</source>
        <translation>上述检验计算出的指标参考估计值和当前估计值，及其置信区间（竖线）。</translation>
    </message>
    <message>
        <source>%1 over time</source>
        <translation>%1 随时间变化</translation>
    </message>
    <message>
        <source>This key&apos;s %1 as the same method judged it in every stored finding about it: the line joins the statistic at the end of each window tested (PSI where the finding has one), the dots mark when each finding was raised, coloured by severity. Analyzers store the statistic only when they raise a finding.</source>
        <translation>该键的 %1 在每个相关的已存储发现项中由同一方法得出的结果：折线连接每个被检验窗口结束时的统计量（发现项有 PSI 时取 PSI），圆点标出每个发现项产生的时间，颜色表示严重级别。分析器仅在产生发现项时才存储统计量。</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>finding raised</source>
        <translation>产生发现项</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Select a finding to see its evidence.</source>
        <translation>选择一个发现项以查看其证据。</translation>
    </message>
</context>
<context>
    <name>KeychainCredentials</name>
    <message>
        <source>The system keychain could not be used (%1), so API keys come from the environment only. Start a Secret Service (GNOME Keyring or KWallet) and unlock it, or set the variables named below.</source>
        <translation>无法使用系统密钥环（%1），因此 API 密钥只能来自环境变量。请启动并解锁 Secret Service（GNOME Keyring 或 KWallet），或设置下方列出的变量。</translation>
    </message>
    <message>
        <source>Enter both the provider and its API key.</source>
        <translation>请同时输入提供商及其 API 密钥。</translation>
    </message>
    <message>
        <source>The key for %1 was not saved: %2</source>
        <translation>%1 的密钥未保存：%2</translation>
    </message>
    <message>
        <source>The key for %1 was not deleted: %2</source>
        <translation>%1 的密钥未删除：%2</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>正在读取密钥环…</translation>
    </message>
    <message>
        <source>environment (%1)</source>
        <translation>环境变量（%1）</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>LLM Auto-Optimizer Workbench</source>
        <translation>LLM Auto-Optimizer Workbench</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Drift &amp;&amp; Anomalies</source>
        <translation>漂移与异常</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>LLM Auto-Optimizer</source>
        <translation>LLM Auto-Optimizer</translation>
    </message>
    <message>
        <source>Demo feed</source>
        <translation>演示数据流</translation>
    </message>
    <message>
        <source>No telemetry connection is configured, so the built-in simulator plays three services over seven models. Add an OTLP/HTTP receiver or a Kafka topic on the Connections screen (Ctrl+7) to see your own telemetry.</source>
        <translation>未配置遥测连接，因此内置模拟器正在播放三个服务、七个模型的数据。请在“连接”页面（Ctrl+7）添加 OTLP/HTTP 接收器或 Kafka 主题，以查看您自己的遥测数据。</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>设置（Ctrl+,）</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Welcome and connecting telemetry…</source>
        <translation>欢迎与连接遥测…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键（F1）</translation>
    </message>
    <message>
        <source>%1 (soon)</source>
        <translation>%1（即将推出）</translation>
    </message>
</context>
<context>
    <name>ModelChart</name>
    <message>
        <source>No quantile band</source>
        <translation>无分位数带</translation>
    </message>
    <message>
        <source>Model whose p50–p95 band and p99 are drawn</source>
        <translation>绘制 p50–p95 带和 p99 的模型</translation>
    </message>
    <message>
        <source>The model whose p50–p95 band and p99 line are drawn under the p95 lines</source>
        <translation>在 p95 折线下方绘制其 p50–p95 带和 p99 线的模型</translation>
    </message>
    <message>
        <source>%1 p50–p95</source>
        <translation>%1 p50–p95</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>$%1</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>$%1</translation>
    </message>
    <message>
        <source>Events cannot be stored: %1</source>
        <translation>无法存储事件：%1</translation>
    </message>
    <message>
        <source>Requests / s</source>
        <translation>请求数 / 秒</translation>
    </message>
    <message>
        <source>last minute</source>
        <translation>最近一分钟</translation>
    </message>
    <message>
        <source>Calls in the 10-second buckets that started within the last minute, divided by the seconds those buckets cover.</source>
        <translation>最近一分钟内开始的各 10 秒区间中的调用数，除以这些区间覆盖的秒数。</translation>
    </message>
    <message>
        <source>Spend / hour</source>
        <translation>支出 / 小时</translation>
    </message>
    <message>
        <source>at the last minute&apos;s rate</source>
        <translation>按最近一分钟的速率</translation>
    </message>
    <message>
        <source>Cost of the last minute&apos;s calls (price table × tokens, cached tokens at their own price) scaled to an hour.</source>
        <translation>最近一分钟调用的成本（价格表 × token 数，缓存 token 按其自身价格计），折算为每小时。</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95 延迟</translation>
    </message>
    <message>
        <source>successful calls, last minute</source>
        <translation>成功调用，最近一分钟</translation>
    </message>
    <message>
        <source>95th percentile of call duration from a quantile sketch with ≤1% relative error.</source>
        <translation>调用耗时的第 95 百分位数，来自相对误差 ≤1% 的分位数草图。</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>Failed calls (span status error or error.type set) over all calls in the last 60 s.</source>
        <translation>最近 60 秒内失败调用（span 状态为 error 或设置了 error.type）占全部调用的比例。</translation>
    </message>
    <message>
        <source>Mean quality</source>
        <translation>平均质量</translation>
    </message>
    <message>
        <source>evaluation score 0–1</source>
        <translation>评估得分 0–1</translation>
    </message>
    <message>
        <source>Mean of gen_ai.evaluation.result scores attached to the last minute&apos;s calls.</source>
        <translation>最近一分钟调用所附 gen_ai.evaluation.result 得分的均值。</translation>
    </message>
    <message>
        <source>History cannot be read: %1</source>
        <translation>无法读取历史数据：%1</translation>
    </message>
    <message>
        <source>p95 per bucket: mean of the one-minute windows&apos; p95, weighted by their successful calls</source>
        <translation>每个区间的 p95：各一分钟窗口 p95 的均值，按其成功调用数加权</translation>
    </message>
    <message>
        <source>Spend rate by model</source>
        <translation>按模型的支出速率</translation>
    </message>
    <message>
        <source>USD / hour</source>
        <translation>美元 / 小时</translation>
    </message>
    <message>
        <source>Cost per bucket (10 seconds live, else the range&apos;s bucket), scaled to USD per hour, by the variant&apos;s model.</source>
        <translation>每个区间的成本（实时为 10 秒，否则为该时间范围的区间），折算为每小时美元，按变体的模型划分。</translation>
    </message>
    <message>
        <source>p95 latency by model</source>
        <translation>按模型的 p95 延迟</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>95th percentile duration of successful calls per bucket, by model; for the model chosen in the header also the band from the median (p50) to p95 and the 99th percentile (dashed). Live: quantiles of each 10-second bucket&apos;s sketch (≤1% relative error); history: the one-minute windows&apos; quantiles averaged, weighted by their successful calls.</source>
        <translation>每个区间内成功调用耗时的第 95 百分位数，按模型划分；对于标题栏中所选的模型，还绘制从中位数（p50）到 p95 的区间带以及第 99 百分位数（虚线）。实时：每个 10 秒区间草图的分位数（相对误差 ≤1%）；历史：各一分钟窗口分位数的均值，按其成功调用数加权。</translation>
    </message>
</context>
<context>
    <name>ParetoScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1
quality %2 (%3–%4)
cost per request %5
p95 %6 ms · %7 calls%8</source>
        <translation>%1
质量 %2（%3–%4）
每次请求成本 %5
p95 %6 ms · %7 次调用%8</translation>
    </message>
    <message>
        <source>
on the front</source>
        <translation>
位于前沿上</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Quality within</source>
        <translation>质量容差</translation>
    </message>
    <message>
        <source>How much lower than the best variant&apos;s mean quality the chosen variant may be.</source>
        <translation>所选变体的平均质量最多可比最佳变体低多少。</translation>
    </message>
    <message>
        <source>%1 % of the best</source>
        <translation>最佳值的 %1%</translation>
    </message>
    <message>
        <source>p95 SLO</source>
        <translation>p95 SLO</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The chosen variant&apos;s p95 latency must be at most this (0: no SLO).</source>
        <translation>所选变体的 p95 延迟不得超过此值（0：无 SLO）。</translation>
    </message>
    <message>
        <source>Waiting for variants with at least 100 evaluated calls in the last hour…</source>
        <translation>正在等待最近一小时内至少有 100 次已评估调用的变体…</translation>
    </message>
    <message>
        <source>No variant meets the constraints</source>
        <translation>没有满足约束条件的变体</translation>
    </message>
    <message>
        <source>Choice: %1 (most traffic now: %2) — all traffic there %3 a month</source>
        <translation>选择：%1（当前流量最多：%2）——全部流量切换过去每月%3</translation>
    </message>
    <message>
        <source>saves %1</source>
        <translation>节省 %1</translation>
    </message>
    <message>
        <source>costs %1 more</source>
        <translation>多花 %1</translation>
    </message>
    <message>
        <source>Quality against cost per request</source>
        <translation>质量与每次请求成本对比</translation>
    </message>
    <message>
        <source>Each variant of the service over the engine&apos;s trailing hour of windows: mean evaluation score against cost per request (price table × tokens), coloured by p95 latency. The front joins the variants no other beats on both cost and quality by more than the noise (their confidence intervals); rings mark the constrained choice and the variant with most traffic now.</source>
        <translation>该服务的每个变体在引擎最近一小时窗口内的表现：平均评估得分与每次请求成本（价格表 × token 数）对比，颜色表示 p95 延迟。前沿连接那些在成本和质量上都没有被其他变体以超出噪声（其置信区间）的幅度同时超越的变体；圆环标出约束条件下的选择以及当前流量最多的变体。</translation>
    </message>
    <message>
        <source>cost per request (USD)</source>
        <translation>每次请求成本（美元）</translation>
    </message>
    <message>
        <source>mean quality</source>
        <translation>平均质量</translation>
    </message>
    <message>
        <source>front</source>
        <translation>前沿</translation>
    </message>
    <message>
        <source>most traffic</source>
        <translation>流量最多</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>variants (p95: green fast, red slow)</source>
        <translation>变体（p95：绿色快，红色慢）</translation>
    </message>
    <message>
        <source>Recommendations (%1 awaiting an answer)</source>
        <translation>建议（%1 条待答复）</translation>
    </message>
    <message>
        <source>Not done — %1</source>
        <translation>未执行——%1</translation>
    </message>
    <message>
        <source>Nothing to recommend yet. Strategies propose a change when a cheaper variant is within the quality tolerance, an experiment has a winner, a parameter can be tuned or a threshold rule fires.</source>
        <translation>暂无建议。当有更便宜的变体处于质量容差内、某个实验产生胜出者、某个参数可调优或某条阈值规则触发时，策略会提出变更。</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>已提议</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>由 %1 批准</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>由 %1 拒绝</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / 月</translation>
    </message>
    <message>
        <source>Hide evidence</source>
        <translation>隐藏证据</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Send your approval to the engine: an approved switch starts a canary rollout (Rollouts screen, Ctrl+6).</source>
        <translation>将您的批准发送给引擎：批准的切换会启动金丝雀发布（“发布”页面，Ctrl+6）。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Approve and start a rollout?</source>
        <translation>批准并启动发布？</translation>
    </message>
    <message>
        <source>%1

Approving starts a canary rollout: 1 % of the traffic first, judged after each step of the plan and rolled back automatically if it fails; the last step waits for your confirmation (Rollouts screen, Ctrl+6). Your approval is written to the audit log.</source>
        <translation>%1

批准后将启动金丝雀发布：先导入 1% 的流量，按计划每一步之后进行评判，失败时自动回滚；最后一步等待您确认（“发布”页面，Ctrl+6）。您的批准会写入审计日志。</translation>
    </message>
    <message>
        <source>Choice: %1, which already has the most traffic — moving the rest of the traffic there %2 a month</source>
        <translation>选择：%1（已是流量最多的变体）——将其余流量也切换过去每月%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cost %1 $/request</source>
        <translation>成本 %1 美元/请求</translation>
    </message>
    <message>
        <source>quality %1</source>
        <translation>质量 %1</translation>
    </message>
    <message>
        <source>p95 %1 ms</source>
        <translation>p95 %1 ms</translation>
    </message>
</context>
<context>
    <name>RangeSelector</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>The last quarter hour, as calls arrive (Alt+1).</source>
        <translation>最近一刻钟，随调用到达实时更新（Alt+1）。</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>The last hour, from the stored one-minute windows (Alt+2).</source>
        <translation>最近一小时，来自已存储的一分钟窗口（Alt+2）。</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>The last 6 hours, stored windows in 3-minute buckets (Alt+3).</source>
        <translation>最近 6 小时，已存储窗口按 3 分钟区间汇总（Alt+3）。</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>The last 24 hours, stored windows in 12-minute buckets (Alt+4).</source>
        <translation>最近 24 小时，已存储窗口按 12 分钟区间汇总（Alt+4）。</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>The last 7 days, stored windows in 84-minute buckets (Alt+5).</source>
        <translation>最近 7 天，已存储窗口按 84 分钟区间汇总（Alt+5）。</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>A period of your choice, from the stored windows (Alt+6).</source>
        <translation>您选择的时间段，来自已存储的窗口（Alt+6）。</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>所有服务</translation>
    </message>
    <message>
        <source>Service shown</source>
        <translation>显示的服务</translation>
    </message>
    <message>
        <source>The service every screen shows: KPIs, charts, tables, findings, costs and the Pareto view (service.name of the calls).</source>
        <translation>所有页面显示的服务：KPI、图表、表格、发现项、成本以及帕累托视图（调用的 service.name）。</translation>
    </message>
    <message>
        <source>Show a custom period</source>
        <translation>显示自定义时间段</translation>
    </message>
    <message>
        <source>Write the times as 2026-11-27 14:00 (local time).</source>
        <translation>时间请按 2026-11-27 14:00 的格式填写（本地时间）。</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>开始时间必须早于结束时间。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>时间段的开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>时间段的结束</translation>
    </message>
    <message>
        <source>Local time, yyyy-MM-dd HH:mm. Charts, costs and findings show the stored windows of this period.</source>
        <translation>本地时间，yyyy-MM-dd HH:mm。图表、成本和发现项显示此时间段内已存储的窗口。</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <source>Export the cost report</source>
        <translation>导出成本报告</translation>
    </message>
    <message>
        <source>Export the drift and anomaly report</source>
        <translation>导出漂移与异常报告</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (the range chosen at the top).</source>
        <translation>时间段：%1 至 %2（顶部所选的范围）。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PDF — for reading and sharing</source>
        <translation>PDF——用于阅读和分享</translation>
    </message>
    <message>
        <source>HTML — self-contained, charts as SVG</source>
        <translation>HTML——独立文件，图表为 SVG</translation>
    </message>
    <message>
        <source>JSON — machine-readable</source>
        <translation>JSON——机器可读</translation>
    </message>
    <message>
        <source>CSV — one row per hour, service and model</source>
        <translation>CSV——每小时、服务和模型一行</translation>
    </message>
    <message>
        <source>CSV — one row per finding</source>
        <translation>CSV——每个发现项一行</translation>
    </message>
    <message>
        <source>Report format</source>
        <translation>报告格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File to write the report to</source>
        <translation>报告要写入的文件</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Unknown report &quot;%1&quot;: choose cost or drift.</source>
        <translation>未知报告“%1”：请选择 cost 或 drift。</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: choose PDF, HTML, JSON or CSV.</source>
        <translation>未知格式“%1”：请选择 PDF、HTML、JSON 或 CSV。</translation>
    </message>
    <message>
        <source>Give the file to write.</source>
        <translation>请指定要写入的文件。</translation>
    </message>
    <message>
        <source>The period is empty: choose a range whose start is before its end.</source>
        <translation>时间段为空：请选择开始早于结束的范围。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: choose another file.</source>
        <translation>无法创建文件夹 %1：请另选文件。</translation>
    </message>
    <message>
        <source>Writing the %1 report…</source>
        <translation>正在写入 %1 报告…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>The report could not be read from the event database: %1</source>
        <translation>无法从事件数据库读取报告：%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>RolloutController</name>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>调用占比 %</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>median score</source>
        <translation>得分中位数</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>median ms</source>
        <translation>中位数 ms</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>median USD per 1,000 calls</source>
        <translation>每千次调用美元中位数</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>pause %1 s</source>
        <translation>暂停 %1 秒</translation>
    </message>
    <message>
        <source>pause %1 calls</source>
        <translation>暂停 %1 次调用</translation>
    </message>
    <message>
        <source>Sending “%1” for rollout %2 to the engine…</source>
        <translation>正在向引擎发送发布 %2 的“%1”命令…</translation>
    </message>
</context>
<context>
    <name>RolloutsScreen</name>
    <message>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>已全量</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>the end of the plan</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>the next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Confirm rollout %1?</source>
        <translation>确认发布 %1？</translation>
    </message>
    <message>
        <source>Abort rollout %1?</source>
        <translation>中止发布 %1？</translation>
    </message>
    <message>
        <source>Roll back rollout %1?</source>
        <translation>回滚发布 %1？</translation>
    </message>
    <message>
        <source>Approve and start a rollout?</source>
        <translation>批准并启动发布？</translation>
    </message>
    <message>
        <source>Reject this recommendation?</source>
        <translation>拒绝此建议？</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Abort rollout</source>
        <translation>中止发布</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>%1 goes on with its plan: next step %2. The candidate %3 gets more of the traffic as the plan raises its weight; the judge keeps checking it after each raise and rolls it back if it fails.</source>
        <translation>%1 继续执行其计划：下一步 %2。随着计划提高其权重，候选变体 %3 将获得更多流量；每次提高后评判器都会继续检查，失败时将其回滚。</translation>
    </message>
    <message>
        <source>The rollout stops now: %1 gets no more traffic (weight 0 %) and all of %2 goes back to %3. An aborted rollout cannot be resumed; approve the change again to retry.</source>
        <translation>发布立即停止：%1 不再获得流量（权重 0%），%2 的全部流量回到 %3。已中止的发布无法继续；如需重试，请重新批准该变更。</translation>
    </message>
    <message>
        <source>%1 was promoted. Rolling back sends all of %2 to %3 again at once (candidate weight 0 %).</source>
        <translation>%1 已全量发布。回滚会立即将 %2 的全部流量重新发送到 %3（候选变体权重 0%）。</translation>
    </message>
    <message>
        <source>All of %1 goes back to the stable variant %2 at once (%3 from %4 % to 0 %). The rollout ends as rolled back.</source>
        <translation>%1 的全部流量立即回到稳定变体 %2（%3 从 %4% 降至 0%）。发布以“已回滚”结束。</translation>
    </message>
    <message>
        <source>%1. Approving starts a canary rollout: traffic moves to the new variant in the steps of the plan below, judged after each step, and rolled back automatically if it fails.</source>
        <translation>%1。批准后将启动金丝雀发布：流量按下方计划的步骤切换到新变体，每一步之后进行评判，失败时自动回滚。</translation>
    </message>
    <message>
        <source>%1. The recommendation is closed as rejected; nothing changes in production.</source>
        <translation>%1。该建议将以“已拒绝”关闭；生产环境不会有任何变化。</translation>
    </message>
    <message>
        <source>The engine checks the command and writes it to the audit log as %1, with what you saw.</source>
        <translation>引擎会检查该命令，并将其连同您看到的内容以 %1 的名义写入审计日志。</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the audit log)</source>
        <translation>原因（可选，保存在审计日志中）</translation>
    </message>
    <message>
        <source>Not done — </source>
        <translation>未执行——</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Awaiting approval (%1)</source>
        <translation>待批准（%1）</translation>
    </message>
    <message>
        <source>No switch is waiting for approval. The Pareto strategy proposes one when a cheaper variant is within your quality tolerance, an experiment when a variant wins its test.</source>
        <translation>没有待批准的切换。当有更便宜的变体处于您的质量容差内时，帕累托策略会提出切换；当某个变体在测试中胜出时，实验策略会提出切换。</translation>
    </message>
    <message>
        <source>fall back</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>切换</translation>
    </message>
    <message>
        <source>$%1 / month</source>
        <translation>$%1 / 月</translation>
    </message>
    <message>
        <source>Expected per request: %1</source>
        <translation>每次请求预期：%1</translation>
    </message>
    <message>
        <source>Hide evidence</source>
        <translation>隐藏证据</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Rollouts (%1 active, %2 finished)</source>
        <translation>发布（%1 个进行中，%2 个已结束）</translation>
    </message>
    <message>
        <source>No rollout yet. Active rollouts are listed here first, then the finished ones, newest first.</source>
        <translation>尚无发布。进行中的发布排在最前，其后是已结束的发布，按时间由新到旧排列。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of the last change</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Rollout %1 · approved by %2 · started %3%4</source>
        <translation>发布 %1 · 由 %2 批准 · 开始于 %3%4</translation>
    </message>
    <message>
        <source> · recommendation %1</source>
        <translation> · 建议 %1</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Let a paused rollout go on with its plan.</source>
        <translation>让已暂停的发布按计划继续。</translation>
    </message>
    <message>
        <source>Abort…</source>
        <translation>中止…</translation>
    </message>
    <message>
        <source>Stop the rollout: the candidate gets no more traffic.</source>
        <translation>停止发布：候选变体不再获得流量。</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Send all traffic back to the stable variant now.</source>
        <translation>立即将全部流量发回稳定变体。</translation>
    </message>
    <message>
        <source>stable %1 · %2 %</source>
        <translation>稳定版 %1 · %2%</translation>
    </message>
    <message>
        <source>%1 % · candidate %2</source>
        <translation>%1% · 候选 %2</translation>
    </message>
    <message>
        <source>In the current window: %1 canary and %2 stable calls</source>
        <translation>当前窗口：金丝雀调用 %1 次，稳定版调用 %2 次</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Waiting for the policy sinks: %1. The rollout holds, and its calls do not count, until every sink has taken policy version %2.</source>
        <translation>正在等待策略接收端：%1。在每个接收端都采用策略版本 %2 之前，发布保持暂停，其调用不计入。</translation>
    </message>
    <message>
        <source>No policy published yet.</source>
        <translation>尚未发布任何策略。</translation>
    </message>
    <message>
        <source>Policy version %1 published; every sink has acknowledged version %2.</source>
        <translation>已发布策略版本 %1；所有接收端均已确认版本 %2。</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 失败</translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>none yet — the judge compares canary and stable after each weight step, once the step has seen enough canary calls</source>
        <translation>暂无——每次权重调整后，一旦该步骤积累了足够的金丝雀调用，评判器就会比较金丝雀与稳定版</translation>
    </message>
    <message>
        <source>%1 so far; each compares every canary call since the start with the stable variant over the same time</source>
        <translation>迄今 %1 次；每次都将自开始以来的所有金丝雀调用与同一时段的稳定变体进行比较</translation>
    </message>
    <message>
        <source>%1 at %2 % (%3 canary, %4 stable calls)
%5</source>
        <translation>%1，权重 %2%（金丝雀调用 %3 次，稳定版调用 %4 次）
%5</translation>
    </message>
    <message>
        <source>%1 in %2 after each analysis of the judge (x: analysis number): the canary&apos;s and the stable variant&apos;s centres, each analysis comparing every canary call since the start with the stable variant over the same time; dots: the canary, green where the metric passed, red where it failed. Method: %3</source>
        <translation>评判器每次分析后的 %1（单位 %2）（x：分析序号）：金丝雀与稳定变体的中心值，每次分析都将自开始以来的所有金丝雀调用与同一时段的稳定变体比较；圆点：金丝雀，指标通过为绿色，未通过为红色。方法：%3</translation>
    </message>
    <message>
        <source>latest: canary %1, stable %2 — %3</source>
        <translation>最新：金丝雀 %1，稳定版 %2——%3</translation>
    </message>
    <message>
        <source>x: analysis number; canary and stable centres</source>
        <translation>x：分析序号；金丝雀与稳定版的中心值</translation>
    </message>
    <message>
        <source>too few calls</source>
        <translation>调用太少</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定版</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>passed / failed</source>
        <translation>通过 / 未通过</translation>
    </message>
    <message>
        <source>no analysis yet</source>
        <translation>暂无分析</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>MMM d hh:mm:ss</source>
        <comment>date format (QDateTime) of a step</comment>
        <translation>M月d日 HH:mm:ss</translation>
    </message>
    <message>
        <source>No rollout yet — approve a recommendation (Pareto screen or on the left) to start one</source>
        <translation>尚无发布——批准一条建议（帕累托页面或左侧）即可启动</translation>
    </message>
    <message>
        <source>A rollout moves a service&apos;s traffic from its stable variant to the candidate in steps. After each raise the judge compares the canary with the stable variant on error rate, quality, latency and cost: a failed analysis or a breached guardrail rolls it back at once, an unclear one pauses for you. A step begins only once every policy sink has taken the new weights.</source>
        <translation>发布会将服务的流量分步从稳定变体转移到候选变体。每次提高权重后，评判器都会在错误率、质量、延迟和成本上比较金丝雀与稳定变体：分析未通过或触发防护阈值会立即回滚，结果不明确则暂停等待您处理。只有在所有策略接收端都采用新权重后，下一步才会开始。</translation>
    </message>
    <message>
        <source>The plan a new rollout follows</source>
        <translation>新发布所遵循的计划</translation>
    </message>
    <message>
        <source>No routing policy published yet.</source>
        <translation>尚未发布路由策略。</translation>
    </message>
    <message>
        <source>Routing policy version %1, acknowledged up to version %2.</source>
        <translation>路由策略版本 %1，已确认至版本 %2。</translation>
    </message>
    <message>
        <source>No policy sink is configured: the weights are kept in the database only.</source>
        <translation>未配置策略接收端：权重仅保存在数据库中。</translation>
    </message>
    <message numerus="yes">
        <source>%n policy sink(s) configured.</source>
        <translation>
            <numerusform>已配置 %n 个策略接收端。</numerusform>
        </translation>
    </message>
    <message>
        <source>Review the first approval…</source>
        <translation>审阅第一个待批准项…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s colours; Light and Dark apply to every screen, chart and dialog.</source>
        <translation>“跟随系统”使用桌面的配色；“浅色”和“深色”应用于所有页面、图表和对话框。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Texts, numbers, amounts and dates. Applies the next time the workbench starts.</source>
        <translation>文本、数字、金额和日期。下次启动工作台时生效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>F1 or Ctrl+/</source>
        <translation>F1 或 Ctrl+/</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>这些快捷键</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+5</source>
        <translation>Alt+1 … Alt+5</translation>
    </message>
    <message>
        <source>Costs, Drift &amp; Anomalies</source>
        <translation>成本、漂移与异常</translation>
    </message>
    <message>
        <source>Export a report of the period shown</source>
        <translation>导出所示时间段的报告</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Type the path of a definition file</source>
        <translation>输入定义文件的路径</translation>
    </message>
    <message>
        <source>F5 or Ctrl+R</source>
        <translation>F5 或 Ctrl+R</translation>
    </message>
    <message>
        <source>Read the definition and dataset again</source>
        <translation>重新读取定义和数据集</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Read the newest records again</source>
        <translation>重新读取最新记录</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Show or hide the selected record&apos;s details</source>
        <translation>显示或隐藏所选记录的详细信息</translation>
    </message>
    <message>
        <source>Time range of every screen: live 15 minutes, 1 hour, 6 hours, 24 hours, 7 days</source>
        <translation>所有页面的时间范围：实时 15 分钟、1 小时、6 小时、24 小时、7 天</translation>
    </message>
    <message>
        <source>A custom period</source>
        <translation>自定义时间段</translation>
    </message>
</context>
<context>
    <name>SourceListModel</name>
    <message>
        <source>The address must be an IP address, such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network interface).</source>
        <translation>地址必须是 IP 地址，例如 127.0.0.1（仅本机）或 0.0.0.0（所有网络接口）。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (OTLP/HTTP uses 4318).</source>
        <translation>端口必须是 1 到 65535 之间的数字（OTLP/HTTP 使用 4318）。</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate file and its private key file (PEM); leave both empty for plain HTTP.</source>
        <translation>HTTPS 需要证书文件及其私钥文件（PEM）；使用普通 HTTP 时请将两者都留空。</translation>
    </message>
    <message>
        <source>Name at least one broker, such as localhost:9092.</source>
        <translation>请至少指定一个 broker，例如 localhost:9092。</translation>
    </message>
    <message>
        <source>Name at least one topic, such as otlp_spans.</source>
        <translation>请至少指定一个主题，例如 otlp_spans。</translation>
    </message>
    <message>
        <source>The encoding must be otlp_proto, otlp_json or flat_json.</source>
        <translation>编码必须是 otlp_proto、otlp_json 或 flat_json。</translation>
    </message>
    <message>
        <source>Evaluation topics need the otlp_proto or otlp_json encoding (flat_json events carry their evaluations inline).</source>
        <translation>评估主题需要 otlp_proto 或 otlp_json 编码（flat_json 事件自带其评估）。</translation>
    </message>
    <message>
        <source>Choose the kind of source: an OTLP/HTTP receiver or a Kafka topic.</source>
        <translation>请选择数据源类型：OTLP/HTTP 接收器或 Kafka 主题。</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <source>There is no source %1.</source>
        <translation>不存在数据源 %1。</translation>
    </message>
    <message>
        <source>Its bearer token is not in the system keychain (%1). Edit the source and enter the token again.</source>
        <translation>其 Bearer 令牌不在系统密钥环中（%1）。请编辑该数据源并重新输入令牌。</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>无条目</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Demo feed</source>
        <translation>演示数据流</translation>
    </message>
    <message>
        <source>%1 of %2 sources up · %3 is down</source>
        <translation>%2 个数据源中 %1 个在线 · %3 已断开</translation>
    </message>
    <message>
        <source>%1 of %2 sources up, the others connecting</source>
        <translation>%2 个数据源中 %1 个在线，其余正在连接</translation>
    </message>
    <message>
        <source>Source up</source>
        <translation>数据源在线</translation>
    </message>
    <message>
        <source>All %1 sources up</source>
        <translation>全部 %1 个数据源在线</translation>
    </message>
    <message>
        <source>The event store failed: %1</source>
        <translation>事件存储出错：%1</translation>
    </message>
    <message>
        <source>The built-in simulator is playing while no source is configured; Help › Welcome explains it, the Connections screen (Ctrl+7) adds your own telemetry.</source>
        <translation>未配置数据源时内置模拟器会持续播放；“帮助 › 欢迎”中有说明，在“连接”页面（Ctrl+7）可添加您自己的遥测数据。</translation>
    </message>
    <message>
        <source>%1: %2
Details and settings on the Connections screen (Ctrl+7).</source>
        <translation>%1：%2
详细信息和设置见“连接”页面（Ctrl+7）。</translation>
    </message>
    <message>
        <source>Telemetry sources receiving or ready to receive; details on the Connections screen (Ctrl+7).</source>
        <translation>正在接收或准备接收的遥测数据源；详细信息见“连接”页面（Ctrl+7）。</translation>
    </message>
    <message>
        <source>%1 events/s in</source>
        <translation>流入 %1 事件/秒</translation>
    </message>
    <message>
        <source>Events the engine took in per second, from every source, over the last five seconds. %1 events are stored in all.</source>
        <translation>最近五秒内引擎每秒从所有数据源接收的事件数。共存储了 %1 个事件。</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>Events received and waiting for the engine (room for %1). A queue that stays high means the engine cannot keep up.</source>
        <translation>已接收、正在等待引擎处理的事件（容量 %1）。队列持续处于高位说明引擎处理不过来。</translation>
    </message>
    <message>
        <source>%1 pushed back</source>
        <translation>反压 %1 次</translation>
    </message>
    <message>
        <source>Times a source was told to wait because the queue was full: OTLP requests answered 503 with Retry-After, Kafka consumers paused, demo ticks held. Nothing is dropped; senders retry.</source>
        <translation>因队列已满而要求数据源等待的次数：OTLP 请求以 503 和 Retry-After 应答、Kafka 消费者暂停、演示节拍暂缓。不会丢弃任何数据；发送方会重试。</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>拒收 %1</translation>
    </message>
    <message>
        <source>Spans that were malformed or could not be decoded. They are kept with the reason as dead letters, not analysed.</source>
        <translation>格式错误或无法解码的 span。它们连同原因作为死信保留，不参与分析。</translation>
    </message>
    <message>
        <source>%1 without a price</source>
        <translation>%1 次无价格</translation>
    </message>
    <message>
        <source>Calls stored whose model is not in the price table, so their cost is unknown. Add the model&apos;s prices with --prices or the configuration&apos;s prices file.</source>
        <translation>已存储但模型不在价格表中的调用，因此其成本未知。请通过 --prices 或配置中的价格文件添加该模型的价格。</translation>
    </message>
    <message>
        <source>%1 awaiting approval</source>
        <translation>%1 条待批准</translation>
    </message>
    <message>
        <source>Recommendations that would move traffic — a switch or a fall-back, each started as a canary rollout — waiting for an operator&apos;s approval. Opens the Rollouts screen (Ctrl+6).</source>
        <translation>会转移流量的建议（切换或回退，均以金丝雀发布方式启动），正在等待操作员批准。点击打开“发布”页面（Ctrl+6）。</translation>
    </message>
</context>
<context>
    <name>VariantTable</name>
    <message>
        <source>Variants (model · prompt · parameters) since the feed started</source>
        <translation>自数据流开始以来的变体（模型 · 提示词 · 参数）</translation>
    </message>
</context>
<context>
    <name>VariantTableModel</name>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50 延迟</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95 延迟</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Cost / request</source>
        <translation>成本 / 请求</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Failed calls / all calls since the feed started</source>
        <translation>自数据流开始以来失败调用数 / 全部调用数</translation>
    </message>
    <message>
        <source>Latency quantile of successful calls (quantile sketch, ≤1% relative error)</source>
        <translation>成功调用的延迟分位数（分位数草图，相对误差 ≤1%）</translation>
    </message>
    <message>
        <source>Sum of per-call cost from the price table</source>
        <translation>按价格表计算的每次调用成本之和</translation>
    </message>
    <message>
        <source>Mean evaluation score (gen_ai.evaluation.result), 0–1</source>
        <translation>平均评估得分（gen_ai.evaluation.result），0–1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ViewFilter</name>
    <message>
        <source>Live 15 min</source>
        <translation>实时 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>all services</source>
        <translation>所有服务</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to the LLM Auto-Optimizer Workbench</source>
        <translation>欢迎使用 LLM Auto-Optimizer Workbench</translation>
    </message>
    <message>
        <source>What you see is the &lt;b&gt;demo feed&lt;/b&gt;: a built-in simulator playing three services — support chat, summariser and code assistant — over seven published models, with scripted incidents: a drift in what users ask, a latency incident, a provider outage and a price cut. Everything works on it: findings, recommendations, experiments and canary rollouts.</source>
        <translation>您看到的是&lt;b&gt;演示数据流&lt;/b&gt;：内置模拟器基于七个公开模型播放三个服务——客服聊天、摘要生成和代码助手——并带有预设事件：用户提问内容的漂移、一次延迟事件、一次提供商故障以及一次降价。所有功能都可以在其上体验：发现项、建议、实验和金丝雀发布。</translation>
    </message>
    <message>
        <source>To watch your own LLM calls, open &lt;b&gt;Connections&lt;/b&gt; (Ctrl+7) and add an &lt;b&gt;OTLP/HTTP receiver&lt;/b&gt; — point your OpenTelemetry exporter at port 4318 (OTEL_EXPORTER_OTLP_ENDPOINT) — or a &lt;b&gt;Kafka topic&lt;/b&gt; that carries the spans. The demo feed stops as soon as a source is configured.</source>
        <translation>要观察您自己的 LLM 调用，请打开&lt;b&gt;连接&lt;/b&gt;（Ctrl+7）并添加一个 &lt;b&gt;OTLP/HTTP 接收器&lt;/b&gt;（将 OpenTelemetry 导出器指向端口 4318，即 OTEL_EXPORTER_OTLP_ENDPOINT），或添加承载这些 span 的 &lt;b&gt;Kafka 主题&lt;/b&gt;。一旦配置了数据源，演示数据流即停止。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts: F1. This welcome stays in the Help menu (?) at the top right.</source>
        <translation>键盘快捷键：F1。此欢迎页面可随时从右上角的帮助菜单（?）打开。</translation>
    </message>
    <message>
        <source>Connect telemetry…</source>
        <translation>连接遥测…</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>体验演示</translation>
    </message>
</context>
</TS>
