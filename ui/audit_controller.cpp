#include "audit_controller.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <utility>

Q_LOGGING_CATEGORY(lcAudit, "llmopt.ui.audit")

AuditController::AuditController(QObject* parent)
    : QAbstractListModel(parent)
{
    m_worker.setMaxThreadCount(1); // one connection at a time, reads in order
}

AuditController::~AuditController()
{
    m_worker.waitForDone(); // a read in flight refers to this object
}

void AuditController::setDatabasePath(const QString& path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT availabilityChanged();
}

bool AuditController::available() const
{
    return !m_path.isEmpty() && m_path != QLatin1String(":memory:");
}

QString AuditController::verificationText() const
{
    if (m_verification == QLatin1String("ok"))
        return m_result.checked == 0 ? tr("The audit log is empty: nothing to check yet.")
            : m_result.checked == 1
            ? tr("Intact: 1 record checked, the chain is unbroken.")
            : tr("Intact: %1 records checked, the chain is unbroken.").arg(m_result.checked);
    if (m_verification == QLatin1String("broken"))
        return tr("Broken at record %1: %2")
            .arg(m_result.brokenSeq)
            .arg(QString::fromStdString(m_result.problem));
    if (m_verification == QLatin1String("error"))
        return tr("The check could not run: %1").arg(m_verificationError);
    return {};
}

int AuditController::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant AuditController::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const llmopt::AuditRecord& r = m_records[size_t(index.row())];
    switch (role) {
    case SeqRole:
        return qlonglong(r.seq);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(r.timeUnixNano / 1'000'000);
    case ActorRole:
        return QString::fromStdString(r.actor);
    case ActionRole:
        return QString::fromStdString(r.action);
    case Qt::DisplayRole:
    case SubjectRole:
        return QString::fromStdString(r.subject);
    case EvidenceRole:
        return QString::fromStdString(
            r.evidence.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    case EvidenceLineRole:
        return QString::fromStdString(
            r.evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    case HashRole:
        return QString::fromStdString(r.hash);
    case PreviousHashRole:
        return QString::fromStdString(r.previousHash);
    case BrokenRole:
        return m_verification == QLatin1String("broken") && r.seq == m_result.brokenSeq;
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditController::roleNames() const
{
    return {{SeqRole, "seq"},
            {TimeRole, "time"},
            {ActorRole, "actor"},
            {ActionRole, "action"},
            {SubjectRole, "subject"},
            {EvidenceRole, "evidence"},
            {EvidenceLineRole, "evidenceLine"},
            {HashRole, "hash"},
            {PreviousHashRole, "previousHash"},
            {BrokenRole, "broken"}};
}

void AuditController::refresh()
{
    if (!available())
        return;
    if (m_loading) {
        m_refreshAgain = true;
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged();
    m_worker.start([this, path = m_path.toStdString()] {
        std::vector<llmopt::AuditRecord> records;
        QString error;
        try {
            records = llmopt::AuditLog(path).records(kRecords);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, records = std::move(records), error]() mutable {
                loaded(std::move(records), error);
            },
            Qt::QueuedConnection);
    });
}

void AuditController::loaded(std::vector<llmopt::AuditRecord> records, const QString& error)
{
    m_loading = false;
    Q_EMIT loadingChanged();
    setError(error.isEmpty() ? QString() : tr("The audit log could not be read: %1").arg(error));
    if (error.isEmpty()) {
        const auto same = [](const auto& a, const auto& b) { // an edited row shows as edited
            return a.seq == b.seq && a.hash == b.hash && a.previousHash == b.previousHash
                && a.timeUnixNano == b.timeUnixNano && a.actor == b.actor && a.action == b.action
                && a.subject == b.subject && a.evidence == b.evidence;
        };
        // The log is append-only: usually the list only gained records at the
        // top. Inserting them (and dropping the oldest beyond the limit) keeps
        // the view's expanded rows and scroll position; anything else resets.
        size_t added = 0;
        if (!m_records.empty())
            while (added < records.size() && records[added].seq > m_records.front().seq)
                ++added;
        const auto kept = records.begin() + std::ptrdiff_t(added);
        const bool onlyNewer = !m_records.empty() && records.size() - added <= m_records.size()
            && std::equal(kept, records.end(), m_records.begin(), same);
        if (onlyNewer) {
            if (added > 0) {
                beginInsertRows({}, 0, int(added) - 1);
                m_records.insert(m_records.begin(), records.begin(), kept);
                endInsertRows();
            }
            if (m_records.size() > records.size()) {
                beginRemoveRows({}, int(records.size()), int(m_records.size()) - 1);
                m_records.resize(records.size());
                endRemoveRows();
            }
        } else {
            beginResetModel();
            m_records = std::move(records);
            endResetModel();
        }
        m_loadedAt = QDateTime::currentDateTime();
        Q_EMIT countChanged();
    }
    if (std::exchange(m_refreshAgain, false))
        refresh();
}

void AuditController::verify()
{
    if (!available() || m_verifying)
        return;
    m_verifying = true;
    Q_EMIT verificationChanged();
    m_worker.start([this, path = m_path.toStdString()] {
        llmopt::AuditLog::VerifyResult result;
        QString error;
        try {
            result = llmopt::AuditLog(path).verify();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result, error] { verified(result, error); }, Qt::QueuedConnection);
    });
}

void AuditController::verified(const llmopt::AuditLog::VerifyResult& result, const QString& error)
{
    m_verifying = false;
    m_verifiedAt = QDateTime::currentDateTime();
    m_verificationError = error;
    m_result = error.isEmpty() ? result : llmopt::AuditLog::VerifyResult{};
    m_verification = !error.isEmpty() ? QStringLiteral("error")
        : result.ok                   ? QStringLiteral("ok")
                                      : QStringLiteral("broken");
    if (m_verification == QLatin1String("broken"))
        qCWarning(lcAudit) << "audit log broken at record" << result.brokenSeq << ":"
                           << result.problem.c_str();
    Q_EMIT verificationChanged();
    if (!m_records.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {BrokenRole});
}

void AuditController::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void AuditController::copyToClipboard(const QString& text) const
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}
