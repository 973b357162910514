#include "rollout_list_model.h"

#include <QDateTime>
#include <algorithm>

RolloutListModel::RolloutListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void RolloutListModel::setRollouts(std::vector<llmopt::RolloutRecord> rollouts)
{
    const bool sameRows = rollouts.size() == m_rollouts.size()
        && std::equal(rollouts.begin(), rollouts.end(), m_rollouts.begin(),
                      [](const auto& a, const auto& b) { return a.id == b.id; });
    if (sameRows) {
        const bool activeChanged = activeCount()
            != std::count_if(rollouts.begin(), rollouts.end(),
                             [](const auto& r) { return r.active(); });
        m_rollouts = std::move(rollouts);
        if (!m_rollouts.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
        if (activeChanged)
            Q_EMIT countChanged();
        return;
    }
    beginResetModel();
    m_rollouts = std::move(rollouts);
    endResetModel();
    Q_EMIT countChanged();
}

bool RolloutListModel::setVariantLabels(std::map<std::string, std::string> labels)
{
    if (labels == m_labels)
        return false;
    m_labels = std::move(labels);
    if (!m_rollouts.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {StableRole, CandidateRole});
    return true;
}

QString RolloutListModel::label(const std::string& variant) const
{
    const auto it = m_labels.find(variant);
    return QString::fromStdString(it != m_labels.end() ? it->second : variant);
}

int RolloutListModel::rowOf(int64_t rolloutId) const
{
    const auto it = std::find_if(m_rollouts.begin(), m_rollouts.end(),
                                 [&](const auto& r) { return r.id == rolloutId; });
    return it == m_rollouts.end() ? -1 : int(it - m_rollouts.begin());
}

int RolloutListModel::activeCount() const
{
    return int(std::count_if(m_rollouts.begin(), m_rollouts.end(),
                             [](const auto& r) { return r.active(); }));
}

int RolloutListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rollouts.size());
}

QVariant RolloutListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::RolloutRecord& r = m_rollouts[size_t(index.row())];
    const llmopt::Rollout& ro = r.rollout;
    switch (role) {
    case IdRole:
        return qlonglong(r.id);
    case ServiceRole:
        return QString::fromStdString(ro.service());
    case StableRole:
        return label(ro.stable());
    case CandidateRole:
        return label(ro.candidate());
    case PhaseRole:
        return QString::fromUtf8(llmopt::Rollout::phaseName(ro.phase()));
    case WeightRole:
        return ro.weight();
    case Qt::DisplayRole:
    case LastMessageRole:
        return QString::fromStdString(ro.lastMessage());
    case ActiveRole:
        return r.active();
    case ApprovedByRole:
        return QString::fromStdString(r.approvedBy);
    case RecommendationIdRole:
        return qlonglong(r.recommendationId);
    case CreatedRole:
        return QDateTime::fromMSecsSinceEpoch(r.createdUnixNano / 1'000'000);
    case UpdatedRole:
        return QDateTime::fromMSecsSinceEpoch(r.updatedUnixNano / 1'000'000);
    case StepRole:
        return int(ro.step()) + 1;
    case StepCountRole:
        return int(ro.plan().steps.size());
    case WaitingForSinksRole:
        return r.awaitedPolicyVersion != 0;
    case AnalysisCountRole:
        return int(r.analyses.size());
    case LastVerdictRole:
        if (r.analyses.empty())
            return QString();
        return QString::fromStdString(r.analyses.back().value("verdict", std::string()));
    default:
        return {};
    }
}

QHash<int, QByteArray> RolloutListModel::roleNames() const
{
    return {{IdRole, "rolloutId"},
            {ServiceRole, "service"},
            {StableRole, "stable"},
            {CandidateRole, "candidate"},
            {PhaseRole, "phase"},
            {WeightRole, "weight"},
            {LastMessageRole, "lastMessage"},
            {ActiveRole, "active"},
            {ApprovedByRole, "approvedBy"},
            {RecommendationIdRole, "recommendationId"},
            {CreatedRole, "created"},
            {UpdatedRole, "updated"},
            {StepRole, "step"},
            {StepCountRole, "stepCount"},
            {WaitingForSinksRole, "waitingForSinks"},
            {AnalysisCountRole, "analysisCount"},
            {LastVerdictRole, "lastVerdict"}};
}
