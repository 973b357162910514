#include "recommendation_list_model.h"

#include "audit_log.h"
#include "event_store.h"

#include <QDateTime>

RecommendationListModel::RecommendationListModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_worker.setMaxThreadCount(1); // answers are written in the order given
}

RecommendationListModel::~RecommendationListModel()
{
    m_worker.waitForDone(); // an answer in flight refers to this object
}

void RecommendationListModel::setRecommendations(std::vector<llmopt::Recommendation> list)
{
    const bool same = list.size() == m_list.size()
        && std::equal(list.begin(), list.end(), m_list.begin(), [](const auto& a, const auto& b) {
                          return a.id == b.id && a.status == b.status;
                      });
    if (same)
        return;
    beginResetModel();
    m_list = std::move(list);
    endResetModel();
    Q_EMIT countChanged();
}

int RecommendationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_list.size());
}

int RecommendationListModel::proposed() const
{
    return int(std::count_if(m_list.begin(), m_list.end(), [](const auto& r) {
        return r.status == llmopt::Recommendation::Status::Proposed;
    }));
}

QVariant RecommendationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::Recommendation& r = m_list[size_t(index.row())];
    switch (role) {
    case IdRole:
        return qlonglong(r.id);
    case StrategyRole:
        return QString::fromStdString(r.strategy);
    case ServiceRole:
        return QString::fromStdString(r.service);
    case FromRole:
        return QString::fromStdString(r.fromVariant);
    case ToRole:
        return QString::fromStdString(r.toVariant);
    case ActionRole:
        return QString::fromStdString(r.action);
    case Qt::DisplayRole:
    case SummaryRole:
        return QString::fromStdString(r.summary);
    case StatusRole:
        return QString::fromUtf8(llmopt::Recommendation::statusName(r.status).data());
    case CreatedRole:
        return QDateTime::fromMSecsSinceEpoch(r.createdUnixNano / 1'000'000);
    case SavingsRole: {
        const auto it = r.impact.find("monthly_savings_usd");
        if (it != r.impact.end() && it->is_object() && it->contains("value")
            && (*it)["value"].is_number())
            return (*it)["value"].get<double>();
        return {};
    }
    case DecidedByRole:
        return QString::fromStdString(r.decidedBy);
    case DetailsRole:
        return QString::fromStdString(
            nlohmann::json{{"impact", r.impact}, {"evidence", r.evidence}}.dump(
                2, ' ', false, nlohmann::json::error_handler_t::replace));
    default:
        return {};
    }
}

QHash<int, QByteArray> RecommendationListModel::roleNames() const
{
    return {{IdRole, "recommendationId"}, {StrategyRole, "strategy"},   {ServiceRole, "service"},
            {FromRole, "fromVariant"},    {ToRole, "toVariant"},        {ActionRole, "action"},
            {SummaryRole, "summary"},     {StatusRole, "status"},       {CreatedRole, "created"},
            {SavingsRole, "savings"},     {DecidedByRole, "decidedBy"}, {DetailsRole, "details"}};
}

void RecommendationListModel::approve(int row)
{
    answer(row, llmopt::Recommendation::Status::Approved);
}

void RecommendationListModel::reject(int row)
{
    answer(row, llmopt::Recommendation::Status::Rejected);
}

void RecommendationListModel::answer(int row, llmopt::Recommendation::Status status)
{
    if (row < 0 || row >= rowCount()
        || m_list[size_t(row)].status != llmopt::Recommendation::Status::Proposed)
        return;
    llmopt::Recommendation& r = m_list[size_t(row)];
    r.status = status; // shown at once; the engine's next list confirms it
    r.decidedBy = llmopt::AuditLog::operatorIdentity();
    Q_EMIT dataChanged(index(row), index(row), {StatusRole, DecidedByRole});
    Q_EMIT countChanged();
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
    m_worker.start([this, id = r.id, status, who = r.decidedBy, now, evidence = r.toJson(),
                    path = m_databasePath.toStdString()] {
        QString error;
        try {
            llmopt::EventStore store(path);
            if (!store.decideRecommendation(id, status, who, now))
                error = tr("Recommendation %1 was answered or superseded meanwhile.").arg(id);
            else // who answered what, when, on which evidence: the audit trail
                llmopt::AuditLog(path).append(
                    who,
                    status == llmopt::Recommendation::Status::Approved ? "approve_recommendation"
                                                                       : "reject_recommendation",
                    "recommendation/" + std::to_string(id), evidence, now);
        } catch (const std::exception& e) {
            error = tr("The answer could not be stored: %1").arg(QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (error != m_lastError) {
                    m_lastError = error;
                    Q_EMIT lastErrorChanged();
                }
            },
            Qt::QueuedConnection);
    });
}
