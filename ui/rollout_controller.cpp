#include "rollout_controller.h"

#include "audit_log.h"
#include "recommendation_list_model.h"

#include <QColor>
#include <QXYSeries>
#include <algorithm>
#include <cmath>
#include <utility>

namespace {

// The judge's metrics in the order the screen shows them, with the unit each is drawn in.
struct MetricInfo {
    const char* name;
    const char* title;
    const char* unit;
    double scale; // judge's unit → display unit
};
constexpr MetricInfo kMetrics[] = {
    {"error_rate", QT_TRANSLATE_NOOP("RolloutController", "Error rate"),
     QT_TRANSLATE_NOOP("RolloutController", "% of calls"), 100.0},
    {"quality", QT_TRANSLATE_NOOP("RolloutController", "Quality"),
     QT_TRANSLATE_NOOP("RolloutController", "median score"), 1.0},
    {"latency_ms", QT_TRANSLATE_NOOP("RolloutController", "Latency"),
     QT_TRANSLATE_NOOP("RolloutController", "median ms"), 1.0},
    {"cost_usd", QT_TRANSLATE_NOOP("RolloutController", "Cost"),
     QT_TRANSLATE_NOOP("RolloutController", "median USD per 1,000 calls"), 1000.0},
};

const MetricInfo* metricInfo(const QString& name)
{
    for (const MetricInfo& m : kMetrics)
        if (name == QLatin1String(m.name))
            return &m;
    return nullptr;
}

// The entry of `metric` in one analysis (CanaryJudge's result as the actuator stores it).
const nlohmann::json* metricOf(const nlohmann::json& analysis, std::string_view metric)
{
    const auto it = analysis.find("metrics");
    if (it == analysis.end() || !it->is_array())
        return nullptr;
    for (const nlohmann::json& m : *it)
        if (m.is_object() && m.value("name", std::string()) == metric)
            return &m;
    return nullptr;
}

std::optional<double> number(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

QString text(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

bool isFinished(llmopt::Rollout::Phase phase)
{
    using P = llmopt::Rollout::Phase;
    return phase == P::Promoted || phase == P::RolledBack || phase == P::Aborted;
}

QString stepLabel(const llmopt::RolloutStep& s)
{
    using K = llmopt::RolloutStep::Kind;
    switch (s.kind) {
    case K::SetWeight:
        return RolloutController::tr("%1 %").arg(s.weight);
    case K::Analysis:
        return RolloutController::tr("analysis");
    case K::Pause:
        break;
    }
    if (s.untilConfirmed)
        return RolloutController::tr("confirmation");
    if (s.pauseSeconds > 0)
        return RolloutController::tr("pause %1 s").arg(s.pauseSeconds);
    return RolloutController::tr("pause %1 calls").arg(s.pauseSamples);
}

QString stepKind(const llmopt::RolloutStep& s)
{
    using K = llmopt::RolloutStep::Kind;
    return s.kind == K::SetWeight ? QStringLiteral("set_weight")
        : s.kind == K::Analysis   ? QStringLiteral("analysis")
                                  : QStringLiteral("pause");
}

QVariantList planSteps(const llmopt::RolloutPlan& plan, const llmopt::Rollout* rollout)
{
    using P = llmopt::Rollout::Phase;
    QVariantList out;
    for (size_t i = 0; i < plan.steps.size(); ++i) {
        QString state = QStringLiteral("next");
        if (rollout) {
            const size_t current = rollout->step();
            const P phase = rollout->phase();
            if (phase == P::Promoted || i < current)
                state = QStringLiteral("done");
            else if (i == current)
                state = isFinished(phase) ? QStringLiteral("stopped") : QStringLiteral("current");
            else if (isFinished(phase))
                state = QStringLiteral("skipped");
        }
        out.append(QVariantMap{{QStringLiteral("index"), int(i) + 1},
                               {QStringLiteral("label"), stepLabel(plan.steps[i])},
                               {QStringLiteral("kind"), stepKind(plan.steps[i])},
                               {QStringLiteral("state"), state}});
    }
    return out;
}

} // namespace

RolloutController::RolloutController(RecommendationListModel* recommendations, QObject* parent)
    : QObject(parent)
    , m_list(new RolloutListModel(this))
    , m_pending(new PendingApprovalModel(recommendations, this))
    , m_timeline(new RolloutTimelineModel(this))
    , m_actor(llmopt::AuditLog::operatorIdentity())
{
    m_worker.setMaxThreadCount(1); // commands reach the engine in the order given
    connect(recommendations, &RecommendationListModel::answered, this,
            &RolloutController::showResult);
    setPlan(llmopt::RolloutPlan::standard());
    rebuildSelected(); // the metrics' titles and units before the first rollout
}

RolloutController::~RolloutController()
{
    m_worker.waitForDone(); // a command in flight refers to this object
}

void RolloutController::setPlan(const llmopt::RolloutPlan& plan)
{
    QVariantList steps = planSteps(plan, nullptr);
    if (steps == m_plan)
        return;
    m_plan = std::move(steps);
    Q_EMIT planChanged();
}

void RolloutController::setVariantLabels(std::map<std::string, std::string> labels)
{
    if (m_list->setVariantLabels(std::move(labels)))
        Q_EMIT selectedChanged(); // the selected rollout's variant names
}

void RolloutController::setRollouts(std::vector<llmopt::RolloutRecord> rollouts)
{
    m_updating = true; // a view moving its current row during a reset is no choice of the operator
    m_list->setRollouts(std::move(rollouts));
    m_updating = false;
    if (m_startedId != 0 && m_list->rowOf(m_startedId) >= 0) {
        m_selectedId = m_startedId; // show the rollout the operator just started
        m_startedId = 0;
    }
    if (m_list->rowOf(m_selectedId) < 0)
        m_selectedId = m_list->rowCount() > 0 ? m_list->rollouts().front().id : 0;
    rebuildSelected();
}

void RolloutController::setPolicy(uint64_t version, uint64_t acknowledged,
                                  const std::vector<llmopt::PolicySinkStatus>& sinks)
{
    QVariantList list;
    for (const llmopt::PolicySinkStatus& s : sinks)
        list.append(
            QVariantMap{{QStringLiteral("name"), QString::fromStdString(s.name)},
                        {QStringLiteral("acknowledgedVersion"), qulonglong(s.acknowledgedVersion)},
                        {QStringLiteral("failures"), qulonglong(s.failures)},
                        {QStringLiteral("message"), QString::fromStdString(s.message)},
                        {QStringLiteral("upToDate"), s.acknowledgedVersion >= version}});
    if (version == m_policyVersion && acknowledged == m_policyAcknowledged && list == m_sinks)
        return;
    m_policyVersion = version;
    m_policyAcknowledged = acknowledged;
    m_sinks = std::move(list);
    Q_EMIT policyChanged();
}

const llmopt::RolloutRecord* RolloutController::selected() const
{
    const int row = m_list->rowOf(m_selectedId);
    return row < 0 ? nullptr : &m_list->rollouts()[size_t(row)];
}

int RolloutController::selectedRow() const
{
    return m_list->rowOf(m_selectedId);
}

void RolloutController::setSelectedRow(int row)
{
    if (m_updating || row < 0 || row >= m_list->rowCount())
        return;
    const int64_t id = m_list->rollouts()[size_t(row)].id;
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    rebuildSelected();
}

void RolloutController::rebuildSelected()
{
    const llmopt::RolloutRecord* r = selected();
    m_steps = r ? planSteps(r->rollout.plan(), &r->rollout) : QVariantList();
    m_timeline->setEntries(r ? r->timeline : std::vector<llmopt::RolloutRecord::Entry>());

    m_verdicts.clear();
    if (r) {
        for (size_t i = 0; i < r->analyses.size(); ++i) {
            const nlohmann::json& a = r->analyses[i];
            m_verdicts.append(QVariantMap{
                {QStringLiteral("number"), int(i) + 1},
                {QStringLiteral("time"),
                 QDateTime::fromMSecsSinceEpoch(a.value("time_unix_nano", int64_t(0)) / 1'000'000)},
                {QStringLiteral("weight"), a.value("weight", 0)},
                {QStringLiteral("verdict"), text(a, "verdict")},
                {QStringLiteral("score"), number(a, "score").value_or(0.0)},
                {QStringLiteral("summary"), text(a, "summary")},
                {QStringLiteral("canaryCalls"), a.value("canary_calls", qulonglong(0))},
                {QStringLiteral("stableCalls"), a.value("stable_calls", qulonglong(0))}});
        }
    }

    m_metrics.clear();
    for (const MetricInfo& info : kMetrics) {
        QVariantMap m{{QStringLiteral("name"), QString::fromLatin1(info.name)},
                      {QStringLiteral("title"), tr(info.title)},
                      {QStringLiteral("unit"), tr(info.unit)},
                      {QStringLiteral("count"), 0},
                      {QStringLiteral("min"), 0.0},
                      {QStringLiteral("max"), 1.0}};
        double low = INFINITY, high = -INFINITY;
        int count = 0;
        const nlohmann::json* latest = nullptr;
        if (r) {
            for (const nlohmann::json& a : r->analyses) {
                const nlohmann::json* e = metricOf(a, info.name);
                if (!e)
                    continue;
                ++count;
                latest = e;
                for (const char* side : {"canary", "stable"})
                    if (const auto v = number(*e, side)) {
                        low = std::min(low, *v * info.scale);
                        high = std::max(high, *v * info.scale);
                    }
            }
        }
        if (count > 0 && std::isfinite(low)) {
            // Room around the lines; rates, scores, times and costs are never negative.
            const double pad
                = high > low ? (high - low) * 0.15 : std::max(std::abs(high) * 0.1, 1e-6);
            m[QStringLiteral("min")] = std::max(0.0, low - pad);
            m[QStringLiteral("max")] = high + pad;
        }
        m[QStringLiteral("count")] = count;
        if (latest) {
            if (const auto v = number(*latest, "canary"))
                m[QStringLiteral("canary")] = *v * info.scale;
            if (const auto v = number(*latest, "stable"))
                m[QStringLiteral("stable")] = *v * info.scale;
            m[QStringLiteral("passed")] = latest->value("passed", false);
            m[QStringLiteral("enoughData")] = latest->value("enough_data", false);
            m[QStringLiteral("tolerated")] = number(*latest, "tolerated").value_or(0.0);
            m[QStringLiteral("method")] = text(*latest, "method");
            m[QStringLiteral("explanation")] = text(*latest, "explanation");
        }
        m_metrics.append(m);
    }
    Q_EMIT selectedChanged();
}

QString RolloutController::service() const
{
    const auto* r = selected();
    return r ? QString::fromStdString(r->rollout.service()) : QString();
}

QString RolloutController::stable() const
{
    const auto* r = selected();
    return r ? m_list->label(r->rollout.stable()) : QString();
}

QString RolloutController::candidate() const
{
    const auto* r = selected();
    return r ? m_list->label(r->rollout.candidate()) : QString();
}

QString RolloutController::phase() const
{
    const auto* r = selected();
    return r ? QString::fromUtf8(llmopt::Rollout::phaseName(r->rollout.phase())) : QString();
}

int RolloutController::weight() const
{
    const auto* r = selected();
    return r ? r->rollout.weight() : 0;
}

QString RolloutController::lastMessage() const
{
    const auto* r = selected();
    return r ? QString::fromStdString(r->rollout.lastMessage()) : QString();
}

QString RolloutController::approvedBy() const
{
    const auto* r = selected();
    return r ? QString::fromStdString(r->approvedBy) : QString();
}

qlonglong RolloutController::recommendationId() const
{
    const auto* r = selected();
    return r ? qlonglong(r->recommendationId) : 0;
}

QDateTime RolloutController::created() const
{
    const auto* r = selected();
    return r ? QDateTime::fromMSecsSinceEpoch(r->createdUnixNano / 1'000'000) : QDateTime();
}

bool RolloutController::active() const
{
    const auto* r = selected();
    return r && r->active();
}

bool RolloutController::canConfirm() const
{
    const auto* r = selected();
    return r && !m_busy && r->rollout.phase() == llmopt::Rollout::Phase::Paused;
}

bool RolloutController::canAbort() const
{
    const auto* r = selected();
    return r && !m_busy && r->active();
}

bool RolloutController::canRollback() const
{
    using P = llmopt::Rollout::Phase;
    const auto* r = selected();
    return r && !m_busy && r->rollout.phase() != P::RolledBack && r->rollout.phase() != P::Aborted;
}

bool RolloutController::waitingForSinks() const
{
    const auto* r = selected();
    return r && r->awaitedPolicyVersion != 0;
}

QString RolloutController::sinkMessage() const
{
    const auto* r = selected();
    return r ? QString::fromStdString(r->sinkMessage) : QString();
}

qulonglong RolloutController::awaitedPolicyVersion() const
{
    const auto* r = selected();
    return r ? qulonglong(r->awaitedPolicyVersion) : 0;
}

qulonglong RolloutController::canaryCalls() const
{
    const auto* r = selected();
    return r ? qulonglong(r->canaryCalls) : 0;
}

qulonglong RolloutController::stableCalls() const
{
    const auto* r = selected();
    return r ? qulonglong(r->stableCalls) : 0;
}

void RolloutController::confirm(const QString& reason)
{
    send(llmopt::ActuatorCommand::Kind::Confirm, reason);
}

void RolloutController::abort(const QString& reason)
{
    send(llmopt::ActuatorCommand::Kind::Abort, reason);
}

void RolloutController::rollback(const QString& reason)
{
    send(llmopt::ActuatorCommand::Kind::Rollback, reason);
}

void RolloutController::send(llmopt::ActuatorCommand::Kind kind, const QString& reason)
{
    const llmopt::RolloutRecord* r = selected();
    if (!r || m_busy)
        return;
    // The engine decides whether the command fits the rollout's phase (it
    // may have moved since this list): a refusal comes back as a 409.
    llmopt::ActuatorCommand command;
    command.kind = kind;
    command.actor = m_actor;
    command.rolloutId = r->id;
    command.reason = reason.trimmed().toStdString();
    command.evidence = {{"phase", llmopt::Rollout::phaseName(r->rollout.phase())},
                        {"weight", r->rollout.weight()},
                        {"step", r->rollout.step()},
                        {"last_message", r->rollout.lastMessage()},
                        {"canary_calls", r->canaryCalls},
                        {"stable_calls", r->stableCalls}};
    if (!r->analyses.empty())
        command.evidence["latest_analysis"] = r->analyses.back();
    if (r->awaitedPolicyVersion != 0)
        command.evidence["sink_message"] = r->sinkMessage;
    m_busy = true;
    Q_EMIT busyChanged();
    Q_EMIT selectedChanged(); // the commands' availability
    m_bannerText = tr("Sending “%1” for rollout %2 to the engine…")
                       .arg(QString::fromUtf8(llmopt::ActuatorCommand::kindName(kind)))
                       .arg(r->id);
    m_bannerIsError = false;
    Q_EMIT bannerChanged();
    sendOperatorCommand(m_worker, m_send, std::move(command), this,
                        [this](const llmopt::CommandResult& result) {
                            m_busy = false;
                            Q_EMIT busyChanged();
                            Q_EMIT selectedChanged();
                            showResult(result.status, describeCommandResult(result));
                        });
}

void RolloutController::showResult(int status, const QString& message, qlonglong startedRollout)
{
    if (status == 200 && startedRollout != 0) { // selected once the engine lists it
        m_startedId = startedRollout;
        if (m_list->rowOf(m_startedId) >= 0) {
            m_selectedId = std::exchange(m_startedId, 0);
            rebuildSelected();
        }
    }
    m_bannerText = message;
    m_bannerIsError = status != 200;
    Q_EMIT bannerChanged();
}

void RolloutController::dismissBanner()
{
    if (m_bannerText.isEmpty())
        return;
    m_bannerText.clear();
    m_bannerIsError = false;
    Q_EMIT bannerChanged();
}

void RolloutController::fillMetric(QAbstractSeries* series, const QString& metric,
                                   const QString& side) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    const MetricInfo* info = metricInfo(metric);
    const llmopt::RolloutRecord* r = selected();
    const bool outcome = side == QLatin1String("outcome");
    const std::string key = outcome ? std::string("canary") : side.toStdString();
    QList<QPointF> points;
    QList<QColor> colours;
    if (info && r) {
        for (size_t i = 0; i < r->analyses.size(); ++i) {
            const nlohmann::json* e = metricOf(r->analyses[i], info->name);
            if (!e)
                continue;
            const auto v = number(*e, key.c_str());
            if (!v)
                continue;
            points.append(QPointF(double(i + 1), *v * info->scale));
            colours.append(!e->value("enough_data", false) ? QColor(0x9e, 0x9e, 0x9e)
                               : e->value("passed", false) ? QColor(0x2e, 0x7d, 0x32)
                                                           : QColor(0xc6, 0x28, 0x28));
        }
    }
    xy->replace(points);
    if (outcome)
        for (qsizetype i = 0; i < colours.size(); ++i)
            xy->setPointConfiguration(i, QXYSeries::PointConfiguration::Color, colours[i]);
}
