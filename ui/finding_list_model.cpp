#include "finding_list_model.h"

#include "event_store.h"

#include <QDateTime>
#include <QXYSeries>
#include <algorithm>
#include <optional>
#include <utility>

namespace {

QDateTime fromUnixNano(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000);
}

// A regression's evidence has "reference" and "current" objects, each with an
// estimate ("value", "mean", "rate" or "per_request") and an interval
// ("interval" or "ci95"); an online detector's has "older_mean" and "recent_mean".
const nlohmann::json* side(const nlohmann::json& evidence, FindingListModel::EvidenceSeries which)
{
    const bool reference
        = which == FindingListModel::Reference || which == FindingListModel::ReferenceInterval;
    const auto it = evidence.find(reference ? "reference" : "current");
    return it != evidence.end() && it->is_object() ? &*it : nullptr;
}

std::optional<double> estimate(const nlohmann::json& evidence,
                               FindingListModel::EvidenceSeries which)
{
    if (const nlohmann::json* s = side(evidence, which)) {
        for (const char* name : {"value", "mean", "rate", "per_request"})
            if (const auto it = s->find(name); it != s->end() && it->is_number())
                return it->get<double>();
        return std::nullopt;
    }
    const auto it
        = evidence.find(which == FindingListModel::Reference ? "older_mean" : "recent_mean");
    return it != evidence.end() && it->is_number() ? std::optional(it->get<double>())
                                                   : std::nullopt;
}

std::optional<std::pair<double, double>> interval(const nlohmann::json& evidence,
                                                  FindingListModel::EvidenceSeries which)
{
    if (const nlohmann::json* s = side(evidence, which))
        for (const char* name : {"interval", "ci95"})
            if (const auto it = s->find(name); it != s->end() && it->is_array() && it->size() == 2
                && (*it)[0].is_number() && (*it)[1].is_number())
                return std::pair((*it)[0].get<double>(), (*it)[1].get<double>());
    return std::nullopt;
}

FindingListModel::ChartKind chartKind(const nlohmann::json& evidence)
{
    if (evidence.contains("baseline"))
        return FindingListModel::WindowSeries;
    if (evidence.contains("reference_shares") || evidence.contains("reference_counts"))
        return FindingListModel::Bins;
    if (estimate(evidence, FindingListModel::Reference)
        && estimate(evidence, FindingListModel::Latest))
        return FindingListModel::Comparison;
    return FindingListModel::NoChart;
}

// Newest conclusion first: the online detectors conclude mid-window, the
// window tests when their window closes.
void newestFirst(std::vector<llmopt::Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
        return a.detectedAtUnixNano > b.detectedAtUnixNano;
    });
}

} // namespace

FindingListModel::FindingListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

FindingListModel::~FindingListModel()
{
    m_worker.waitForDone(); // its answer refers to this object
}

int FindingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant FindingListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::Finding& f = m_all[m_rows[size_t(index.row())]];
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return QString::fromStdString(f.summary);
    case AnalyzerRole:
        return QString::fromStdString(f.analyzer);
    case KeyRole:
        return QString::fromStdString(f.key);
    case MetricRole:
        return QString::fromStdString(f.metric);
    case MethodRole:
        return QString::fromStdString(f.method);
    case StatisticRole:
        return f.statistic;
    case PValueRole:
        return f.pValue ? QVariant(*f.pValue) : QVariant();
    case ThresholdRole:
        return f.threshold ? QVariant(*f.threshold) : QVariant();
    case SeverityRole:
        return static_cast<int>(f.severity);
    case SeverityNameRole:
        switch (f.severity) {
        case llmopt::Finding::Severity::Info:
            return tr("info");
        case llmopt::Finding::Severity::Warning:
            return tr("warning");
        case llmopt::Finding::Severity::Critical:
            return tr("critical");
        }
        return {};
    case WindowStartRole:
        return fromUnixNano(f.windowStartUnixNano);
    case WindowEndRole:
        return fromUnixNano(f.windowEndUnixNano);
    case EvidenceRole:
        return QString::fromStdString(
            f.evidence.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    case ChartRole:
        return chartKind(f.evidence);
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingListModel::roleNames() const
{
    return {{AnalyzerRole, "analyzer"},
            {KeyRole, "key"},
            {MetricRole, "metric"},
            {MethodRole, "method"},
            {StatisticRole, "statistic"},
            {PValueRole, "pValue"},
            {ThresholdRole, "threshold"},
            {SeverityRole, "severity"},
            {SeverityNameRole, "severityName"},
            {WindowStartRole, "windowStart"},
            {WindowEndRole, "windowEnd"},
            {SummaryRole, "summary"},
            {EvidenceRole, "evidence"},
            {ChartRole, "chart"}};
}

void FindingListModel::setFindings(const std::vector<llmopt::Finding>& findings, uint64_t raised)
{
    if (raised == m_raised)
        return; // nothing new
    m_raised = raised;
    m_live.assign(findings.rbegin(), findings.rend());
    newestFirst(m_live);
    if (!m_viewFilter || m_viewFilter->live() || m_databasePath.isEmpty())
        show(m_live);
    else if (!m_loaded.isValid() || m_loaded.elapsed() >= kStoredRefreshMs)
        loadStored(); // new findings were stored: read the range again
}

void FindingListModel::show(std::vector<llmopt::Finding> findings)
{
    m_all = std::move(findings);
    refilter();
    Q_EMIT totalChanged();
}

void FindingListModel::viewChanged()
{
    if (m_viewFilter->live() || m_databasePath.isEmpty()) {
        ++m_request; // a read still running is not shown
        show(m_live);
    } else {
        loadStored();
    }
}

void FindingListModel::loadStored()
{
    const int request = ++m_request;
    const ViewFilter::Period period = m_viewFilter->periodNow();
    m_loaded.start();
    m_worker.setMaxThreadCount(1);
    m_worker.start([this, request, period, path = m_databasePath.toStdString()] {
        std::vector<llmopt::Finding> stored;
        try {
            // A connection of this thread's own: the engine's belongs to the engine thread.
            stored = llmopt::EventStore(path).findings(kMaxStored, period.fromUnixNano,
                                                       period.toUnixNano);
        } catch (const std::exception&) {
            return; // the live list stays; the Overview reports an unreadable store
        }
        newestFirst(stored);
        QMetaObject::invokeMethod(
            this,
            [this, request, stored = std::move(stored)]() mutable {
                if (request == m_request)
                    show(std::move(stored));
            },
            Qt::QueuedConnection);
    });
}

bool FindingListModel::accepted(const llmopt::Finding& f) const
{
    if (!m_analyzer.isEmpty() && QString::fromStdString(f.analyzer) != m_analyzer)
        return false;
    if (static_cast<int>(f.severity) < m_minimumSeverity)
        return false;
    if (m_viewFilter
        && (!m_viewFilter->matchesKey(f.key) || f.detectedAtUnixNano < m_period.fromUnixNano
            || f.detectedAtUnixNano >= m_period.toUnixNano))
        return false;
    if (!m_text.isEmpty()
        && !QString::fromStdString(f.summary + ' ' + f.key + ' ' + f.metric + ' ' + f.method)
                .contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

void FindingListModel::refilter()
{
    if (m_viewFilter)
        m_period = m_viewFilter->periodNow();
    beginResetModel();
    m_rows.clear();
    for (size_t i = 0; i < m_all.size(); ++i)
        if (accepted(m_all[i]))
            m_rows.push_back(i);
    endResetModel();
    Q_EMIT countChanged();
}

void FindingListModel::setAnalyzerFilter(const QString& analyzer)
{
    if (analyzer == m_analyzer)
        return;
    m_analyzer = analyzer;
    refilter();
    Q_EMIT filterChanged();
}

void FindingListModel::setMinimumSeverity(int severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    refilter();
    Q_EMIT filterChanged();
}

void FindingListModel::setViewFilter(ViewFilter* filter)
{
    m_viewFilter = filter;
    connect(filter, &ViewFilter::changed, this, &FindingListModel::viewChanged);
    viewChanged();
}

void FindingListModel::setTextFilter(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    refilter();
    Q_EMIT filterChanged();
}

double FindingListModel::fillEvidence(QAbstractSeries* series, int row, EvidenceSeries which) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return 0;
    QList<QPointF> points;
    double top = 0;
    auto add = [&](double x, double y) {
        points.append({x, y});
        top = std::max(top, y);
    };
    if (row >= 0 && row < rowCount()) {
        const nlohmann::json& e = m_all[m_rows[size_t(row)]].evidence;
        auto numbers = [&](const char* name) {
            std::vector<double> out;
            if (const auto it = e.find(name); it != e.end() && it->is_array())
                for (const auto& v : *it)
                    if (v.is_number())
                        out.push_back(v.get<double>());
            return out;
        };
        auto shares = [&](const char* sharesKey, const char* countsKey) {
            std::vector<double> v = numbers(sharesKey);
            if (v.empty()) { // categorical evidence has counts: turn them into shares
                v = numbers(countsKey);
                double total = 0;
                for (double c : v)
                    total += c;
                for (double& c : v)
                    c = total > 0 ? c / total : 0;
            }
            return v;
        };
        if (chartKind(e) == Comparison) {
            const double x = which == Reference || which == ReferenceInterval ? 1 : 2;
            if (which == Reference || which == Latest) {
                if (const auto v = estimate(e, which))
                    add(x, *v);
            } else if (const auto ci = interval(e, which)) {
                add(x, ci->first);
                add(x, ci->second);
            }
            xy->replace(points);
            return top;
        }
        switch (which) {
        case Baseline: {
            const auto base = numbers("baseline");
            for (size_t i = 0; i < base.size(); ++i)
                add(double(i + 1), base[i]);
            break;
        }
        case Current:
            if (const auto it = e.find("value"); it != e.end() && it->is_number())
                add(double(numbers("baseline").size() + 1), it->get<double>());
            break;
        case Reference:
        case Latest: {
            const auto v = which == Reference ? shares("reference_shares", "reference_counts")
                                              : shares("current_shares", "current_counts");
            for (size_t i = 0; i < v.size(); ++i)
                add(double(i + 1), v[i]);
            break;
        }
        case ReferenceInterval:
        case LatestInterval:
            break;
        }
    }
    xy->replace(points);
    return top;
}
