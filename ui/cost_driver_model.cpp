#include "cost_driver_model.h"

#include "money_text.h"

#include <algorithm>

CostDriverModel::CostDriverModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int CostDriverModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CostDriverModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> CostDriverModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {Qt::ToolTipRole, "toolTip"},
            {AlignRightRole, "alignRight"},
            {WarningRole, "warning"}};
}

QVariant CostDriverModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Model:
            return tr("Model");
        case Service:
            return tr("Service");
        case Spend:
            return tr("Spend");
        case Share:
            return tr("Share");
        case Calls:
            return tr("Calls");
        case CostPer1kCalls:
            return tr("Per 1k calls");
        case InputTokens:
            return tr("Input tokens");
        case OutputTokens:
            return tr("Output tokens");
        case Unpriced:
            return tr("No price");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Model:
            return tr("The variant's model (request model)");
        case Spend:
            return tr("Sum of per-call cost (price table × tokens) in the range");
        case Share:
            return tr("This row's spend over the spend of all rows in the range");
        case Calls:
            return tr("Calls in the stored one-minute windows of the range");
        case CostPer1kCalls:
            return tr("Spend / priced calls × 1,000 — calls without a price are left out");
        case InputTokens:
        case OutputTokens:
            return tr("Tokens the provider reported, summed over the range");
        case Unpriced:
            return tr("Calls whose model is not in the price table: their cost is unknown and "
                      "counts as $0 here");
        default:
            return {};
        }
    }
    return {};
}

QVariant CostDriverModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CostDriver& r = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    if (role == AlignRightRole)
        return column >= Spend;
    if (role == WarningRole)
        return column == Unpriced && r.costUnknown > 0;
    if (role == Qt::ToolTipRole)
        return column == Unpriced && r.costUnknown > 0
            ? tr("Add %1 to a prices file (--prices) to count these calls").arg(r.model)
            : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    const quint64 priced = r.requests - std::min(r.requests, r.costUnknown);
    switch (column) {
    case Model:
        return r.model;
    case Service:
        return r.service;
    case Spend:
        return moneyText(r.costUsd);
    case Share:
        return m_totalUsd > 0 ? locale.toString(100 * r.costUsd / m_totalUsd, 'f', 1) + " %"
                              : tr("—");
    case Calls:
        return locale.toString(r.requests);
    case CostPer1kCalls:
        return priced > 0 ? moneyText(1000 * r.costUsd / double(priced)) : tr("—");
    case InputTokens:
        return locale.toString(r.inputTokens);
    case OutputTokens:
        return locale.toString(r.outputTokens);
    case Unpriced:
        return locale.toString(r.costUnknown);
    }
    return {};
}

void CostDriverModel::setRows(std::vector<CostDriver> rows)
{
    std::sort(rows.begin(), rows.end(), [](const CostDriver& a, const CostDriver& b) {
        return a.costUsd != b.costUsd ? a.costUsd > b.costUsd : a.requests > b.requests;
    });
    beginResetModel();
    m_rows = std::move(rows);
    m_totalUsd = 0;
    for (const CostDriver& r : m_rows)
        m_totalUsd += r.costUsd;
    endResetModel();
}
