#pragma once

#include "actuator.h"

#include <QAbstractListModel>
#include <map>
#include <string>
#include <vector>

// The actuator's rollouts as the engine's snapshot lists them: the active
// ones first, then the finished ones, newest first. A new list with the same
// rollouts in the same order updates the rows in place (a selection stays);
// any other list resets the model.
class RolloutListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ServiceRole,
        StableRole,
        CandidateRole,
        PhaseRole, // progressing, paused, promoted, rolled_back, aborted
        WeightRole, // the candidate's share, whole percent
        LastMessageRole,
        ActiveRole,
        ApprovedByRole,
        RecommendationIdRole, // 0: started by an operator directly
        CreatedRole, // QDateTime
        UpdatedRole, // QDateTime
        StepRole, // 1-based; the plan's length + 1 once the plan is done
        StepCountRole,
        WaitingForSinksRole, // the newest weight is not yet acknowledged by every sink
        AnalysisCountRole,
        LastVerdictRole, // pass, marginal, fail, inconclusive; empty before the first analysis
    };
    Q_ENUM(Role)

    explicit RolloutListModel(QObject* parent = nullptr);

    void setRollouts(std::vector<llmopt::RolloutRecord> rollouts);
    // The operators' names of variant ids (a rollout of an approved
    // recommendation names its variants by id).
    // True when they changed.
    bool setVariantLabels(std::map<std::string, std::string> labels);
    QString label(const std::string& variant) const;
    const std::vector<llmopt::RolloutRecord>& rollouts() const { return m_rollouts; }
    int rowOf(int64_t rolloutId) const; // -1 when not listed
    int activeCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<llmopt::RolloutRecord> m_rollouts;
    std::map<std::string, std::string> m_labels;
};
