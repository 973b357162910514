#include "recommendation_list_model.h"

#include "audit_log.h"

#include <QDateTime>
#include <QLocale>
#include <cmath>

namespace {

// "+0.0012" / "−0.0040": the sign always shown, a true minus sign.
QString signedNumber(double v, int digits)
{
    const QString text = QLocale().toString(std::abs(v), 'f', digits);
    return (v < 0 ? QStringLiteral("−") : QStringLiteral("+")) + text;
}

// The expected change of a recommendation in one line: per request cost,
// quality and p95 latency (to − from) as the strategies give them.
QString impactLine(const nlohmann::json& impact)
{
    const auto value = [&](const char* name) -> std::optional<double> {
        const auto it = impact.find(name);
        if (it == impact.end())
            return std::nullopt;
        if (it->is_number())
            return it->get<double>();
        if (it->is_object() && it->contains("value") && (*it)["value"].is_number())
            return (*it)["value"].get<double>();
        return std::nullopt;
    };
    QStringList parts;
    if (const auto cost = value("cost_usd"))
        parts << QObject::tr("cost %1 $/request").arg(signedNumber(*cost, 5));
    if (const auto quality = value("quality"))
        parts << QObject::tr("quality %1").arg(signedNumber(*quality, 3));
    if (const auto p95 = value("latency_p95_ms"))
        parts << QObject::tr("p95 %1 ms").arg(signedNumber(*p95, 0));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

RecommendationListModel::RecommendationListModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_actor(llmopt::AuditLog::operatorIdentity())
{
    m_worker.setMaxThreadCount(1); // answers reach the engine in the order given
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

void RecommendationListModel::setVariantLabels(std::map<std::string, std::string> labels)
{
    if (labels == m_labels)
        return;
    m_labels = std::move(labels);
    if (!m_list.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {FromRole, ToRole});
}

QString RecommendationListModel::label(const std::string& variant) const
{
    const auto it = m_labels.find(variant);
    return QString::fromStdString(it != m_labels.end() ? it->second : variant);
}

int RecommendationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_list.size());
}

int RecommendationListModel::rowOf(int64_t id) const
{
    for (size_t i = 0; i < m_list.size(); ++i)
        if (m_list[i].id == id)
            return int(i);
    return -1;
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
        return label(r.fromVariant);
    case ToRole:
        return label(r.toVariant);
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
    case ImpactRole:
        return impactLine(r.impact);
    case AnsweringRole:
        return m_answering.count(r.id) > 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecommendationListModel::roleNames() const
{
    return {{IdRole, "recommendationId"}, {StrategyRole, "strategy"},   {ServiceRole, "service"},
            {FromRole, "fromVariant"},    {ToRole, "toVariant"},        {ActionRole, "action"},
            {SummaryRole, "summary"},     {StatusRole, "status"},       {CreatedRole, "created"},
            {SavingsRole, "savings"},     {DecidedByRole, "decidedBy"}, {DetailsRole, "details"},
            {ImpactRole, "impact"},       {AnsweringRole, "answering"}};
}

void RecommendationListModel::approve(int row, const QString& reason)
{
    answer(row, llmopt::ActuatorCommand::Kind::Approve, reason);
}

void RecommendationListModel::reject(int row, const QString& reason)
{
    answer(row, llmopt::ActuatorCommand::Kind::Reject, reason);
}

void RecommendationListModel::answer(int row, llmopt::ActuatorCommand::Kind kind,
                                     const QString& reason)
{
    if (row < 0 || row >= rowCount()
        || m_list[size_t(row)].status != llmopt::Recommendation::Status::Proposed
        || m_answering.count(m_list[size_t(row)].id))
        return;
    const llmopt::Recommendation& r = m_list[size_t(row)];
    llmopt::ActuatorCommand command;
    command.kind = kind;
    command.actor = m_actor;
    command.recommendationId = r.id;
    command.reason = reason.trimmed().toStdString();
    command.evidence = r.toJson(); // what the operator saw when answering
    m_answering.insert(r.id);
    Q_EMIT dataChanged(index(row), index(row), {AnsweringRole});
    sendOperatorCommand(m_worker, m_send, std::move(command), this,
                        [this, id = r.id, kind](const llmopt::CommandResult& result) {
                            received(id, kind, result);
                        });
}

void RecommendationListModel::received(int64_t id, llmopt::ActuatorCommand::Kind kind,
                                       const llmopt::CommandResult& result)
{
    m_answering.erase(id);
    if (const int row = rowOf(id); row >= 0) {
        llmopt::Recommendation& r = m_list[size_t(row)];
        if (result.ok() && r.status == llmopt::Recommendation::Status::Proposed) {
            // Shown at once; the engine's next list confirms it.
            r.status = kind == llmopt::ActuatorCommand::Kind::Approve
                ? llmopt::Recommendation::Status::Approved
                : llmopt::Recommendation::Status::Rejected;
            r.decidedBy = m_actor;
            Q_EMIT countChanged();
        }
        Q_EMIT dataChanged(index(row), index(row), {StatusRole, DecidedByRole, AnsweringRole});
    }
    const QString text = describeCommandResult(result);
    m_lastError = result.ok() ? QString() : text;
    m_lastMessage = result.ok() ? text : QString();
    Q_EMIT lastResultChanged();
    Q_EMIT answered(result.status, text, qlonglong(result.rolloutId));
}
