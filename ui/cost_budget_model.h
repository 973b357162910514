#pragma once

#include "cost_analyzer.h"

#include <QAbstractTableModel>
#include <vector>

// What one service spent and is on course to spend, against its budgets.
struct ServiceSpend {
    QString service;
    double inRangeUsd = 0; // in the range the charts show
    double todayUsd = 0; // so far in the UTC day
    double monthUsd = 0; // so far in the UTC calendar month
    double lastHourUsd = 0; // the forecasts' rate
    double todayForecastUsd = 0; // CostAnalyzer::forecast to the end of the day
    double monthForecastUsd = 0; // … of the month
    llmopt::CostAnalyzer::Budget budget; // 0: none
};

// The Costs screen's budget table: one row per service, spend so far and the
// forecast of the day and the month next to the configured budgets.
class CostBudgetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Service,
        InRange,
        Today,
        TodayForecast,
        DailyBudget,
        Month,
        MonthForecast,
        MonthlyBudget,
        ColumnCount
    };
    enum Role {
        AlignRightRole = Qt::UserRole + 1,
        OverBudgetRole, // a forecast above its budget
    };

    explicit CostBudgetModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(std::vector<ServiceSpend> rows);
    const std::vector<ServiceSpend>& rows() const { return m_rows; }

private:
    std::vector<ServiceSpend> m_rows;
};
