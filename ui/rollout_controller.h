#pragma once

#include "actuator.h"
#include "operator_command.h"
#include "pending_approval_model.h"
#include "policy_publisher.h"
#include "rollout_list_model.h"
#include "rollout_timeline_model.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QVariantList>

class QAbstractSeries;
class RecommendationListModel;

// The Rollouts screen's model: the switches awaiting approval, the
// actuator's rollouts, and for the selected one its plan and step timeline,
// weights, sink status and the judge's analyses (canary against stable per
// metric), with the operator's commands Confirm, Abort and Rollback. Commands
// go to the engine off the GUI thread (sendOperatorCommand); their answer,
// or an approval's from the recommendation list, shows in the banner.
class RolloutController : public QObject {
    Q_OBJECT
    Q_PROPERTY(RolloutListModel* list READ list CONSTANT)
    Q_PROPERTY(PendingApprovalModel* pending READ pending CONSTANT)
    Q_PROPERTY(RolloutTimelineModel* timeline READ timeline CONSTANT)
    // Who the commands are sent as: "user@host" (AuditLog::operatorIdentity()).
    Q_PROPERTY(QString actor READ actor CONSTANT)
    // The configured plan's steps (what a new rollout will do), for the empty screen.
    Q_PROPERTY(QVariantList plan READ plan NOTIFY planChanged)

    Q_PROPERTY(int selectedRow READ selectedRow WRITE setSelectedRow NOTIFY selectedChanged)
    Q_PROPERTY(bool hasSelection READ hasSelection NOTIFY selectedChanged)
    Q_PROPERTY(qlonglong rolloutId READ rolloutId NOTIFY selectedChanged)
    Q_PROPERTY(QString service READ service NOTIFY selectedChanged)
    Q_PROPERTY(QString stable READ stable NOTIFY selectedChanged)
    Q_PROPERTY(QString candidate READ candidate NOTIFY selectedChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY selectedChanged)
    Q_PROPERTY(int weight READ weight NOTIFY selectedChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY selectedChanged)
    Q_PROPERTY(QString approvedBy READ approvedBy NOTIFY selectedChanged)
    Q_PROPERTY(qlonglong recommendationId READ recommendationId NOTIFY selectedChanged)
    Q_PROPERTY(QDateTime created READ created NOTIFY selectedChanged)
    Q_PROPERTY(bool active READ active NOTIFY selectedChanged)
    Q_PROPERTY(bool canConfirm READ canConfirm NOTIFY selectedChanged)
    Q_PROPERTY(bool canAbort READ canAbort NOTIFY selectedChanged)
    Q_PROPERTY(bool canRollback READ canRollback NOTIFY selectedChanged)
    Q_PROPERTY(bool waitingForSinks READ waitingForSinks NOTIFY selectedChanged)
    Q_PROPERTY(QString sinkMessage READ sinkMessage NOTIFY selectedChanged)
    Q_PROPERTY(qulonglong awaitedPolicyVersion READ awaitedPolicyVersion NOTIFY selectedChanged)
    Q_PROPERTY(qulonglong canaryCalls READ canaryCalls NOTIFY selectedChanged)
    Q_PROPERTY(qulonglong stableCalls READ stableCalls NOTIFY selectedChanged)
    // {index, label, kind, state: done|current|next|stopped|skipped}
    Q_PROPERTY(QVariantList steps READ steps NOTIFY selectedChanged)
    // {number, time, weight, verdict, score, summary, canaryCalls, stableCalls}, oldest first
    Q_PROPERTY(QVariantList verdicts READ verdicts NOTIFY selectedChanged)
    // Per metric of the judge, in a fixed order: {name, title, unit, count, min,
    // max, canary, stable, passed, enoughData, tolerated, method, explanation}
    Q_PROPERTY(QVariantList metrics READ metrics NOTIFY selectedChanged)

    Q_PROPERTY(qulonglong policyVersion READ policyVersion NOTIFY policyChanged)
    Q_PROPERTY(qulonglong policyAcknowledged READ policyAcknowledged NOTIFY policyChanged)
    // {name, acknowledgedVersion, failures, message, upToDate}
    Q_PROPERTY(QVariantList sinks READ sinks NOTIFY policyChanged)

    Q_PROPERTY(QString bannerText READ bannerText NOTIFY bannerChanged)
    Q_PROPERTY(bool bannerIsError READ bannerIsError NOTIFY bannerChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    // Approvals go through `recommendations` (the same command as on the
    // Pareto screen); its answers show in the banner too.
    explicit RolloutController(RecommendationListModel* recommendations, QObject* parent = nullptr);
    ~RolloutController() override;

    void setCommandFunction(CommandFunction send) { m_send = std::move(send); }
    // Waits for the commands on their way (the command function must still work).
    void waitForCommands() { m_worker.waitForDone(); }
    void setRollouts(std::vector<llmopt::RolloutRecord> rollouts);
    void setPolicy(uint64_t version, uint64_t acknowledged,
                   const std::vector<llmopt::PolicySinkStatus>& sinks);
    void setPlan(const llmopt::RolloutPlan& plan);
    void setVariantLabels(std::map<std::string, std::string> labels);

    RolloutListModel* list() const { return m_list; }
    PendingApprovalModel* pending() const { return m_pending; }
    RolloutTimelineModel* timeline() const { return m_timeline; }
    QVariantList plan() const { return m_plan; }
    QString actor() const { return QString::fromStdString(m_actor); }

    int selectedRow() const;
    void setSelectedRow(int row);
    bool hasSelection() const { return selected() != nullptr; }
    qlonglong rolloutId() const { return m_selectedId; }
    QString service() const;
    QString stable() const;
    QString candidate() const;
    QString phase() const;
    int weight() const;
    QString lastMessage() const;
    QString approvedBy() const;
    qlonglong recommendationId() const;
    QDateTime created() const;
    bool active() const;
    bool canConfirm() const;
    bool canAbort() const;
    bool canRollback() const;
    bool waitingForSinks() const;
    QString sinkMessage() const;
    qulonglong awaitedPolicyVersion() const;
    qulonglong canaryCalls() const;
    qulonglong stableCalls() const;
    QVariantList steps() const { return m_steps; }
    QVariantList verdicts() const { return m_verdicts; }
    QVariantList metrics() const { return m_metrics; }

    qulonglong policyVersion() const { return m_policyVersion; }
    qulonglong policyAcknowledged() const { return m_policyAcknowledged; }
    QVariantList sinks() const { return m_sinks; }

    QString bannerText() const { return m_bannerText; }
    bool bannerIsError() const { return m_bannerIsError; }
    bool busy() const { return m_busy; }

    // The operator's commands on the selected rollout, with an optional reason.
    Q_INVOKABLE void confirm(const QString& reason = QString());
    Q_INVOKABLE void abort(const QString& reason = QString());
    Q_INVOKABLE void rollback(const QString& reason = QString());
    Q_INVOKABLE void dismissBanner();
    // One metric of the selected rollout over its analyses (x: analysis
    // number from 1, y: in the metric's display unit). `side`: "canary",
    // "stable", or "outcome" (the canary points coloured by whether the metric
    // passed: green passed, red failed, grey too little data).
    Q_INVOKABLE void fillMetric(QAbstractSeries* series, const QString& metric,
                                const QString& side) const;

Q_SIGNALS:
    void selectedChanged();
    void policyChanged();
    void planChanged();
    void bannerChanged();
    void busyChanged();

private:
    const llmopt::RolloutRecord* selected() const;
    void send(llmopt::ActuatorCommand::Kind kind, const QString& reason);
    void showResult(int status, const QString& message, qlonglong startedRollout = 0);
    void rebuildSelected();

    RolloutListModel* m_list;
    PendingApprovalModel* m_pending;
    RolloutTimelineModel* m_timeline;
    QVariantList m_plan;
    int64_t m_selectedId = 0;
    int64_t m_startedId = 0; // a rollout just started here: selected once listed
    bool m_updating = false; // inside setRollouts()
    QVariantList m_steps, m_verdicts, m_metrics;
    qulonglong m_policyVersion = 0, m_policyAcknowledged = 0;
    QVariantList m_sinks;
    QString m_bannerText;
    bool m_bannerIsError = false;
    bool m_busy = false;
    CommandFunction m_send;
    std::string m_actor;
    QThreadPool m_worker;
};
