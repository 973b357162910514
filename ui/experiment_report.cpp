#include "experiment_report.h"

#include "svg_chart.h"

#include <QDateTime>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

using llmopt::AuditRecord;
using llmopt::EventStore;
using llmopt::ExperimentItemResult;
using llmopt::offline::ExperimentDefinitionRecord;
using llmopt::offline::OfflineResults;
using nlohmann::json;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
QString esc(const std::string& s)
{
    return qs(s).toHtmlEscaped();
}

// A statistic for a table cell: "—" when it is not a finite number.
QString num(double x, int precision = 4)
{
    return std::isfinite(x) ? QString::number(x, 'g', precision) : QStringLiteral("—");
}

QString interval(const llmopt::Interval& i)
{
    return QStringLiteral("[%1, %2]").arg(num(i.low), num(i.high));
}

QString utc(int64_t unixNano)
{
    return QDateTime::fromMSecsSinceEpoch(unixNano / 1'000'000, Qt::UTC).toString(Qt::ISODate);
}

QString verdictHeadline(const llmopt::offline::OfflineVerdict& v, const std::string& control)
{
    if (v.kind == "winner")
        return QStringLiteral("Winner: %1").arg(esc(v.winner));
    if (v.kind == "control_better")
        return QStringLiteral("The control (%1) is better").arg(esc(control));
    if (v.kind == "no_significant_difference")
        return QStringLiteral("No significant difference");
    return QStringLiteral("Insufficient data");
}

// One row of the error-bar chart: an arm's primary-metric mean and interval.
struct ChartBar {
    QString arm;
    bool scored = false;
    double mean = 0, low = 0, high = 0;
};

// The chart's geometry: the SVG that the HTML embeds and the PDF rasterizes.
struct ChartLayout {
    static constexpr double kWidth = 560, kLeft = 120, kRight = 24, kTop = 34, kRow = 34,
                            kBottom = 40;
    std::vector<ChartBar> bars;
    QString title;
    AxisScale axis;
    double height() const
    {
        return kTop + kRow * double(std::max<size_t>(bars.size(), 1)) + kBottom;
    }
    double x(double v) const
    {
        return kLeft + (v - axis.from) / (axis.to - axis.from) * (kWidth - kLeft - kRight);
    }
    double y(size_t row) const { return kTop + kRow * (double(row) + 0.5); }
    std::vector<double> ticks() const { return axis.ticks(); }
};

ChartLayout chartLayout(const OfflineResults& r)
{
    ChartLayout layout;
    layout.title = QStringLiteral("%1: mean and %2% interval per arm")
                       .arg(qs(r.primaryMetric))
                       .arg(num((1.0 - r.alpha) * 100.0, 3));
    double lo = INFINITY, hi = -INFINITY;
    bool proportion = false;
    for (const auto& a : r.arms) {
        ChartBar bar{qs(a.arm)};
        if (const auto* s = r.summary(a.arm, r.primaryMetric); s && s->n > 0) {
            bar.scored = std::isfinite(s->mean);
            bar.mean = s->mean;
            bar.low = std::isfinite(s->interval.low) ? s->interval.low : s->mean;
            bar.high = std::isfinite(s->interval.high) ? s->interval.high : s->mean;
            proportion = proportion || s->scale == "proportion";
            if (bar.scored) {
                lo = std::min({lo, bar.low, bar.mean});
                hi = std::max({hi, bar.high, bar.mean});
            }
        }
        layout.bars.push_back(bar);
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(std::abs(hi) * 0.1, 0.05);
    lo -= pad;
    hi += pad;
    if (proportion) {
        lo = std::max(0.0, lo);
        hi = std::min(1.0, hi);
    }
    layout.axis = AxisScale::covering(lo, hi, 4);
    return layout;
}

} // namespace

ExperimentReport::ExperimentReport(ExperimentDefinitionRecord record,
                                   std::vector<ExperimentItemResult> rows,
                                   std::vector<AuditRecord> approvals,
                                   std::optional<uint64_t> plannedItemsPerArm)
    : m_record(std::move(record))
    , m_rows(std::move(rows))
    , m_approvals(std::move(approvals))
{
    m_results = OfflineResults::compute(m_record.definition, m_rows, m_record.id);
    if (plannedItemsPerArm) {
        m_planned = *plannedItemsPerArm;
    } else {
        std::set<std::string> items;
        for (const auto& r : m_rows)
            items.insert(r.itemId);
        m_planned = items.size();
    }
}

std::optional<ExperimentDefinitionRecord>
ExperimentReport::findExperiment(const EventStore& store, const std::string& idOrName)
{
    return store.experimentDefinition(idOrName);
}

std::vector<AuditRecord>
ExperimentReport::approvalsFor(const ExperimentDefinitionRecord& record,
                               const std::vector<AuditRecord>& auditRecords)
{
    const std::string byId = "experiment/" + std::to_string(record.id);
    std::vector<AuditRecord> out;
    for (const AuditRecord& a : auditRecords) {
        bool mentions = !record.name.empty() && a.subject.find(record.name) != std::string::npos;
        // "experiment/1" must not match "experiment/12".
        for (size_t at = a.subject.find(byId); !mentions && at != std::string::npos;
             at = a.subject.find(byId, at + 1)) {
            const size_t end = at + byId.size();
            mentions = end == a.subject.size() || !std::isdigit(uint8_t(a.subject[end]));
        }
        if (mentions)
            out.push_back(a);
    }
    std::sort(out.begin(), out.end(),
              [](const AuditRecord& x, const AuditRecord& y) { return x.seq < y.seq; });
    return out;
}

std::optional<double> ExperimentReport::costUsd(const std::string& arm) const
{
    std::optional<double> total;
    for (const auto& m : m_record.definition.metrics) {
        if (m.kind != llmopt::offline::MetricKind::CostUsd)
            continue;
        for (const auto& r : m_rows) {
            if (r.arm != arm)
                continue;
            const auto it = r.scores.find(m.name);
            if (it != r.scores.end() && it->is_number())
                total = total.value_or(0.0) + it->get<double>();
        }
        break; // one cost metric is enough; a second would count the calls twice
    }
    return total;
}

QString ExperimentReport::chartSvg() const
{
    using Anchor = SvgChart::Anchor;
    const ChartLayout c = chartLayout(m_results);
    const double axisY = c.height() - ChartLayout::kBottom + 6;
    SvgChart svg(ChartLayout::kWidth, c.height(), c.title);
    svg.text({ChartLayout::kLeft, 18}, c.title, Anchor::Start, true);
    for (double t : c.ticks()) {
        svg.line({c.x(t), ChartLayout::kTop}, {c.x(t), axisY}, QStringLiteral("#ddd"));
        svg.text({c.x(t), axisY + 16}, num(t, 3), Anchor::Middle);
    }
    const QString bar = QStringLiteral("#236");
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const double y = c.y(i);
        svg.text({ChartLayout::kLeft - 10, y + 4}, b.arm, Anchor::End);
        if (!b.scored)
            continue;
        svg.line({c.x(b.low), y}, {c.x(b.high), y}, bar, 2);
        for (double end : {b.low, b.high})
            svg.line({c.x(end), y - 7}, {c.x(end), y + 7}, bar, 2);
        svg.circle({c.x(b.mean), y}, 5, QStringLiteral("#2a6"),
                   QStringLiteral("%1: %2 %3").arg(b.arm, num(b.mean), interval({b.low, b.high})));
    }
    return svg.toString();
}

QString ExperimentReport::html(bool inlineSvg) const
{
    const auto& d = m_record.definition;
    const auto& r = m_results;
    const std::string control = d.arms.empty() ? std::string() : d.arms.front().name;
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                        "<title>Experiment report: %1</title>\n<style>\n%2</style></head>\n"
                        "<body>\n")
             .arg(esc(d.name), report::style());
    h += QStringLiteral("<h1>Experiment report: %1</h1>\n").arg(esc(d.name));
    h += QStringLiteral("<p class=\"note\">Experiment id %1, definition version %2, stored %3. "
                        "Report generated %4 by llm-optimizer.</p>\n")
             .arg(m_record.id)
             .arg(m_record.version)
             .arg(utc(m_record.createdUnixNano),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!d.description.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(d.description));

    // The verdict first and boxed: it is what the reader came for.
    h += QStringLiteral("<table class=\"verdict\" bgcolor=\"#e8f7ec\" border=\"1\" "
                        "cellpadding=\"10\" width=\"100%\"><tr><td>"
                        "<p class=\"headline\"><b>Verdict — %1</b></p><p>%2</p>")
             .arg(verdictHeadline(r.verdict, control), esc(r.verdict.text));
    if (r.verdict.achievedPower)
        h += QStringLiteral("<p>Achieved power on the minimum effect %1: %2.</p>")
                 .arg(num(r.minimumEffect), num(*r.verdict.achievedPower, 3));
    if (r.verdict.detectableEffect)
        h += QStringLiteral("<p>Smallest effect detectable at power %1 with these items: %2.</p>")
                 .arg(num(d.power, 3), num(*r.verdict.detectableEffect, 3));
    h += QStringLiteral("</td></tr></table>\n");

    // Method.
    std::set<std::string> methods;
    for (const auto& c : r.comparisons)
        methods.insert(c.test.method);
    h += QStringLiteral("<h2>Method</h2>\n<ul>\n");
    h += QStringLiteral("<li>Primary metric: <b>%1</b>; significance level α = %2; planned "
                        "power %3 to find a difference of %4.</li>\n")
             .arg(esc(r.primaryMetric), num(d.alpha), num(d.power), num(d.minimumEffect));
    h += QStringLiteral(
             "<li>Each treatment arm is compared with the control (%1) on every metric: pass/fail "
             "metrics with the two-proportion z-test (Fisher's exact test when an expected count "
             "is "
             "below 5) and Newcombe's hybrid score interval; judge scores with the Mann–Whitney U "
             "test and the Hodges–Lehmann shift; other continuous metrics with Welch's t-test "
             "(Welch–Satterthwaite df). Arm means carry Wilson (proportions) or Student t "
             "intervals at %2%.</li>\n")
             .arg(esc(control), num((1.0 - d.alpha) * 100.0, 3));
    h += QStringLiteral("<li>p-values are Holm-adjusted across the treatment arms of each "
                        "metric; the always-valid p-value (mSPRT) stays valid however often "
                        "the results were looked at.</li>\n");
    if (!methods.empty()) {
        QStringList names;
        for (const auto& m : methods)
            names << esc(m);
        h += QStringLiteral("<li>Tests used here: %1.</li>\n")
                 .arg(names.join(QStringLiteral("; ")));
    }
    h += QStringLiteral("</ul>\n");

    // Dataset.
    h += QStringLiteral("<h2>Dataset</h2>\n<table class=\"data\" border=\"1\" cellspacing=\"0\">"
                        "<tr><th>Path</th><td>%1</td></tr><tr><th>Format</th><td>%2</td></tr>"
                        "<tr><th>Reference column</th><td>%3</td></tr>"
                        "<tr><th>Items per arm (planned)</th><td class=\"n\">%4</td></tr>"
                        "</table>\n")
             .arg(
                 esc(d.dataset.path),
                 esc(std::string(llmopt::offline::ExperimentDataset::formatName(d.dataset.format))),
                 esc(d.dataset.referenceColumn))
             .arg(m_planned);

    // Arms and their prompts.
    h += QStringLiteral("<h2>Arms</h2>\n");
    for (size_t i = 0; i < d.arms.size(); ++i) {
        const auto& a = d.arms[i];
        QStringList params;
        if (a.params.temperature)
            params << QStringLiteral("temperature %1").arg(num(*a.params.temperature));
        if (a.params.topP)
            params << QStringLiteral("top_p %1").arg(num(*a.params.topP));
        if (a.params.maxTokens)
            params << QStringLiteral("max_tokens %1").arg(*a.params.maxTokens);
        h += QStringLiteral("<h3>%1%2</h3>\n<p>%3 / %4%5</p>\n")
                 .arg(esc(a.name), i == 0 ? QStringLiteral(" (control)") : QString(),
                      esc(a.provider), esc(a.model),
                      params.isEmpty() ? QString() : QStringLiteral(", ") + params.join(", "));
        h += QStringLiteral("<p><b>System prompt</b></p>\n<pre>%1</pre>\n")
                 .arg(a.system.empty() ? QStringLiteral("(none)") : esc(a.system.text()));
        h += QStringLiteral("<p><b>User prompt template</b></p>\n<pre>%1</pre>\n")
                 .arg(esc(a.prompt.text()));
    }

    // Sample sizes and the sample-ratio note.
    h += QStringLiteral("<h2>Sample sizes</h2>\n<table class=\"data\" border=\"1\" "
                        "cellspacing=\"0\"><tr><th>Arm</th><th>Planned</th><th>Completed</th>"
                        "<th>Errors</th><th>Cost (USD)</th></tr>\n");
    bool balanced = true;
    bool anyCost = false;
    for (const auto& a : r.arms) {
        balanced = balanced && a.items == m_planned;
        const auto cost = costUsd(a.arm);
        anyCost = anyCost || cost.has_value();
        h += QStringLiteral("<tr><td>%1</td><td class=\"n\">%2</td><td class=\"n\">%3</td>"
                            "<td class=\"n\">%4</td><td class=\"n\">%5</td></tr>\n")
                 .arg(esc(a.arm))
                 .arg(m_planned)
                 .arg(a.items)
                 .arg(a.errors)
                 .arg(cost ? QString::number(*cost, 'f', 4) : QStringLiteral("—"));
    }
    h += QStringLiteral("</table>\n");
    if (balanced)
        h += QStringLiteral("<p>Sample ratio: every arm completed all %1 planned items.</p>\n")
                 .arg(m_planned);
    else
        h += QStringLiteral("<p><b>Sample ratio: the arms did not complete the same planned "
                            "%1 items</b> (see Completed above) — the run stopped early (spend "
                            "cap, interruption) or is still running; a rerun of "
                            "<code>experiment run</code> resumes it. Comparisons use the items "
                            "each arm has.</p>\n")
                 .arg(m_planned);
    if (!anyCost)
        h += QStringLiteral("<p class=\"note\">Cost is not measured: the definition has no "
                            "cost_usd metric.</p>\n");

    // Chart and per-arm results.
    h += QStringLiteral("<h2>Results</h2>\n");
    h += inlineSvg ? chartSvg()
                   : QStringLiteral("<p><img src=\"chart.png\" width=\"%1\" height=\"%2\"></p>\n")
                         .arg(int(ChartLayout::kWidth))
                         .arg(int(chartLayout(r).height()));
    h += QStringLiteral("<table class=\"data\" border=\"1\" cellspacing=\"0\"><tr><th>Arm</th>"
                        "<th>Metric</th><th>n</th><th>Mean</th><th>SD</th><th>Interval</th>"
                        "<th>Method</th></tr>\n");
    for (const auto& a : r.arms)
        for (const auto& s : a.metrics)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td>"
                                "<td class=\"n\">%4</td><td class=\"n\">%5</td><td>%6</td>"
                                "<td>%7</td></tr>\n")
                     .arg(esc(a.arm), esc(s.metric))
                     .arg(s.n)
                     .arg(s.n ? num(s.mean) : QStringLiteral("—"),
                          s.n > 1 ? num(s.standardDeviation) : QStringLiteral("—"),
                          s.n ? interval(s.interval) : QStringLiteral("—"), esc(s.intervalMethod));
    h += QStringLiteral("</table>\n");

    // The test gets a row of its own under each comparison: as a column it
    // squeezes the numbers on an A4 page.
    h += QStringLiteral("<h2>Comparisons with the control</h2>\n<table class=\"data\" "
                        "border=\"1\" cellspacing=\"0\" width=\"100%\"><tr><th>Arm</th>"
                        "<th>Metric</th><th>Difference</th><th>Interval</th><th>p</th>"
                        "<th>Holm p</th><th>Always-valid p</th><th>Effect size</th>"
                        "<th>Significant</th></tr>\n");
    for (const auto& c : r.comparisons) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td><td>%4</td>"
                            "<td class=\"n\">%5</td><td class=\"n\">%6</td>"
                            "<td class=\"n\">%7</td><td>%8</td><td>%9</td></tr>\n")
                 .arg(esc(c.arm), esc(c.metric), num(c.test.difference), interval(c.test.interval),
                      num(c.test.pValue), num(c.holmP), num(c.alwaysValidP),
                      QStringLiteral("%1 %2").arg(esc(c.test.effectSizeName),
                                                  num(c.test.effectSize, 3)),
                      c.significant ? (c.better ? QStringLiteral("yes, better")
                                                : QStringLiteral("yes, worse"))
                                    : QStringLiteral("no"));
        h += QStringLiteral("<tr><td></td><td colspan=\"8\" class=\"note\">Test: %1</td>"
                            "</tr>\n")
                 .arg(esc(c.test.method));
    }
    h += QStringLiteral("</table>\n");

    // Disagreements.
    h += QStringLiteral("<h2>Items where the arms disagree</h2>\n");
    if (r.disagreements.empty()) {
        h += QStringLiteral("<p>The arms score every item the same on %1.</p>\n")
                 .arg(esc(r.primaryMetric));
    } else {
        h += QStringLiteral("<p>%1 items score differently on %2")
                 .arg(r.disagreements.size())
                 .arg(esc(r.primaryMetric));
        if (r.disagreements.size() > kDisagreementsShown)
            h += QStringLiteral("; the first %1 are listed (the JSON and CSV have all)")
                     .arg(kDisagreementsShown);
        h += QStringLiteral(".</p>\n<table class=\"data\" border=\"1\" cellspacing=\"0\"><tr>"
                            "<th>Item</th>");
        for (const auto& a : r.arms)
            h += QStringLiteral("<th>%1</th>").arg(esc(a.arm));
        h += QStringLiteral("</tr>\n");
        for (size_t i = 0; i < r.disagreements.size() && i < kDisagreementsShown; ++i) {
            const auto& dis = r.disagreements[i];
            h += QStringLiteral("<tr><td>%1</td>").arg(esc(dis.itemId));
            for (size_t a = 0; a < r.arms.size(); ++a) {
                const auto v = a < dis.scores.size() ? dis.scores[a] : std::nullopt;
                h += QStringLiteral("<td class=\"n\">%1</td>")
                         .arg(v ? num(*v) : QStringLiteral("—"));
            }
            h += QStringLiteral("</tr>\n");
        }
        h += QStringLiteral("</table>\n");
    }

    // Who approved what.
    h += QStringLiteral("<h2>Who approved what</h2>\n");
    if (m_approvals.empty()) {
        h += QStringLiteral("<p>No approvals recorded.</p>\n");
    } else {
        h += QStringLiteral("<table class=\"data\" border=\"1\" cellspacing=\"0\"><tr>"
                            "<th>#</th><th>Time (UTC)</th><th>Who</th><th>Action</th>"
                            "<th>Subject</th></tr>\n");
        for (const AuditRecord& a : m_approvals)
            h += QStringLiteral("<tr><td class=\"n\">%1</td><td>%2</td><td>%3</td><td>%4</td>"
                                "<td>%5</td></tr>\n")
                     .arg(a.seq)
                     .arg(utc(a.timeUnixNano), esc(a.actor), esc(a.action), esc(a.subject));
        h += QStringLiteral("</table>\n<p class=\"note\">From the hash-chained audit log; "
                            "<code>llm-optimizer audit verify</code> checks it.</p>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

QString ExperimentReport::toHtml() const
{
    return html(true);
}

QByteArray ExperimentReport::toPdf() const
{
    return report::pdf(html(false), QStringLiteral("Experiment report: %1").arg(qs(m_record.name)),
                       {{QStringLiteral("chart.png"), chartSvg()}});
}

json ExperimentReport::toJson() const
{
    json j = m_results.toJson();
    j["definition"] = m_record.definition.toJson();
    json approvals = json::array();
    for (const AuditRecord& a : m_approvals)
        approvals.push_back({{"seq", a.seq},
                             {"time_unix_nano", a.timeUnixNano},
                             {"actor", a.actor},
                             {"action", a.action},
                             {"subject", a.subject},
                             {"evidence", a.evidence},
                             {"hash", a.hash}});
    j["approvals"] = approvals;
    return j;
}

QByteArray ExperimentReport::toCsv() const
{
    const auto field = &report::csvField;
    const auto& metrics = m_record.definition.metrics;
    QByteArray out = "item_id,arm,status";
    for (const auto& m : metrics)
        out += ',' + field(m.name);
    out += "\r\n";
    for (const auto& r : m_rows) {
        out += field(r.itemId) + ',' + field(r.arm) + ',' + field(r.status);
        for (const auto& m : metrics) {
            out += ',';
            const auto it = r.scores.find(m.name);
            if (it == r.scores.end() || it->is_null())
                continue;
            out += field(it->is_string() ? it->get<std::string>() : it->dump());
        }
        out += "\r\n";
    }
    return out;
}

bool ExperimentReport::write(Format format, const QString& path, QString* error) const
{
    return report::writeFile(path, report::render(*this, format), error);
}
