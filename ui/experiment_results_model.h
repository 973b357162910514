#pragma once

#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace llmopt::offline {
struct OfflineResults;
}

// The primary metric per arm of an offline experiment's results, for the
// Experiments screen's results table and chart: items, errors, n, mean and
// its interval (Wilson for proportions, Student t otherwise; the method is a role).
class ExperimentResultsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ArmRole = Qt::UserRole + 1,
        ControlRole, // the first arm, the one the others are compared with
        ItemsRole,
        ErrorsRole,
        NRole,
        MeanRole, // double; NaN when no item has the metric
        LowRole,
        HighRole,
        MeanTextRole,
        IntervalTextRole, // "[0.41, 0.58] (Wilson 95 %)"
        WinnerRole,
    };

    struct Row {
        QString arm;
        bool control = false;
        qulonglong items = 0;
        qulonglong errors = 0;
        qulonglong n = 0;
        double mean = 0;
        double low = 0;
        double high = 0;
        bool hasMetric = false;
        QString intervalMethod;
        bool winner = false;
    };

    using QAbstractListModel::QAbstractListModel;

    void setResults(const llmopt::offline::OfflineResults& results);
    void clear();
    const std::vector<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<Row> m_rows;
    double m_alpha = 0.05;
};
