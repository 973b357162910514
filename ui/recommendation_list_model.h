#pragma once

#include "recommendation.h"

#include <QAbstractListModel>
#include <QThreadPool>
#include <vector>

// The strategies' recommendations, newest first, with Approve and Reject.
// An answer is written to the store by a worker thread through a connection
// of its own (the engine's belongs to the engine thread) and shown at once;
// the next list from the engine confirms it. Who answered is the OS user and
// host; each answer is also appended to the hash-chained audit log.
class RecommendationListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int proposed READ proposed NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StrategyRole,
        ServiceRole,
        FromRole,
        ToRole,
        ActionRole,
        SummaryRole,
        StatusRole, // proposed, approved, rejected, superseded
        CreatedRole, // QDateTime
        SavingsRole, // USD a month; undefined when the strategy gives none
        DecidedByRole,
        DetailsRole, // impact and evidence as indented JSON text
    };
    Q_ENUM(Role)

    explicit RecommendationListModel(QObject* parent = nullptr);
    ~RecommendationListModel() override;

    void setDatabasePath(const QString& path) { m_databasePath = path; }
    void setRecommendations(std::vector<llmopt::Recommendation> list);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int proposed() const;
    QString lastError() const { return m_lastError; }

    // Record the operator's answer (user@host) in the store and the audit log.
    Q_INVOKABLE void approve(int row);
    Q_INVOKABLE void reject(int row);

Q_SIGNALS:
    void countChanged();
    void lastErrorChanged();

private:
    void answer(int row, llmopt::Recommendation::Status status);

    std::vector<llmopt::Recommendation> m_list;
    QString m_databasePath;
    QString m_lastError;
    QThreadPool m_worker;
};
