#pragma once

#include "variant_aggregator.h"

#include <QAbstractTableModel>
#include <vector>

// Per-variant totals as a table for QML's TableView: one row per (service, variant).
class VariantTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Service,
        Variant,
        Requests,
        ErrorRate,
        LatencyP50,
        LatencyP95,
        Spend,
        CostPerRequest,
        Quality,
        ColumnCount
    };
    enum Role { AlignRightRole = Qt::UserRole + 1 };

    explicit VariantTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Rows keep their place when the same variants come back; new ones are appended.
    void setRows(std::vector<llmopt::VariantSummary> rows);

private:
    std::vector<llmopt::VariantSummary> m_rows;
};
