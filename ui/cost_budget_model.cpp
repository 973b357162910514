#include "cost_budget_model.h"

#include "money_text.h"

CostBudgetModel::CostBudgetModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int CostBudgetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CostBudgetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> CostBudgetModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {Qt::ToolTipRole, "toolTip"},
            {AlignRightRole, "alignRight"},
            {OverBudgetRole, "warning"}};
}

QVariant CostBudgetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Service:
            return tr("Service");
        case InRange:
            return tr("In range");
        case Today:
            return tr("Today");
        case TodayForecast:
            return tr("Day forecast");
        case DailyBudget:
            return tr("Daily budget");
        case Month:
            return tr("This month");
        case MonthForecast:
            return tr("Month forecast");
        case MonthlyBudget:
            return tr("Monthly budget");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Service:
            return tr("The service.name of the calls; budgets are configured per service");
        case InRange:
            return tr("Spend of the stored one-minute windows in the range the chart shows");
        case Today:
            return tr("Spend of the windows since midnight UTC (budgets count UTC days)");
        case TodayForecast:
        case MonthForecast:
            return tr("Spent so far plus the last hour's spend for every hour left in the "
                      "period — the cost analyzer's budget-burn forecast");
        case DailyBudget:
        case MonthlyBudget:
            return tr("From budgets: in the configuration file (--config); — when none is set");
        case Month:
            return tr("Spend of the windows since the first of the month, UTC");
        }
    }
    return {};
}

QVariant CostBudgetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceSpend& r = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    const auto budgetText = [](double usd) { return usd > 0 ? moneyText(usd) : tr("—"); };
    switch (role) {
    case AlignRightRole:
        return column != Service;
    case OverBudgetRole:
        return (column == TodayForecast && r.budget.dailyUsd > 0
                && r.todayForecastUsd > r.budget.dailyUsd)
            || (column == MonthForecast && r.budget.monthlyUsd > 0
                && r.monthForecastUsd > r.budget.monthlyUsd);
    case Qt::ToolTipRole:
        if (column == TodayForecast || column == MonthForecast)
            return tr("%1 spent + %2 in the last hour × hours left")
                .arg(moneyText(column == TodayForecast ? r.todayUsd : r.monthUsd),
                     moneyText(r.lastHourUsd));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto share = [](double value, double budget) {
        return budget > 0
            ? tr("%1 (%2 %)")
                  .arg(moneyText(value), QLocale().toString(100 * value / budget, 'f', 0))
            : moneyText(value);
    };
    switch (column) {
    case Service:
        return r.service;
    case InRange:
        return moneyText(r.inRangeUsd);
    case Today:
        return moneyText(r.todayUsd);
    case TodayForecast:
        return share(r.todayForecastUsd, r.budget.dailyUsd);
    case DailyBudget:
        return budgetText(r.budget.dailyUsd);
    case Month:
        return moneyText(r.monthUsd);
    case MonthForecast:
        return share(r.monthForecastUsd, r.budget.monthlyUsd);
    case MonthlyBudget:
        return budgetText(r.budget.monthlyUsd);
    }
    return {};
}

void CostBudgetModel::setRows(std::vector<ServiceSpend> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}
