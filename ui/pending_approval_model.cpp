#include "pending_approval_model.h"

#include "recommendation_list_model.h"

PendingApprovalModel::PendingApprovalModel(RecommendationListModel* recommendations,
                                           QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_recommendations(recommendations)
{
    setFilterRole(RecommendationListModel::StatusRole); // an answer re-filters its row
    setSourceModel(recommendations);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &PendingApprovalModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &PendingApprovalModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &PendingApprovalModel::countChanged);
}

bool PendingApprovalModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString action = i.data(RecommendationListModel::ActionRole).toString();
    return i.data(RecommendationListModel::StatusRole).toString() == QLatin1String("proposed")
        && (action == QLatin1String("switch") || action == QLatin1String("fall_back"));
}

int PendingApprovalModel::sourceRow(int row) const
{
    return row < 0 || row >= rowCount() ? -1 : mapToSource(index(row, 0)).row();
}

QVariantMap PendingApprovalModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= rowCount())
        return out;
    const QModelIndex i = index(row, 0);
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        out.insert(QString::fromUtf8(it.value()), i.data(it.key()));
    return out;
}

void PendingApprovalModel::approve(int row, const QString& reason)
{
    if (const int source = sourceRow(row); source >= 0)
        m_recommendations->approve(source, reason);
}

void PendingApprovalModel::reject(int row, const QString& reason)
{
    if (const int source = sourceRow(row); source >= 0)
        m_recommendations->reject(source, reason);
}
