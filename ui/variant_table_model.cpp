#include "variant_table_model.h"

#include "money_text.h"

#include <QLocale>

VariantTableModel::VariantTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int VariantTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VariantTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> VariantTableModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"}, {Qt::ToolTipRole, "toolTip"}, {AlignRightRole, "alignRight"}};
}

QVariant VariantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Service:
            return tr("Service");
        case Variant:
            return tr("Variant");
        case Requests:
            return tr("Requests");
        case ErrorRate:
            return tr("Errors");
        case LatencyP50:
            return tr("p50 latency");
        case LatencyP95:
            return tr("p95 latency");
        case Spend:
            return tr("Spend");
        case CostPerRequest:
            return tr("Cost / request");
        case Quality:
            return tr("Quality");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ErrorRate:
            return tr("Failed calls / all calls since the feed started");
        case LatencyP50:
        case LatencyP95:
            return tr("Latency quantile of successful calls (quantile sketch, ≤1% relative error)");
        case Spend:
            return tr("Sum of per-call cost from the price table");
        case Quality:
            return tr("Mean evaluation score (gen_ai.evaluation.result), 0–1");
        default:
            return {};
        }
    }
    return {};
}

QVariant VariantTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::VariantSummary& r = m_rows[static_cast<size_t>(index.row())];
    const QLocale locale;
    if (role == AlignRightRole)
        return index.column() >= Requests;
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(r.variantLabel + " (" + r.variantId + ", " + r.provider
                                      + ")");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Service:
        return QString::fromStdString(r.service);
    case Variant:
        return QString::fromStdString(r.variantName.empty() ? r.variantLabel : r.variantName);
    case Requests:
        return locale.toString(qulonglong(r.requests));
    case ErrorRate:
        return locale.toString(100.0 * r.errorRate(), 'f', 2) + QLatin1Char('%');
    case LatencyP50:
        return locale.toString(r.latencyMs.quantile(0.5), 'f', 0) + tr(" ms");
    case LatencyP95:
        return locale.toString(r.latencyMs.quantile(0.95), 'f', 0) + tr(" ms");
    case Spend:
        return usdText(r.costUsd, 2);
    case CostPerRequest: {
        const auto c = r.costPerRequest();
        return c ? usdText(*c, 5) : tr("unknown");
    }
    case Quality: {
        const auto q = r.meanQuality();
        return q ? locale.toString(*q, 'f', 3) : QStringLiteral("–");
    }
    }
    return {};
}

void VariantTableModel::setRows(std::vector<llmopt::VariantSummary> rows)
{
    auto key = [](const llmopt::VariantSummary& r) { return r.service + '\x1f' + r.variantId; };
    // Aggregator rows only ever grow by appending; if the prefix matches, update in place.
    bool samePrefix = rows.size() >= m_rows.size();
    for (size_t i = 0; samePrefix && i < m_rows.size(); ++i)
        samePrefix = key(rows[i]) == key(m_rows[i]);
    if (!samePrefix) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    const size_t oldCount = m_rows.size();
    if (rows.size() > oldCount) {
        beginInsertRows({}, static_cast<int>(oldCount), static_cast<int>(rows.size()) - 1);
        m_rows = std::move(rows);
        endInsertRows();
    } else {
        m_rows = std::move(rows);
    }
    if (oldCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(oldCount) - 1, ColumnCount - 1));
}
