#include "rollout_timeline_model.h"

#include <QDateTime>

RolloutTimelineModel::RolloutTimelineModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void RolloutTimelineModel::setEntries(const std::vector<llmopt::RolloutRecord::Entry>& entries)
{
    std::vector<llmopt::RolloutRecord::Entry> newestFirst(entries.rbegin(), entries.rend());
    const auto same = [](const auto& a, const auto& b) {
        return a.timeUnixNano == b.timeUnixNano && a.weight == b.weight && a.phase == b.phase
            && a.message == b.message;
    };
    if (newestFirst.size() == m_entries.size()
        && std::equal(newestFirst.begin(), newestFirst.end(), m_entries.begin(), same))
        return;
    beginResetModel();
    m_entries = std::move(newestFirst);
    endResetModel();
    Q_EMIT countChanged();
}

int RolloutTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RolloutTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::RolloutRecord::Entry& e = m_entries[size_t(index.row())];
    switch (role) {
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(e.timeUnixNano / 1'000'000);
    case WeightRole:
        return e.weight;
    case PhaseRole:
        return QString::fromStdString(e.phase);
    case Qt::DisplayRole:
    case MessageRole:
        return QString::fromStdString(e.message);
    default:
        return {};
    }
}

QHash<int, QByteArray> RolloutTimelineModel::roleNames() const
{
    return {
        {TimeRole, "time"}, {WeightRole, "weight"}, {PhaseRole, "phase"}, {MessageRole, "message"}};
}
