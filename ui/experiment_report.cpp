#include "experiment_report.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
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

// The chart's geometry, shared by the SVG and the QPainter rendering so that
// HTML and PDF show the same picture.
struct ChartLayout {
    static constexpr double kWidth = 560, kLeft = 120, kRight = 24, kTop = 34, kRow = 34,
                            kBottom = 40;
    std::vector<ChartBar> bars;
    QString title;
    double from = 0, to = 1, step = 0.25;
    double height() const
    {
        return kTop + kRow * double(std::max<size_t>(bars.size(), 1)) + kBottom;
    }
    double x(double v) const
    {
        return kLeft + (v - from) / (to - from) * (kWidth - kLeft - kRight);
    }
    double y(size_t row) const { return kTop + kRow * (double(row) + 0.5); }
    std::vector<double> ticks() const
    {
        std::vector<double> t;
        for (double v = from; v <= to + step * 1e-6; v += step)
            t.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
        return t;
    }
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
    // Round the axis out to a step of 1, 2 or 5 × 10^k so the ticks read well.
    const double raw = (hi - lo) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    layout.from = std::floor(lo / step) * step;
    layout.to = std::ceil(hi / step) * step;
    layout.step = step;
    return layout;
}

const QString kStyle = QStringLiteral(
    "body { font-family: sans-serif; font-size: 10pt; color: #222; }\n"
    "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 18px; }\n"
    "table.data { border-collapse: collapse; margin: 6px 0; }\n"
    "table.data th, table.data td { border: 1px solid #bbb; padding: 3px 6px; "
    "text-align: left; vertical-align: top; }\n"
    "table.data th { background-color: #eef; }\n"
    "td.n { text-align: right; }\n"
    "pre { background-color: #f5f5f5; padding: 6px; white-space: pre-wrap; "
    "font-family: monospace; }\n"
    "table.verdict { border: 2px solid #2a6; background-color: #e8f7ec; margin: 10px 0; "
    "width: 100%; }\n"
    "table.verdict td { padding: 10px; }\n"
    ".headline { font-size: 15pt; font-weight: bold; }\n"
    ".note { color: #555; }\n");

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

std::optional<ExperimentReport::Format> ExperimentReport::formatFromName(std::string_view name)
{
    if (name == "html")
        return Format::Html;
    if (name == "pdf")
        return Format::Pdf;
    if (name == "json")
        return Format::Json;
    if (name == "csv")
        return Format::Csv;
    return std::nullopt;
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
    const ChartLayout c = chartLayout(m_results);
    const double w = ChartLayout::kWidth, h = c.height();
    const double axisY = h - ChartLayout::kBottom + 6;
    QString s = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                               "height=\"%2\" viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" "
                               "font-size=\"12\" role=\"img\">\n")
                    .arg(w)
                    .arg(h);
    s += QStringLiteral("<title>%1</title>\n").arg(c.title.toHtmlEscaped());
    s += QStringLiteral("<text x=\"%1\" y=\"18\" font-weight=\"bold\">%2</text>\n")
             .arg(ChartLayout::kLeft)
             .arg(c.title.toHtmlEscaped());
    for (double t : c.ticks()) {
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#ddd\"/>\n")
                 .arg(c.x(t), 0, 'f', 1)
                 .arg(ChartLayout::kTop)
                 .arg(axisY);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
                 .arg(c.x(t), 0, 'f', 1)
                 .arg(axisY + 16)
                 .arg(num(t, 3));
    }
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const double y = c.y(i);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                 .arg(ChartLayout::kLeft - 10)
                 .arg(y + 4, 0, 'f', 1)
                 .arg(b.arm.toHtmlEscaped());
        if (!b.scored)
            continue;
        s += QStringLiteral("<line x1=\"%1\" y1=\"%3\" x2=\"%2\" y2=\"%3\" stroke=\"#236\" "
                            "stroke-width=\"2\"/>\n")
                 .arg(c.x(b.low), 0, 'f', 1)
                 .arg(c.x(b.high), 0, 'f', 1)
                 .arg(y, 0, 'f', 1);
        for (double end : {b.low, b.high})
            s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#236\" "
                                "stroke-width=\"2\"/>\n")
                     .arg(c.x(end), 0, 'f', 1)
                     .arg(y - 7, 0, 'f', 1)
                     .arg(y + 7, 0, 'f', 1);
        s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"#2a6\"><title>%3: %4 "
                            "%5</title></circle>\n")
                 .arg(c.x(b.mean), 0, 'f', 1)
                 .arg(y, 0, 'f', 1)
                 .arg(b.arm.toHtmlEscaped(), num(b.mean), interval({b.low, b.high}));
    }
    s += QStringLiteral("</svg>\n");
    return s;
}

QImage ExperimentReport::chartImage() const
{
    const ChartLayout c = chartLayout(m_results);
    constexpr qreal kScale = 2.0; // sharp when the PDF is zoomed
    QImage image(QSize(int(ChartLayout::kWidth * kScale), int(c.height() * kScale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(kScale, kScale);
    QFont font(QStringLiteral("sans-serif"));
    font.setPixelSize(12);
    p.setFont(font);
    const double axisY = c.height() - ChartLayout::kBottom + 6;
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QPointF(ChartLayout::kLeft, 18), c.title);
    p.setFont(font);
    for (double t : c.ticks()) {
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        p.drawLine(QPointF(c.x(t), ChartLayout::kTop), QPointF(c.x(t), axisY));
        p.setPen(Qt::black);
        p.drawText(QRectF(c.x(t) - 40, axisY + 4, 80, 16), Qt::AlignHCenter | Qt::AlignTop,
                   num(t, 3));
    }
    const QPen bar(QColor(0x22, 0x33, 0x66), 2);
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const double y = c.y(i);
        p.setPen(Qt::black);
        p.drawText(QRectF(0, y - 9, ChartLayout::kLeft - 10, 18), Qt::AlignRight | Qt::AlignVCenter,
                   b.arm);
        if (!b.scored)
            continue;
        p.setPen(bar);
        p.drawLine(QPointF(c.x(b.low), y), QPointF(c.x(b.high), y));
        p.drawLine(QPointF(c.x(b.low), y - 7), QPointF(c.x(b.low), y + 7));
        p.drawLine(QPointF(c.x(b.high), y - 7), QPointF(c.x(b.high), y + 7));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x22, 0xaa, 0x66));
        p.drawEllipse(QPointF(c.x(b.mean), y), 5, 5);
        p.setBrush(Qt::NoBrush);
    }
    p.end();
    image.setDevicePixelRatio(kScale);
    return image;
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
             .arg(esc(d.name), kStyle);
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
    QTextDocument document;
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")),
                         chartImage());
    document.setHtml(html(false));

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(QStringLiteral("Experiment report: %1").arg(qs(m_record.name)));
        writer.setCreator(QStringLiteral("llm-optimizer"));
        document.print(&writer);
    } // the writer finishes the file when it is destroyed
    return bytes;
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
    // RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    const auto field = [](const std::string& s) {
        QByteArray f = QByteArray::fromStdString(s);
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
            f.replace("\"", "\"\"");
            f = '"' + f + '"';
        }
        return f;
    };
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
    QByteArray bytes;
    switch (format) {
    case Format::Html:
        bytes = toHtml().toUtf8();
        break;
    case Format::Pdf:
        bytes = toPdf();
        break;
    case Format::Json:
        bytes = QByteArray::fromStdString(toJson().dump(2)) + '\n';
        break;
    case Format::Csv:
        bytes = toCsv();
        break;
    }
    // Written to a temporary file and renamed: a failed export leaves no half report.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write the report to %1: %2 — choose another --out")
                         .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    }
    return true;
}
