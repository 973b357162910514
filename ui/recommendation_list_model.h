#pragma once

#include "operator_command.h"
#include "recommendation.h"

#include <QAbstractListModel>
#include <QThreadPool>
#include <map>
#include <set>
#include <string>
#include <vector>

// The strategies' recommendations, newest first, with Approve and Reject.
// An answer is an operator's command to the engine (EngineLoop::command,
// sent off the GUI thread): the actuator checks it, writes the audit record
// with what the operator saw, stores the answer and — for an approved switch
// or fall-back — starts the canary rollout. The row shows the answer once the
// engine took it; the engine's next list confirms it. Who answered is the OS
// user and host.
class RecommendationListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int proposed READ proposed NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastResultChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastResultChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StrategyRole,
        ServiceRole,
        FromRole, // the variant's name when known, else its id
        ToRole,
        ActionRole,
        SummaryRole,
        StatusRole, // proposed, approved, rejected, superseded
        CreatedRole, // QDateTime
        SavingsRole, // USD a month; undefined when the strategy gives none
        DecidedByRole,
        DetailsRole, // impact and evidence as indented JSON text
        ImpactRole, // the expected change per request in one line; empty when none
        AnsweringRole, // an answer is on its way to the engine
    };
    Q_ENUM(Role)

    explicit RecommendationListModel(QObject* parent = nullptr);
    ~RecommendationListModel() override;

    // Where answers go; none: they are refused with "the engine is not running".
    void setCommandFunction(CommandFunction send) { m_send = std::move(send); }
    void setRecommendations(std::vector<llmopt::Recommendation> list);
    // The operators' names of variant ids, for FromRole and ToRole.
    void setVariantLabels(std::map<std::string, std::string> labels);
    // Waits for the answers on their way (the command function must still work).
    void waitForAnswers() { m_worker.waitForDone(); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int proposed() const;
    QString lastError() const { return m_lastError; }
    QString lastMessage() const { return m_lastMessage; }

    // Send the operator's (user@host) answer to the engine.
    Q_INVOKABLE void approve(int row, const QString& reason = QString());
    Q_INVOKABLE void reject(int row, const QString& reason = QString());

Q_SIGNALS:
    void countChanged();
    void lastResultChanged();
    // The engine's answer to approve() or reject() (status as HTTP, 200 done;
    // the rollout an approval started, else 0), also for other views: the
    // Rollouts screen's banner.
    void answered(int status, const QString& message, qlonglong rolloutId);

private:
    void answer(int row, llmopt::ActuatorCommand::Kind kind, const QString& reason);
    void received(int64_t id, llmopt::ActuatorCommand::Kind kind, const llmopt::CommandResult& r);
    int rowOf(int64_t id) const;
    QString label(const std::string& variant) const;

    std::vector<llmopt::Recommendation> m_list;
    std::set<int64_t> m_answering; // ids with an answer in flight
    std::map<std::string, std::string> m_labels;
    CommandFunction m_send;
    std::string m_actor;
    QString m_lastError, m_lastMessage;
    QThreadPool m_worker;
};
