#include "cost_report.h"

#include "event_store.h"
#include "svg_chart.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <set>

using llmopt::CostAnalyzer;
using llmopt::CostCell;
using nlohmann::json;

namespace {

// Series colours of the exported charts, in order (Okabe–Ito, colour-blind safe).
const QStringList kPalette
    = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"};

// Cents from a dollar up; four significant digits below.
QString usd(double value)
{
    return QStringLiteral("$")
        + (value >= 1 || value == 0 ? QString::number(value, 'f', 2)
                                    : QString::number(value, 'g', 4));
}

QString count(uint64_t n)
{
    return QLocale::c().toString(qulonglong(n));
}

// Token counts in thousands or millions, to keep the tables narrow.
QString tokens(uint64_t n)
{
    if (n >= 10'000'000)
        return QString::number(double(n) / 1e6, 'f', 1) + QStringLiteral(" M");
    if (n >= 10'000)
        return QString::number(double(n) / 1e3, 'f', 0) + QStringLiteral(" k");
    return count(n);
}

QString month(int64_t unixNano)
{
    return QDateTime::fromMSecsSinceEpoch(unixNano / 1'000'000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM"));
}

QString day(int64_t unixNano)
{
    return QDateTime::fromMSecsSinceEpoch(unixNano / 1'000'000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd"));
}

void add(CostReport::Row& row, const CostCell& c)
{
    row.calls += c.requests;
    row.costUsd += c.costUsd;
    row.unpriced += c.costUnknown;
    row.inputTokens += c.inputTokens;
    row.outputTokens += c.outputTokens;
}

json rowJson(const CostReport::Row& r)
{
    json j = {{"calls", r.calls},
              {"cost_usd", r.costUsd},
              {"unpriced_calls", r.unpriced},
              {"input_tokens", r.inputTokens},
              {"output_tokens", r.outputTokens}};
    if (!r.service.empty())
        j["service"] = r.service;
    if (!r.model.empty())
        j["model"] = r.model;
    return j;
}

} // namespace

int CostReport::BudgetCheck::daysOver() const
{
    return int(std::count_if(days.begin(), days.end(), [&](const auto& d) {
        return budget.dailyUsd > 0 && d.second > budget.dailyUsd;
    }));
}

int CostReport::BudgetCheck::monthsOver() const
{
    return int(std::count_if(months.begin(), months.end(), [&](const auto& m) {
        return budget.monthlyUsd > 0 && m.second > budget.monthlyUsd;
    }));
}

CostReport::CostReport(int64_t fromUnixNano, int64_t toUnixNano, std::vector<CostCell> cells,
                       std::map<std::string, CostAnalyzer::Budget> budgets)
    : m_from(fromUnixNano)
    , m_to(toUnixNano)
    , m_cells(std::move(cells))
    , m_budgets(std::move(budgets))
{
    for (const CostCell& c : m_cells)
        add(m_total, c);
}

CostReport CostReport::load(const llmopt::EventStore& store, int64_t fromUnixNano,
                            int64_t toUnixNano, std::map<std::string, CostAnalyzer::Budget> budgets)
{
    const int64_t from
        = (fromUnixNano >= 0 ? fromUnixNano : fromUnixNano - kHour + 1) / kHour * kHour;
    const std::string grouping(llmopt::groupingName(llmopt::Grouping::ServiceVariant));
    return CostReport(from, toUnixNano, store.costCells(grouping, from, toUnixNano, kHour),
                      std::move(budgets));
}

std::vector<CostReport::Row> CostReport::grouped(bool byService, bool byModel) const
{
    std::map<std::pair<std::string, std::string>, Row> rows;
    for (const CostCell& c : m_cells) {
        Row& r = rows[{byService ? c.service : std::string(), byModel ? c.model : std::string()}];
        r.service = byService ? c.service : std::string();
        r.model = byModel ? c.model : std::string();
        add(r, c);
    }
    std::vector<Row> out;
    for (auto& [key, row] : rows)
        out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) {
        return a.costUsd != b.costUsd ? a.costUsd > b.costUsd : a.calls > b.calls;
    });
    return out;
}

std::vector<CostReport::Row> CostReport::byService() const
{
    return grouped(true, false);
}

std::vector<CostReport::Row> CostReport::byModel() const
{
    return grouped(false, true);
}

std::vector<CostReport::Row> CostReport::byServiceAndModel() const
{
    return grouped(true, true);
}

std::vector<CostReport::BudgetCheck> CostReport::budgetChecks() const
{
    std::vector<BudgetCheck> out;
    for (const auto& [service, budget] : m_budgets) {
        BudgetCheck check{service, budget, {}, {}};
        std::map<int64_t, double> days, months;
        for (const CostCell& c : m_cells) {
            if (c.service != service)
                continue;
            days[CostAnalyzer::dayOf(c.bucketStartUnixNano).startUnixNano] += c.costUsd;
            months[CostAnalyzer::monthOf(c.bucketStartUnixNano).startUnixNano] += c.costUsd;
        }
        check.days.assign(days.begin(), days.end());
        check.months.assign(months.begin(), months.end());
        out.push_back(std::move(check));
    }
    return out;
}

QString CostReport::chartSvg() const
{
    const int64_t bucket = chartBucket();
    std::map<std::string, std::map<int64_t, double>> perService;
    for (const CostCell& c : m_cells)
        perService[c.service][m_from + (c.bucketStartUnixNano - m_from) / bucket * bucket]
            += c.costUsd;
    std::vector<SvgChart::Series> series;
    double yMax = 0;
    for (const auto& [service, buckets] : perService) {
        SvgChart::Series s;
        s.name = QString::fromStdString(service);
        s.color = kPalette[int(series.size()) % kPalette.size()];
        // Every bucket of the period, so that a quiet one reads as $0, not as a gap.
        for (int64_t t = m_from; t < m_to; t += bucket) {
            const auto found = buckets.find(t);
            const double v = found == buckets.end() ? 0.0 : found->second;
            s.points.append({double(t + bucket / 2) / 1e6, v});
            yMax = std::max(yMax, v);
        }
        series.push_back(std::move(s));
    }
    const QString title = bucket == kHour ? QStringLiteral("Spend per hour by service")
                                          : QStringLiteral("Spend per day by service");
    return SvgChart::timeChart(title, QStringLiteral("USD"), series, double(m_from) / 1e6,
                               double(m_to) / 1e6, yMax * 1.1);
}

QString CostReport::html(bool inlineSvg) const
{
    QString h = report::periodHead(QStringLiteral("Cost report"), m_from, m_to);
    h += QStringLiteral("<p class=\"headline\">%1 spent on %2 calls</p>\n")
             .arg(usd(totalUsd()), count(calls()));
    if (calls() > 0)
        h += QStringLiteral("<p>%1 per 1,000 calls on average.</p>\n")
                 .arg(usd(totalUsd() / double(calls()) * 1000.0));
    if (unpriced() > 0) {
        std::set<std::string> models;
        for (const Row& r : byModel())
            if (r.unpriced > 0)
                models.insert(r.model);
        QStringList names;
        for (const std::string& m : models)
            names << report::escaped(m);
        h += QStringLiteral("<p class=\"note\">%1 calls have no price (models %2): they are "
                            "counted but not in the spend — add the models to the price "
                            "table.</p>\n")
                 .arg(count(unpriced()), names.join(QStringLiteral(", ")));
    }
    h += QStringLiteral("<h2>Spend over time</h2>\n");
    h += inlineSvg ? chartSvg() + QLatin1Char('\n')
                   : QStringLiteral("<p><img src=\"chart.png\" width=\"640\"></p>\n");

    const auto table = [&](const QString& heading, const std::vector<Row>& rows, bool service,
                           bool model) {
        h += QStringLiteral("<h2>%1</h2>\n<table class=\"data\" width=\"100%\"><tr>").arg(heading);
        if (service)
            h += QStringLiteral("<th>Service</th>");
        if (model)
            h += QStringLiteral("<th>Model</th>");
        h += QStringLiteral("<th>Spend</th><th>Share</th><th>Calls</th><th>Per 1,000 calls</th>"
                            "<th>Input tokens</th><th>Output tokens</th><th>Unpriced calls</th>"
                            "</tr>\n");
        for (const Row& r : rows) {
            h += QStringLiteral("<tr>");
            if (service)
                h += QStringLiteral("<td>%1</td>").arg(report::escaped(r.service));
            if (model)
                h += QStringLiteral("<td>%1</td>").arg(report::escaped(r.model));
            const uint64_t priced = r.calls - std::min(r.calls, r.unpriced);
            h += QStringLiteral("<td class=\"n\">%1</td><td class=\"n\">%2 %</td>"
                                "<td class=\"n\">%3</td><td class=\"n\">%4</td>"
                                "<td class=\"n\">%5</td><td class=\"n\">%6</td>"
                                "<td class=\"n\">%7</td></tr>\n")
                     .arg(
                         usd(r.costUsd),
                         QString::number(totalUsd() > 0 ? r.costUsd / totalUsd() * 100 : 0, 'f', 1),
                         count(r.calls),
                         priced > 0 ? usd(r.costUsd / double(priced) * 1000.0)
                                    : QStringLiteral("–"),
                         tokens(r.inputTokens), tokens(r.outputTokens), count(r.unpriced));
        }
        if (rows.empty())
            h += QStringLiteral("<tr><td colspan=\"9\">No calls in this period.</td></tr>\n");
        h += QStringLiteral("</table>\n");
    };
    table(QStringLiteral("By service"), byService(), true, false);
    table(QStringLiteral("By model"), byModel(), false, true);
    table(QStringLiteral("Cost drivers (service and model)"), byServiceAndModel(), true, true);

    h += QStringLiteral("<h2>Budgets</h2>\n");
    const auto checks = budgetChecks();
    if (checks.empty()) {
        h += QStringLiteral("<p class=\"note\">No budgets are configured (budgets: in the "
                            "configuration file).</p>\n");
    } else {
        h += QStringLiteral(
            "<table class=\"data\" width=\"100%\"><tr><th>Service</th><th>Daily budget</th>"
            "<th>Days over it</th><th>Highest day</th><th>Monthly budget</th>"
            "<th>Months over it</th><th>Months in the period</th></tr>\n");
        for (const BudgetCheck& b : checks) {
            const auto highest
                = std::max_element(b.days.begin(), b.days.end(), [](const auto& x, const auto& y) {
                      return x.second < y.second;
                  });
            QStringList months;
            for (const auto& [start, spent] : b.months)
                months << QStringLiteral("%1: %2").arg(month(start), usd(spent));
            h += QStringLiteral("<tr><td>%1</td><td class=\"n\">%2</td><td class=\"n\">%3 of "
                                "%4</td><td>%5</td><td class=\"n\">%6</td><td class=\"n\">%7</td>"
                                "<td>%8</td></tr>\n")
                     .arg(report::escaped(b.service),
                          b.budget.dailyUsd > 0 ? usd(b.budget.dailyUsd) : QStringLiteral("–"),
                          QString::number(b.daysOver()), QString::number(b.days.size()),
                          highest == b.days.end()
                              ? QStringLiteral("–")
                              : QStringLiteral("%1 on %2")
                                    .arg(usd(highest->second), day(highest->first)),
                          b.budget.monthlyUsd > 0 ? usd(b.budget.monthlyUsd) : QStringLiteral("–"),
                          QString::number(b.monthsOver()), months.join(QStringLiteral("; ")));
        }
        h += QStringLiteral("</table>\n<p class=\"note\">Days and months are UTC; a month the "
                            "period covers only in part is compared with the whole budget.</p>\n");
    }
    h += QStringLiteral("<h2>Method</h2>\n<p>Sums over the stored one-minute windows of each "
                        "service and variant that start in the period (from the start of its "
                        "first hour). Spend is the priced calls' cost from the price table at "
                        "ingest; calls without a price count as calls, not as $0.</p>\n");
    h += QStringLiteral("</body></html>\n");
    return h;
}

QString CostReport::toHtml() const
{
    return html(true);
}

QByteArray CostReport::toPdf() const
{
    return report::pdf(
        html(false),
        QStringLiteral("Cost report %1 – %2").arg(report::utc(m_from), report::utc(m_to)),
        {{QStringLiteral("chart.png"), chartSvg()}});
}

json CostReport::toJson() const
{
    json services = json::array(), models = json::array(), drivers = json::array(),
         budgets = json::array();
    for (const Row& r : byService())
        services.push_back(rowJson(r));
    for (const Row& r : byModel())
        models.push_back(rowJson(r));
    for (const Row& r : byServiceAndModel())
        drivers.push_back(rowJson(r));
    for (const BudgetCheck& b : budgetChecks()) {
        json days = json::array(), months = json::array();
        for (const auto& [start, spent] : b.days)
            days.push_back({{"day", day(start).toStdString()}, {"cost_usd", spent}});
        for (const auto& [start, spent] : b.months)
            months.push_back({{"month", month(start).toStdString()}, {"cost_usd", spent}});
        budgets.push_back({{"service", b.service},
                           {"daily_usd", b.budget.dailyUsd},
                           {"monthly_usd", b.budget.monthlyUsd},
                           {"days_over", b.daysOver()},
                           {"months_over", b.monthsOver()},
                           {"days", days},
                           {"months", months}});
    }
    return {{"report", "cost"},
            {"from_unix_nano", m_from},
            {"to_unix_nano", m_to},
            {"total", rowJson(m_total)},
            {"by_service", services},
            {"by_model", models},
            {"by_service_and_model", drivers},
            {"budgets", budgets}};
}

QByteArray CostReport::toCsv() const
{
    QByteArray out = "hour_start_utc,service,model,calls,cost_usd,unpriced_calls,input_tokens,"
                     "output_tokens\r\n";
    for (const CostCell& c : m_cells)
        out += report::csvField(report::utc(c.bucketStartUnixNano).toStdString()) + ','
            + report::csvField(c.service) + ',' + report::csvField(c.model) + ','
            + QByteArray::number(qulonglong(c.requests)) + ','
            + QByteArray::number(c.costUsd, 'g', 12) + ','
            + QByteArray::number(qulonglong(c.costUnknown)) + ','
            + QByteArray::number(qulonglong(c.inputTokens)) + ','
            + QByteArray::number(qulonglong(c.outputTokens)) + "\r\n";
    return out;
}

bool CostReport::write(report::Format format, const QString& path, QString* error) const
{
    return report::writeFile(path, report::render(*this, format), error);
}
