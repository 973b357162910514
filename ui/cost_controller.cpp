#include "cost_controller.h"

#include "money_text.h"
#include "series_downsampler.h"
#include "stream_processor.h"
#include "svg_chart.h"
#include "view_filter.h"

#include <QXYSeries>
#include <algorithm>
#include <set>
#include <utility>

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

double msecs(int64_t unixNano)
{
    return double(unixNano / 1'000'000);
}

std::map<std::string, double> spendByService(const std::vector<llmopt::CostCell>& cells)
{
    std::map<std::string, double> out;
    for (const llmopt::CostCell& c : cells)
        out[c.service] += c.costUsd;
    return out;
}

} // namespace

struct CostController::Loaded {
    int64_t from = 0, to = 0, bucket = kMinute;
    std::vector<llmopt::CostCell> cells;
    std::map<std::string, double> today, month, lastHour; // spend by service
    QString error;
};

CostController::CostController(QObject* parent)
    : QObject(parent)
    , m_budgetModel(new CostBudgetModel(this))
    , m_driverModel(new CostDriverModel(this))
{
    m_worker.setMaxThreadCount(1);
    connect(&m_refresh, &QTimer::timeout, this, &CostController::refresh);
}

CostController::~CostController()
{
    m_worker.waitForDone(); // its answer refers to this object
}

void CostController::setBudgets(std::map<std::string, llmopt::CostAnalyzer::Budget> budgets)
{
    m_budgets = std::move(budgets);
    rebuildSeries();
}

bool CostController::shown(const std::string& service) const
{
    return !m_filter || m_filter->matchesService(service);
}

void CostController::setFilter(ViewFilter* filter)
{
    m_filter = filter;
    connect(filter, &ViewFilter::changed, this, &CostController::refresh);
    refresh();
}

void CostController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (active)
        refresh();
    else
        m_refresh.stop();
}

void CostController::setByService(bool byService)
{
    if (byService == m_byService)
        return;
    m_byService = byService;
    rebuildSeries();
}

void CostController::setStacked(bool stacked)
{
    if (stacked == m_stacked)
        return;
    m_stacked = stacked;
    rebuildSeries();
}

QDateTime CostController::timeFrom() const
{
    return QDateTime::fromMSecsSinceEpoch(m_from / 1'000'000);
}

QDateTime CostController::timeTo() const
{
    return QDateTime::fromMSecsSinceEpoch(m_to / 1'000'000);
}

int CostController::tickCount() const
{
    // Ticks a whole number of buckets apart: 5 to 8 of them.
    const int64_t buckets = (m_to - m_from) / m_bucket;
    for (int64_t gaps : {6, 5, 4, 7})
        if (buckets > 0 && buckets % gaps == 0)
            return int(gaps) + 1;
    return 7;
}

QString CostController::bucketText() const
{
    const int minutes = int(m_bucket / kMinute);
    return minutes % 60 == 0 ? tr("%n hour(s)", "", minutes / 60) : tr("%n min", "", minutes);
}

void CostController::refresh()
{
    if (!m_active || m_databasePath.isEmpty() || !m_filter)
        return;
    const ViewFilter::Period period = m_filter->periodNow();
    const int64_t span = period.toUnixNano - period.fromUnixNano;
    // Live: the one-minute windows themselves, as they close.
    const int64_t bucket = m_filter->live() ? kMinute : ViewFilter::bucketNanos(span);
    // Whole buckets only, ending with the newest: a bucket still filling would read low.
    const int64_t to = period.toUnixNano / bucket * bucket;
    const int64_t from = m_filter->range() == ViewFilter::Custom
        ? period.fromUnixNano / bucket * bucket
        : to - span;
    const int request = ++m_request;
    if (m_filter->range() == ViewFilter::Custom)
        m_refresh.stop(); // a period in the past does not change
    else
        m_refresh.start(m_filter->live() ? 10'000 : 30'000);
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged();
    }
    m_worker.start([this, request, from, to, bucket, path = m_databasePath.toStdString(),
                    service = m_filter->service().toStdString()] {
        Loaded loaded;
        loaded.from = from;
        loaded.to = to;
        loaded.bucket = bucket;
        try {
            // A connection of this thread's own: the engine's belongs to the engine thread.
            const llmopt::EventStore store(path);
            const std::string grouping(
                llmopt::groupingName(llmopt::Grouping::ServiceVariant)); // as the engine stores
            loaded.cells = store.costCells(grouping, from, to, bucket, service);
            // Spend so far in the budget periods and the last hour (the forecasts' rate).
            const auto spend = [&](int64_t start) {
                return spendByService(
                    store.costCells(grouping, start, to, to - start + 1, service));
            };
            loaded.month = spend(llmopt::CostAnalyzer::monthOf(to).startUnixNano);
            loaded.today = spend(llmopt::CostAnalyzer::dayOf(to).startUnixNano);
            loaded.lastHour = spend(to - kHour);
        } catch (const std::exception& e) {
            loaded.error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, loaded = std::move(loaded)]() mutable {
                if (request == m_request) // else the range changed meanwhile
                    apply(std::move(loaded));
            },
            Qt::QueuedConnection);
    });
}

void CostController::windowsStored(quint64 count)
{
    if (count == m_windowsSeen)
        return;
    m_windowsSeen = count;
    if (m_loading)
        m_stale = true;
    else
        refresh();
}

void CostController::apply(Loaded loaded)
{
    m_loading = false;
    m_error = loaded.error;
    Q_EMIT loadingChanged();
    if (std::exchange(m_stale, false))
        refresh();
    if (!loaded.error.isEmpty())
        return; // the last good answer stays on screen
    m_from = loaded.from;
    m_to = loaded.to;
    m_bucket = loaded.bucket;
    m_cells = std::move(loaded.cells);

    // Totals and drivers (model × service).
    m_totalUsd = 0;
    m_totalCalls = m_unpricedCalls = 0;
    std::map<std::pair<std::string, std::string>, CostDriver> drivers;
    std::set<QString> unpriced;
    std::map<std::string, double> inRange;
    for (const llmopt::CostCell& c : m_cells) {
        m_totalUsd += c.costUsd;
        m_totalCalls += c.requests;
        m_unpricedCalls += c.costUnknown;
        inRange[c.service] += c.costUsd;
        CostDriver& d = drivers[{c.model, c.service}];
        d.model = QString::fromStdString(c.model);
        d.service = QString::fromStdString(c.service);
        d.costUsd += c.costUsd;
        d.requests += c.requests;
        d.costUnknown += c.costUnknown;
        d.inputTokens += c.inputTokens;
        d.outputTokens += c.outputTokens;
        if (c.costUnknown > 0)
            unpriced.insert(d.model);
    }
    m_unpricedModels = QStringList(unpriced.begin(), unpriced.end());
    std::vector<CostDriver> driverRows;
    for (auto& [key, d] : drivers)
        driverRows.push_back(std::move(d));
    m_driverModel->setRows(std::move(driverRows));

    // One budget row per service seen this month or in the range, or with a budget.
    std::set<std::string> services;
    for (const auto& spend : {inRange, loaded.month, loaded.today})
        for (const auto& [service, usd] : spend)
            services.insert(service);
    for (const auto& [service, budget] : m_budgets)
        if (shown(service))
            services.insert(service);
    const auto at = [](const std::map<std::string, double>& m, const std::string& k) {
        const auto it = m.find(k);
        return it == m.end() ? 0.0 : it->second;
    };
    std::vector<ServiceSpend> rows;
    for (const std::string& service : services) {
        ServiceSpend r;
        r.service = QString::fromStdString(service);
        r.inRangeUsd = at(inRange, service);
        r.todayUsd = at(loaded.today, service);
        r.monthUsd = at(loaded.month, service);
        r.lastHourUsd = at(loaded.lastHour, service);
        using llmopt::CostAnalyzer;
        r.todayForecastUsd = CostAnalyzer::forecast(r.todayUsd, r.lastHourUsd, m_to,
                                                    CostAnalyzer::dayOf(m_to).endUnixNano);
        r.monthForecastUsd = CostAnalyzer::forecast(r.monthUsd, r.lastHourUsd, m_to,
                                                    CostAnalyzer::monthOf(m_to).endUnixNano);
        if (const auto b = m_budgets.find(service); b != m_budgets.end())
            r.budget = b->second;
        rows.push_back(std::move(r));
    }
    m_budgetModel->setRows(std::move(rows));
    rebuildSeries();
}

void CostController::rebuildSeries()
{
    // Series: one per model or per service (every budgeted service too, so
    // that its budget line has a series to compare with), by name.
    std::set<std::string> keys;
    for (const llmopt::CostCell& c : m_cells)
        keys.insert(m_byService ? c.service : c.model);
    if (m_byService)
        for (const auto& [service, budget] : m_budgets)
            if (shown(service))
                keys.insert(service);
    const std::vector<std::string> names(keys.begin(), keys.end());
    m_names.clear();
    for (const std::string& n : names)
        m_names << QString::fromStdString(n);

    // Every bucket up to the newest with a stored window (the windows of the
    // last minute or so are still open): no false drop to zero at the end.
    int64_t newest = m_from - 1;
    for (const llmopt::CostCell& c : m_cells)
        newest = std::max(newest, c.bucketStartUnixNano);
    m_bucketStarts.clear();
    for (int64_t b = m_from; b <= newest && b < m_to; b += m_bucket)
        m_bucketStarts.push_back(b);
    m_values.assign(names.size(), std::vector<double>(m_bucketStarts.size(), 0.0));
    for (const llmopt::CostCell& c : m_cells) {
        const auto series
            = std::lower_bound(names.begin(), names.end(), m_byService ? c.service : c.model)
            - names.begin();
        const auto bucket = size_t((c.bucketStartUnixNano - m_from) / m_bucket);
        if (bucket < m_bucketStarts.size())
            m_values[size_t(series)][bucket] += c.costUsd;
    }
    double top = 0;
    for (size_t b = 0; b < m_bucketStarts.size(); ++b) {
        double total = 0;
        for (const auto& v : m_values) {
            total += v[b];
            top = std::max(top, v[b]);
        }
        if (m_stacked)
            top = std::max(top, total);
    }

    // Budget lines: a budget per day or month spread evenly over the
    // period's buckets; with both, the tighter one.
    const int64_t monthNanos = llmopt::CostAnalyzer::monthOf(m_to).endUnixNano
        - llmopt::CostAnalyzer::monthOf(m_to).startUnixNano;
    const double bucketsPerDay = double(kDay) / double(m_bucket);
    const double bucketsPerMonth = double(monthNanos) / double(m_bucket);
    m_budgetLines.clear();
    m_budgetNote.clear();
    double totalBudget = 0;
    QStringList budgeted;
    for (const auto& [service, budget] : m_budgets) {
        if (!shown(service))
            continue;
        const double daily = budget.dailyUsd > 0 ? budget.dailyUsd / bucketsPerDay : INFINITY;
        const double monthly
            = budget.monthlyUsd > 0 ? budget.monthlyUsd / bucketsPerMonth : INFINITY;
        const double perBucket = std::min(daily, monthly);
        if (!std::isfinite(perBucket))
            continue;
        const QString name = QString::fromStdString(service);
        totalBudget += perBucket;
        budgeted << name;
        if (!m_byService || m_stacked)
            continue;
        const QString label = daily <= monthly
            ? tr("%1 budget: %2/day = %3 per %4")
                  .arg(name, moneyText(budget.dailyUsd), moneyText(perBucket), bucketText())
            : tr("%1 budget: %2/month = %3 per %4")
                  .arg(name, moneyText(budget.monthlyUsd), moneyText(perBucket), bucketText());
        m_budgetLines.append(QVariantMap{{QStringLiteral("name"), label},
                                         {QStringLiteral("value"), perBucket},
                                         {QStringLiteral("seriesIndex"), m_names.indexOf(name)}});
        top = std::max(top, perBucket);
    }
    if (m_budgets.empty()) {
        m_budgetNote = tr("No budgets configured: add budgets: {service: {daily_usd: …, "
                          "monthly_usd: …}} to the configuration file (--config) for budget lines "
                          "and forecasts against them.");
    } else if (m_stacked && totalBudget > 0) {
        m_budgetLines.append(QVariantMap{
            {QStringLiteral("name"),
             tr("Budgets of %1: %2 per %3")
                 .arg(budgeted.join(QStringLiteral(", ")), moneyText(totalBudget), bucketText())},
            {QStringLiteral("value"), totalBudget},
            {QStringLiteral("seriesIndex"), -1}});
        top = std::max(top, totalBudget);
        QStringList without;
        for (const ServiceSpend& r : m_budgetModel->rows())
            if (!budgeted.contains(r.service) && r.inRangeUsd > 0)
                without << r.service;
        if (!without.isEmpty())
            m_budgetNote = tr("The stack includes services without a budget (%1).")
                               .arg(without.join(QStringLiteral(", ")));
    } else if (!m_byService) {
        m_budgetNote = tr("Budgets are per service: show By service or Stacked to compare "
                          "spend with them.");
    }
    m_axisMax = top > 0 ? AxisScale::covering(0, top * 1.05, 5).to : 1.0;
    Q_EMIT seriesChanged();
}

QList<QPointF> CostController::seriesPoints(int index, bool lower) const
{
    QList<QPointF> points;
    if (index < 0 || index >= int(m_values.size()))
        return points;
    // Stacked: the running total up to this series (lower: up to the one before).
    const int first = m_stacked ? 0 : index;
    const int last = m_stacked && lower ? index - 1 : index;
    points.reserve(qsizetype(m_bucketStarts.size()));
    for (size_t b = 0; b < m_bucketStarts.size(); ++b) {
        double y = 0;
        for (int s = first; s <= last; ++s)
            y += m_values[size_t(s)][b];
        points.append({msecs(m_bucketStarts[b]), y});
    }
    return points;
}

void CostController::fillSeries(QAbstractSeries* series, int index, bool lower) const
{
    if (auto* xy = qobject_cast<QXYSeries*>(series))
        SeriesDownsampler::replace(xy, seriesPoints(index, lower));
}

QString CostController::readout(double ms) const
{
    const int64_t t = int64_t(ms) * 1'000'000;
    if (m_bucketStarts.empty() || t < m_from
        || t >= m_from + int64_t(m_bucketStarts.size()) * m_bucket)
        return {};
    const size_t b = size_t((t - m_from) / m_bucket);
    const QLocale locale;
    QStringList lines{tr("%1 – %2").arg(
        locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(msecs(m_bucketStarts[b]))),
                        QLocale::ShortFormat),
        locale.toString(
            QDateTime::fromMSecsSinceEpoch(qint64(msecs(m_bucketStarts[b] + m_bucket))).time(),
            QLocale::ShortFormat))};
    double total = 0;
    for (size_t s = 0; s < m_values.size(); ++s) {
        total += m_values[s][b];
        lines << tr("%1: %2").arg(m_names[qsizetype(s)], moneyText(m_values[s][b]));
    }
    lines << tr("Total: %1").arg(moneyText(total));
    for (const QVariant& line : m_budgetLines)
        lines << line.toMap().value(QStringLiteral("name")).toString();
    return lines.join(QLatin1Char('\n'));
}
