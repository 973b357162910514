#pragma once

#include <QAbstractTableModel>
#include <vector>

// Spend of one model in one service over the range shown.
struct CostDriver {
    QString model;
    QString service;
    double costUsd = 0;
    quint64 requests = 0;
    quint64 costUnknown = 0; // calls without a price (not in costUsd)
    quint64 inputTokens = 0;
    quint64 outputTokens = 0;
};

// The Costs screen's top cost drivers: model × service, the largest spend
// first, with its share of all spend, cost per 1,000 calls and tokens.
class CostDriverModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model,
        Service,
        Spend,
        Share,
        Calls,
        CostPer1kCalls,
        InputTokens,
        OutputTokens,
        Unpriced,
        ColumnCount
    };
    enum Role {
        AlignRightRole = Qt::UserRole + 1,
        WarningRole, // calls without a price
    };

    explicit CostDriverModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Sorted here: the largest spend first, then the most calls.
    void setRows(std::vector<CostDriver> rows);
    const std::vector<CostDriver>& rows() const { return m_rows; }

private:
    std::vector<CostDriver> m_rows;
    double m_totalUsd = 0;
};
