#pragma once

#include "audit_log.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QThreadPool>
#include <vector>

// The Audit screen's model: the newest records of the operators' hash-chained
// audit log, and a check of the whole chain. Both are read by a worker thread
// through an AuditLog connection of its own (the engine's belongs to the
// engine thread); results come back queued, so the GUI thread never touches
// the database. Refreshes coalesce: one read at a time, one more if asked
// meanwhile.
class AuditController : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString databasePath READ databasePath NOTIFY availabilityChanged)
    // False for an in-memory database: nobody else could audit it.
    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QDateTime loadedAt READ loadedAt NOTIFY countChanged)
    Q_PROPERTY(bool verifying READ verifying NOTIFY verificationChanged)
    // "" (not checked yet), "ok", "broken" or "error" (the check could not run).
    Q_PROPERTY(QString verification READ verification NOTIFY verificationChanged)
    Q_PROPERTY(QString verificationText READ verificationText NOTIFY verificationChanged)
    Q_PROPERTY(qlonglong checkedRecords READ checkedRecords NOTIFY verificationChanged)
    Q_PROPERTY(qlonglong brokenSeq READ brokenSeq NOTIFY verificationChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY verificationChanged)
    Q_PROPERTY(qlonglong headSeq READ headSeq NOTIFY verificationChanged)
    Q_PROPERTY(QString headHash READ headHash NOTIFY verificationChanged)
    Q_PROPERTY(QDateTime verifiedAt READ verifiedAt NOTIFY verificationChanged)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,
        TimeRole, // QDateTime
        ActorRole,
        ActionRole,
        SubjectRole,
        EvidenceRole, // indented JSON
        EvidenceLineRole, // compact JSON on one line
        HashRole,
        PreviousHashRole,
        BrokenRole, // the record the last check found broken
    };
    Q_ENUM(Role)

    static constexpr size_t kRecords = 500; // the newest shown

    explicit AuditController(QObject* parent = nullptr);
    ~AuditController() override;

    // The event database holding the audit_log table; ":memory:" or "": none.
    void setDatabasePath(const QString& path);
    QString databasePath() const { return m_path; }
    bool available() const;
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    QDateTime loadedAt() const { return m_loadedAt; }
    bool verifying() const { return m_verifying; }
    QString verification() const { return m_verification; }
    QString verificationText() const;
    qlonglong checkedRecords() const { return qlonglong(m_result.checked); }
    qlonglong brokenSeq() const { return m_result.brokenSeq; }
    QString problem() const { return QString::fromStdString(m_result.problem); }
    qlonglong headSeq() const { return m_result.headSeq; }
    QString headHash() const { return QString::fromStdString(m_result.headHash); }
    QDateTime verifiedAt() const { return m_verifiedAt; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the newest records again (off the GUI thread).
    Q_INVOKABLE void refresh();
    // Walks the whole chain (off the GUI thread).
    Q_INVOKABLE void verify();
    Q_INVOKABLE void copyToClipboard(const QString& text) const;

Q_SIGNALS:
    void countChanged();
    void availabilityChanged();
    void loadingChanged();
    void errorChanged();
    void verificationChanged();

private:
    void loaded(std::vector<llmopt::AuditRecord> records, const QString& error);
    void verified(const llmopt::AuditLog::VerifyResult& result, const QString& error);
    void setError(const QString& error);

    QString m_path;
    std::vector<llmopt::AuditRecord> m_records; // newest first
    bool m_loading = false;
    bool m_refreshAgain = false; // asked while reading
    QString m_error;
    QDateTime m_loadedAt;
    bool m_verifying = false;
    QString m_verification;
    QString m_verificationError;
    llmopt::AuditLog::VerifyResult m_result;
    QDateTime m_verifiedAt;
    QThreadPool m_worker;
};
