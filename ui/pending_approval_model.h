#pragma once

#include <QSortFilterProxyModel>

class RecommendationListModel;

// The recommendations that would move traffic — a proposed "switch" or
// "fall_back" — for the Rollouts screen: approving one starts a canary
// rollout. A view of RecommendationListModel, so that an answer given here or
// on the Pareto screen is the same command and shows in both.
class PendingApprovalModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit PendingApprovalModel(RecommendationListModel* recommendations,
                                  QObject* parent = nullptr);

    int count() const { return rowCount(); }
    // Every role of `row` by its name ({} when out of range), for dialogs.
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void approve(int row, const QString& reason = QString());
    Q_INVOKABLE void reject(int row, const QString& reason = QString());

Q_SIGNALS:
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int sourceRow(int row) const;

    RecommendationListModel* m_recommendations;
};
