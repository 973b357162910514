#include "drift_report.h"

#include "svg_chart.h"

#include <QDateTime>
#include <algorithm>
#include <map>

using llmopt::Finding;
using nlohmann::json;

namespace {

constexpr Finding::Severity kSeverities[]
    = {Finding::Severity::Critical, Finding::Severity::Warning, Finding::Severity::Info};

QString severityColor(Finding::Severity s)
{
    switch (s) {
    case Finding::Severity::Critical:
        return QStringLiteral("#D55E00");
    case Finding::Severity::Warning:
        return QStringLiteral("#E69F00");
    case Finding::Severity::Info:
        break;
    }
    return QStringLiteral("#0072B2");
}

QString number(double x)
{
    return QString::number(x, 'g', 4);
}

// The labels and the two distributions a drift finding's evidence holds:
// numeric bins (edges with one more share than edges) or categories with counts.
struct Distribution {
    QStringList labels;
    std::vector<double> reference, current; // shares
};

std::vector<double> shares(const json& counts)
{
    std::vector<double> out;
    double total = 0;
    for (const json& c : counts)
        total += c.is_number() ? c.get<double>() : 0.0;
    for (const json& c : counts)
        out.push_back(total > 0 && c.is_number() ? c.get<double>() / total : 0.0);
    return out;
}

std::optional<Distribution> distribution(const Finding& f)
{
    const json& e = f.evidence;
    if (!e.is_object())
        return std::nullopt;
    Distribution d;
    if (e.contains("edges") && e.contains("reference_shares") && e.contains("current_shares")) {
        const json& edges = e["edges"];
        for (const json& s : e["reference_shares"])
            d.reference.push_back(s.is_number() ? s.get<double>() : 0.0);
        for (const json& s : e["current_shares"])
            d.current.push_back(s.is_number() ? s.get<double>() : 0.0);
        if (!edges.is_array() || d.reference.size() != edges.size() + 1
            || d.current.size() != d.reference.size())
            return std::nullopt;
        for (size_t i = 0; i < d.reference.size(); ++i) {
            const auto edge = [&](size_t k) {
                return edges[k].is_number() ? number(edges[k].get<double>()) : QStringLiteral("?");
            };
            d.labels << (i == 0                  ? QStringLiteral("< %1").arg(edge(0))
                             : i == edges.size() ? QStringLiteral("≥ %1").arg(edge(i - 1))
                                                 : edge(i - 1) + QStringLiteral("–") + edge(i));
        }
        return d;
    }
    if (e.contains("categories") && e.contains("reference_counts")
        && e.contains("current_counts")) {
        for (const json& c : e["categories"])
            d.labels << QString::fromStdString(c.is_string() ? c.get<std::string>() : c.dump());
        d.reference = shares(e["reference_counts"]);
        d.current = shares(e["current_counts"]);
        if (d.reference.size() != size_t(d.labels.size()) || d.current.size() != d.reference.size())
            return std::nullopt;
        return d;
    }
    return std::nullopt;
}

} // namespace

DriftReport::DriftReport(int64_t fromUnixNano, int64_t toUnixNano, std::vector<Finding> findings)
    : m_from(fromUnixNano)
    , m_to(toUnixNano)
{
    for (Finding& f : findings)
        if (f.analyzer != "cost")
            m_findings.push_back(std::move(f));
    std::stable_sort(m_findings.begin(), m_findings.end(), [](const Finding& a, const Finding& b) {
        return a.detectedAtUnixNano < b.detectedAtUnixNano;
    });
}

DriftReport DriftReport::load(const llmopt::EventStore& store, int64_t fromUnixNano,
                              int64_t toUnixNano)
{
    return DriftReport(fromUnixNano, toUnixNano,
                       store.findings(kMaxFindings, fromUnixNano, toUnixNano));
}

std::vector<const Finding*> DriftReport::strongestDrifts() const
{
    std::vector<const Finding*> out;
    for (const Finding& f : m_findings)
        if (f.analyzer == "drift" && distribution(f))
            out.push_back(&f);
    const auto psi = [](const Finding* f) { return f->evidence.value("psi", 0.0); };
    std::stable_sort(out.begin(), out.end(),
                     [&](const Finding* a, const Finding* b) { return psi(a) > psi(b); });
    return out;
}

QString DriftReport::timelineSvg() const
{
    const int64_t bucket = report::chartBucket(m_from, m_to);
    std::vector<SvgChart::Series> series;
    double yMax = 0;
    for (Finding::Severity severity : kSeverities) {
        std::map<int64_t, double> counts;
        for (const Finding& f : m_findings)
            if (f.severity == severity)
                counts[(f.detectedAtUnixNano - m_from) / bucket] += 1;
        SvgChart::Series s;
        s.name = QString::fromLatin1(Finding::severityName(severity));
        s.color = severityColor(severity);
        for (int64_t i = 0; m_from + i * bucket < m_to; ++i) {
            const double v = counts.count(i) ? counts[i] : 0.0;
            s.points.append({double(m_from + i * bucket + bucket / 2) / 1e6, v});
            yMax = std::max(yMax, v);
        }
        series.push_back(std::move(s));
    }
    return SvgChart::timeChart(bucket == report::kHourNanos
                                   ? QStringLiteral("Findings per hour by severity")
                                   : QStringLiteral("Findings per day by severity"),
                               QStringLiteral("n"), series, double(m_from) / 1e6,
                               double(m_to) / 1e6, std::max(1.0, yMax * 1.1));
}

QString DriftReport::distributionSvg(const Finding& f)
{
    const auto d = distribution(f);
    if (!d)
        return {};
    using Anchor = SvgChart::Anchor;
    constexpr double kWidth = 640, kLeft = 48, kRight = 16, kTop = 40, kPlot = 180, kBottom = 64;
    const double bins = double(d->labels.size());
    const double slot = (kWidth - kLeft - kRight) / std::max(1.0, bins);
    double top = 0;
    for (size_t i = 0; i < d->reference.size(); ++i)
        top = std::max({top, d->reference[i], d->current[i]});
    const AxisScale y = AxisScale::covering(0, top > 0 ? top * 100 : 1, 4);
    const auto yAt = [&](double share) { return kTop + kPlot - share * 100 / y.to * kPlot; };
    const QString title = QString::fromStdString(f.metric + " of " + f.key);
    SvgChart svg(kWidth, kTop + kPlot + kBottom, title);
    svg.text({kLeft, 20}, title, Anchor::Start, true);
    for (double t : y.ticks()) {
        svg.line({kLeft, yAt(t / 100)}, {kWidth - kRight, yAt(t / 100)}, QStringLiteral("#ddd"));
        svg.text({kLeft - 6, yAt(t / 100) + 4}, QString::number(t) + QStringLiteral(" %"),
                 Anchor::End);
    }
    const QString referenceColor = QStringLiteral("#999999"),
                  currentColor = QStringLiteral("#0072B2");
    for (int i = 0; i < d->labels.size(); ++i) {
        const double x = kLeft + slot * i;
        const double w = slot * 0.38;
        const auto bar = [&](double left, double share, const QString& color) {
            svg.polygon(
                {{left, yAt(0)}, {left, yAt(share)}, {left + w, yAt(share)}, {left + w, yAt(0)}},
                color, 1.0);
        };
        bar(x + slot * 0.1, d->reference[size_t(i)], referenceColor);
        bar(x + slot * 0.1 + w, d->current[size_t(i)], currentColor);
        svg.text({x + slot / 2, kTop + kPlot + 16}, d->labels[i], Anchor::Middle);
    }
    svg.line({kLeft, yAt(0)}, {kWidth - kRight, yAt(0)}, QStringLiteral("#888"));
    const double legend = kTop + kPlot + 44;
    svg.line({kLeft, legend - 4}, {kLeft + 18, legend - 4}, referenceColor, 8);
    svg.text({kLeft + 24, legend}, QStringLiteral("reference"));
    svg.line({kLeft + 120, legend - 4}, {kLeft + 138, legend - 4}, currentColor, 8);
    svg.text({kLeft + 144, legend}, QStringLiteral("current"));
    return svg.toString();
}

QString DriftReport::html(bool inlineSvg) const
{
    QString h = report::periodHead(QStringLiteral("Drift and anomaly report"), m_from, m_to);
    std::map<std::string, std::map<Finding::Severity, int>> counts;
    for (const Finding& f : m_findings)
        ++counts[f.analyzer][f.severity];
    h += QStringLiteral("<p class=\"headline\">%1 findings</p>\n").arg(m_findings.size());
    h += QStringLiteral(
        "<table class=\"data\" width=\"100%\"><tr><th>Analyzer</th><th>critical</th>"
        "<th>warning</th><th>info</th></tr>\n");
    for (const auto& [analyzer, bySeverity] : counts) {
        h += QStringLiteral("<tr><td>%1</td>").arg(report::escaped(analyzer));
        for (Finding::Severity s : kSeverities) {
            const auto found = bySeverity.find(s);
            h += QStringLiteral("<td class=\"n\">%1</td>")
                     .arg(found == bySeverity.end() ? 0 : found->second);
        }
        h += QStringLiteral("</tr>\n");
    }
    if (counts.empty())
        h += QStringLiteral("<tr><td colspan=\"4\">No findings in this period.</td></tr>\n");
    h += QStringLiteral("</table>\n<h2>Over time</h2>\n");
    h += inlineSvg ? timelineSvg() + QLatin1Char('\n')
                   : QStringLiteral("<p><img src=\"timeline.png\" width=\"640\"></p>\n");

    const auto drifts = strongestDrifts();
    if (!drifts.empty()) {
        h += QStringLiteral("<h2>Strongest drifts: reference against current</h2>\n");
        for (size_t i = 0; i < std::min(drifts.size(), kDistributionsShown); ++i) {
            const Finding& f = *drifts[i];
            h += QStringLiteral("<p>%1 · PSI %2 · %3</p>\n")
                     .arg(report::escaped(f.summary), number(f.evidence.value("psi", 0.0)),
                          report::utc(f.detectedAtUnixNano));
            h += inlineSvg
                ? distributionSvg(f) + QLatin1Char('\n')
                : QStringLiteral("<p><img src=\"drift-%1.png\" width=\"480\"></p>\n").arg(i);
        }
    }
    h += QStringLiteral(
        "<h2>Findings</h2>\n<table class=\"data\" width=\"100%\"><tr><th>Detected</th>"
        "<th>Analyzer</th><th>Key</th><th>Metric</th><th>Severity</th>"
        "<th>Method</th><th>Statistic</th><th>p</th><th>Summary</th></tr>\n");
    for (const Finding& f : m_findings)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                            "<td>%6</td><td class=\"n\">%7</td><td class=\"n\">%8</td>"
                            "<td>%9</td></tr>\n")
                 .arg(report::utc(f.detectedAtUnixNano), report::escaped(f.analyzer),
                      report::escaped(f.key), report::escaped(f.metric),
                      QString::fromLatin1(Finding::severityName(f.severity)),
                      report::escaped(f.method), number(f.statistic),
                      f.pValue ? number(*f.pValue) : QStringLiteral("–"),
                      report::escaped(f.summary));
    h += QStringLiteral("</table>\n<h2>Method</h2>\n<p>Findings as the analyzers concluded "
                        "them when their windows closed (docs/telemetry.md, docs/architecture.md): "
                        "drift by two-sample Kolmogorov–Smirnov or χ² against a reference "
                        "window with the population stability index (PSI) over its deciles or "
                        "categories; anomalies by robust z-scores; quality and performance by "
                        "their own tests, named per finding. Times are UTC.</p>\n</body></html>\n");
    return h;
}

QString DriftReport::toHtml() const
{
    return html(true);
}

QByteArray DriftReport::toPdf() const
{
    std::vector<report::Picture> pictures{{QStringLiteral("timeline.png"), timelineSvg()}};
    const auto drifts = strongestDrifts();
    for (size_t i = 0; i < std::min(drifts.size(), kDistributionsShown); ++i)
        pictures.push_back({QStringLiteral("drift-%1.png").arg(i), distributionSvg(*drifts[i])});
    return report::pdf(
        html(false),
        QStringLiteral("Drift report %1 – %2").arg(report::utc(m_from), report::utc(m_to)),
        pictures);
}

json DriftReport::toJson() const
{
    json findings = json::array();
    for (const Finding& f : m_findings)
        findings.push_back(f.toJson());
    return {{"report", "drift"},
            {"from_unix_nano", m_from},
            {"to_unix_nano", m_to},
            {"findings", findings}};
}

QByteArray DriftReport::toCsv() const
{
    QByteArray out = "detected_utc,analyzer,grouping,key,metric,severity,method,statistic,"
                     "p_value,threshold,summary\r\n";
    const auto optional = [](const std::optional<double>& v) {
        return v ? QByteArray::number(*v, 'g', 12) : QByteArray();
    };
    for (const Finding& f : m_findings)
        out += report::csvField(report::utc(f.detectedAtUnixNano).toStdString()) + ','
            + report::csvField(f.analyzer) + ',' + report::csvField(f.grouping) + ','
            + report::csvField(f.key) + ',' + report::csvField(f.metric) + ','
            + Finding::severityName(f.severity) + ',' + report::csvField(f.method) + ','
            + QByteArray::number(f.statistic, 'g', 12) + ',' + optional(f.pValue) + ','
            + optional(f.threshold) + ',' + report::csvField(f.summary) + "\r\n";
    return out;
}

bool DriftReport::write(report::Format format, const QString& path, QString* error) const
{
    return report::writeFile(path, report::render(*this, format), error);
}
