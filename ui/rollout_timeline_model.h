#pragma once

#include "actuator.h"

#include <QAbstractListModel>
#include <vector>

// The step timeline of one rollout — each transition with its time, weight,
// phase and message — newest first.
class RolloutTimelineModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, // QDateTime
        WeightRole,
        PhaseRole,
        MessageRole,
    };
    Q_ENUM(Role)

    explicit RolloutTimelineModel(QObject* parent = nullptr);

    // The record's entries (oldest first, as the actuator keeps them).
    void setEntries(const std::vector<llmopt::RolloutRecord::Entry>& entries);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<llmopt::RolloutRecord::Entry> m_entries; // newest first
};
