#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QVariantMap>
#include <memory>
#include <vector>

class KeychainCredentials;

namespace llmopt {
class IngestQueue;
class KafkaConsumer;
class OtlpHttpReceiver;
struct EngineSnapshot;
} // namespace llmopt

// The telemetry sources of the GUI (Connections screen): OTLP/HTTP receivers
// and Kafka consumers, each running and feeding the engine's queue, with its
// state, counters and last error. The list persists in QSettings ("sources").
//
// A source's settings are a QVariantMap: kind ("otlp" or "kafka"); for otlp:
// address, port, token, tlsCertificate and tlsPrivateKey (PEM files; both or
// neither); for kafka: brokers, topics (comma-separated), group,
// encoding (otlp_proto, otlp_json or flat_json), logTopics (comma-separated,
// OTLP log records carrying gen_ai.evaluation.result evaluations; optional).
// A bearer token is kept in the system keychain ("token/<source name>"),
// never in the settings; a saved source whose token cannot be read stays
// listed, stopped, with an error that says to enter it again.
class SourceListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        KindRole,
        EndpointRole,
        StateRole, // "running", "connecting", "error"
        LastErrorRole,
        ReceivedRole, // events decoded
        StoredRole, // new events stored
        RejectedRole, // malformed spans, undecodable input: kept as dead letters
        PushedBackRole, // requests answered 503 / Kafka pauses: the engine was behind
        LagRole, // Kafka: records behind; -1 unknown or not Kafka
    };
    Q_ENUM(Role)

    explicit SourceListModel(llmopt::IngestQueue& queue, QObject* parent = nullptr);
    ~SourceListModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Adds and starts a source. Returns an empty string, or why the settings
    // cannot be used (nothing is added then). A source that is added but cannot
    // start (port in use, broker unreachable) stays listed with its error.
    Q_INVOKABLE QString add(const QVariantMap& settings);
    // Replaces row `row` with new settings (restarted); same answer as add().
    Q_INVOKABLE QString edit(int row, const QVariantMap& settings);
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE QVariantMap settingsAt(int row) const;
    // Why `settings` cannot be used, or an empty string.
    Q_INVOKABLE static QString validate(const QVariantMap& settings);

    // Where bearer tokens are kept; without one, a token lives only as long
    // as the program (tests).
    void setSecrets(KeychainCredentials* secrets) { m_secrets = secrets; }
    // Starts the sources saved in QSettings (those with a token once the
    // keychain has answered).
    void load();
    // Stops every source (before the engine drains its queue).
    void stopAll();
    // Engine-side counters per source, read from a snapshot; source-side ones
    // (pushed back, Kafka lag, health) from the sources themselves.
    void refresh(const llmopt::EngineSnapshot& snapshot);

    // All sources as of the last refresh, for the status bar.
    struct Summary {
        int running = 0;
        QString failing; // the first source in error, its name; empty when none is
        QString failingError;
        quint64 pushedBack = 0;
    };
    Summary summary() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Source;
    void start(Source& source);
    void save() const;
    static QString uniqueName(const QVariantMap& settings);
    static QString tokenName(const QString& source);
    // Starts the saved sources waiting for their token whose read has ended.
    void addWaiting();

    llmopt::IngestQueue& m_queue;
    std::vector<std::unique_ptr<Source>> m_sources;
    KeychainCredentials* m_secrets = nullptr;
    std::vector<QVariantMap> m_waiting; // saved sources whose token is being read
};
