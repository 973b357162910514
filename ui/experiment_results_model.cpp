#include "experiment_results_model.h"

#include "offline_results.h"

#include <QLocale>
#include <cmath>
#include <limits>

void ExperimentResultsModel::setResults(const llmopt::offline::OfflineResults& results)
{
    beginResetModel();
    m_rows.clear();
    m_alpha = results.alpha;
    for (size_t i = 0; i < results.arms.size(); ++i) {
        const auto& a = results.arms[i];
        Row r;
        r.arm = QString::fromStdString(a.arm);
        r.control = i == 0;
        r.items = a.items;
        r.errors = a.errors;
        if (const auto* s = results.summary(a.arm, results.primaryMetric)) {
            r.n = s->n;
            r.hasMetric = s->n > 0;
            r.mean = s->mean;
            r.low = s->interval.low;
            r.high = s->interval.high;
            r.intervalMethod = QString::fromStdString(s->intervalMethod);
        }
        r.winner = results.verdict.kind == "winner" && results.verdict.winner == a.arm;
        m_rows.push_back(r);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void ExperimentResultsModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

int ExperimentResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ExperimentResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[size_t(index.row())];
    const QLocale locale;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (role) {
    case Qt::DisplayRole:
    case ArmRole:
        return r.arm;
    case ControlRole:
        return r.control;
    case ItemsRole:
        return r.items;
    case ErrorsRole:
        return r.errors;
    case NRole:
        return r.n;
    case MeanRole:
        return r.hasMetric ? r.mean : nan;
    case LowRole:
        return r.hasMetric ? r.low : nan;
    case HighRole:
        return r.hasMetric ? r.high : nan;
    case MeanTextRole:
        return r.hasMetric ? locale.toString(r.mean, 'g', 4) : QStringLiteral("—");
    case IntervalTextRole:
        if (!r.hasMetric)
            return QStringLiteral("—");
        return QStringLiteral("[%1, %2] (%3 %4 %)")
            .arg(locale.toString(r.low, 'g', 3), locale.toString(r.high, 'g', 3), r.intervalMethod,
                 locale.toString((1 - m_alpha) * 100, 'g', 3));
    case WinnerRole:
        return r.winner;
    default:
        return {};
    }
}

QHash<int, QByteArray> ExperimentResultsModel::roleNames() const
{
    return {{ArmRole, "arm"},
            {ControlRole, "control"},
            {ItemsRole, "items"},
            {ErrorsRole, "errors"},
            {NRole, "n"},
            {MeanRole, "mean"},
            {LowRole, "low"},
            {HighRole, "high"},
            {MeanTextRole, "meanText"},
            {IntervalTextRole, "intervalText"},
            {WinnerRole, "winner"}};
}
