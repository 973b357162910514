#include "source_list_model.h"

#include "engine_loop.h"
#include "kafka_consumer.h"
#include "keychain_credentials.h"
#include "otlp_http_receiver.h"

#include <QSettings>
#include <boost/asio/ip/address.hpp>
#include <stdexcept>

namespace {

const QString kOtlp = QStringLiteral("otlp");
const QString kKafka = QStringLiteral("kafka");

QStringList topicsOf(const QVariantMap& settings, const QString& key = QStringLiteral("topics"))
{
    QStringList topics;
    for (const QString& t : settings.value(key).toString().split(u','))
        if (!t.trimmed().isEmpty())
            topics << t.trimmed();
    return topics;
}

bool isKafkaSettings(const QVariantMap& settings)
{
    return settings.value(QStringLiteral("kind")).toString() == kKafka;
}

// Where a source listens or reads, as shown on its row.
QString endpointOf(const QVariantMap& settings)
{
    if (isKafkaSettings(settings))
        return QStringLiteral("%1 · %2").arg(settings.value(QStringLiteral("brokers")).toString(),
                                             topicsOf(settings).join(QStringLiteral(", ")));
    const bool tls = !settings.value(QStringLiteral("tlsCertificate")).toString().isEmpty();
    return QStringLiteral("%1://%2:%3/v1/traces")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(settings.value(QStringLiteral("address")).toString())
        .arg(settings.value(QStringLiteral("port")).toInt());
}

} // namespace

struct SourceListModel::Source {
    QVariantMap settings;
    QString name; // unique; names the source's batches in the engine
    std::unique_ptr<llmopt::OtlpHttpReceiver> otlp;
    std::unique_ptr<llmopt::KafkaConsumer> kafka;
    QString startError;

    QString state = QStringLiteral("connecting");
    QString lastError;
    quint64 received = 0;
    quint64 stored = 0;
    quint64 rejected = 0;
    quint64 pushedBack = 0;
    qint64 lag = -1;

    bool isKafka() const { return isKafkaSettings(settings); }
    QString endpoint() const { return endpointOf(settings); }
};

SourceListModel::SourceListModel(llmopt::IngestQueue& queue, QObject* parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
{
}

SourceListModel::~SourceListModel()
{
    stopAll();
}

int SourceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

QVariant SourceListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Source& s = *m_sources[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return s.name;
    case KindRole:
        return s.isKafka() ? kKafka : kOtlp;
    case EndpointRole:
        return s.endpoint();
    case StateRole:
        return s.state;
    case LastErrorRole:
        return s.lastError;
    case ReceivedRole:
        return s.received;
    case StoredRole:
        return s.stored;
    case RejectedRole:
        return s.rejected;
    case PushedBackRole:
        return s.pushedBack;
    case LagRole:
        return s.lag;
    default:
        return {};
    }
}

QHash<int, QByteArray> SourceListModel::roleNames() const
{
    return {{NameRole, "name"},     {KindRole, "kind"},           {EndpointRole, "endpoint"},
            {StateRole, "health"},  {LastErrorRole, "lastError"}, {ReceivedRole, "received"},
            {StoredRole, "stored"}, {RejectedRole, "rejected"},   {PushedBackRole, "pushedBack"},
            {LagRole, "lag"}};
}

QString SourceListModel::validate(const QVariantMap& settings)
{
    const QString kind = settings.value(QStringLiteral("kind")).toString();
    if (kind == kOtlp) {
        const QString address = settings.value(QStringLiteral("address")).toString();
        boost::system::error_code notAnAddress;
        boost::asio::ip::make_address(address.toStdString(), notAnAddress);
        if (notAnAddress)
            return tr("The address must be an IP address, such as 127.0.0.1 (this computer only) "
                      "or 0.0.0.0 (every network interface).");
        bool ok = false;
        const int port = settings.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return tr("The port must be a number from 1 to 65535 (OTLP/HTTP uses 4318).");
        const bool certificate
            = !settings.value(QStringLiteral("tlsCertificate")).toString().isEmpty();
        const bool key = !settings.value(QStringLiteral("tlsPrivateKey")).toString().isEmpty();
        if (certificate != key)
            return tr("HTTPS needs both a certificate file and its private key file (PEM); leave "
                      "both empty for plain HTTP.");
        return {};
    }
    if (kind == kKafka) {
        if (settings.value(QStringLiteral("brokers")).toString().trimmed().isEmpty())
            return tr("Name at least one broker, such as localhost:9092.");
        if (topicsOf(settings).isEmpty())
            return tr("Name at least one topic, such as otlp_spans.");
        const QString encoding = settings.value(QStringLiteral("encoding")).toString();
        if (!QStringList{QStringLiteral("otlp_proto"), QStringLiteral("otlp_json"),
                         QStringLiteral("flat_json")}
                 .contains(encoding))
            return tr("The encoding must be otlp_proto, otlp_json or flat_json.");
        if (encoding == QStringLiteral("flat_json")
            && !topicsOf(settings, QStringLiteral("logTopics")).isEmpty())
            return tr("Evaluation topics need the otlp_proto or otlp_json encoding (flat_json "
                      "events carry their evaluations inline).");
        return {};
    }
    return tr("Choose the kind of source: an OTLP/HTTP receiver or a Kafka topic.");
}

QString SourceListModel::uniqueName(const QVariantMap& settings)
{
    return (isKafkaSettings(settings) ? QStringLiteral("Kafka ") : QStringLiteral("OTLP/HTTP "))
        + endpointOf(settings);
}

void SourceListModel::start(Source& s)
{
    s.startError.clear();
    try {
        if (s.isKafka()) {
            llmopt::KafkaConsumer::Options o;
            o.brokers
                = s.settings.value(QStringLiteral("brokers")).toString().trimmed().toStdString();
            o.topics.clear();
            for (const QString& t : topicsOf(s.settings))
                o.topics.push_back(t.toStdString());
            for (const QString& t : topicsOf(s.settings, QStringLiteral("logTopics")))
                o.logTopics.push_back(t.toStdString());
            const QString group = s.settings.value(QStringLiteral("group")).toString().trimmed();
            o.groupId = group.isEmpty() ? "llm-optimizer-workbench" : group.toStdString();
            o.encoding = llmopt::KafkaConsumer::encodingFromName(
                s.settings.value(QStringLiteral("encoding")).toString().toStdString());
            o.sourceName = s.name.toStdString();
            s.kafka = std::make_unique<llmopt::KafkaConsumer>(o, m_queue);
            s.kafka->start();
        } else {
            llmopt::OtlpHttpReceiver::Options o;
            o.address = s.settings.value(QStringLiteral("address")).toString().toStdString();
            o.port = static_cast<uint16_t>(s.settings.value(QStringLiteral("port")).toInt());
            o.bearerToken = s.settings.value(QStringLiteral("token")).toString().toStdString();
            o.tlsCertificateFile
                = s.settings.value(QStringLiteral("tlsCertificate")).toString().toStdString();
            o.tlsPrivateKeyFile
                = s.settings.value(QStringLiteral("tlsPrivateKey")).toString().toStdString();
            o.sourceName = s.name.toStdString();
            s.otlp = std::make_unique<llmopt::OtlpHttpReceiver>(o, m_queue);
            s.otlp->start();
        }
    } catch (const std::exception& e) {
        s.otlp.reset();
        s.kafka.reset();
        s.startError = QString::fromStdString(e.what());
    }
    s.state = s.startError.isEmpty() ? QStringLiteral("connecting") : QStringLiteral("error");
    s.lastError = s.startError;
}

QString SourceListModel::add(const QVariantMap& settings)
{
    if (QString why = validate(settings); !why.isEmpty())
        return why;
    const QString name = uniqueName(settings);
    for (const auto& s : m_sources)
        if (s->name == name)
            return tr("%1 is already in the list.").arg(name);
    auto source = std::make_unique<Source>();
    source->settings = settings;
    source->name = name;
    start(*source);
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_sources.push_back(std::move(source));
    endInsertRows();
    save();
    Q_EMIT countChanged();
    return {};
}

QString SourceListModel::edit(int row, const QVariantMap& settings)
{
    if (row < 0 || row >= rowCount())
        return tr("There is no source %1.").arg(row + 1);
    if (QString why = validate(settings); !why.isEmpty())
        return why;
    const QString name = uniqueName(settings);
    for (int i = 0; i < rowCount(); ++i)
        if (i != row && m_sources[size_t(i)]->name == name)
            return tr("%1 is already in the list.").arg(name);
    Source& s = *m_sources[size_t(row)];
    if (s.otlp)
        s.otlp->stop(); // frees the port before the new settings bind it
    if (s.kafka)
        s.kafka->stop();
    s.otlp.reset();
    s.kafka.reset();
    s = Source{};
    s.settings = settings;
    s.name = name;
    start(s);
    Q_EMIT dataChanged(index(row), index(row));
    save();
    return {};
}

void SourceListModel::remove(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    auto source = std::move(m_sources[size_t(row)]);
    m_sources.erase(m_sources.begin() + row);
    endRemoveRows();
    if (source->otlp)
        source->otlp->stop();
    if (source->kafka)
        source->kafka->stop();
    save();
    Q_EMIT countChanged();
}

QVariantMap SourceListModel::settingsAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_sources[size_t(row)]->settings;
}

QString SourceListModel::tokenName(const QString& source)
{
    return QStringLiteral("token/") + source;
}

void SourceListModel::save() const
{
    QSettings settings;
    settings.remove(QStringLiteral("sources"));
    settings.beginWriteArray(QStringLiteral("sources"), rowCount());
    for (int i = 0; i < rowCount(); ++i) {
        settings.setArrayIndex(i);
        const Source& s = *m_sources[size_t(i)];
        for (auto it = s.settings.begin(); it != s.settings.end(); ++it)
            if (it.key() != QLatin1String("token"))
                settings.setValue(it.key(), it.value());
        const QString token = s.settings.value(QStringLiteral("token")).toString();
        if (!token.isEmpty()) {
            settings.setValue(QStringLiteral("hasToken"), true);
            if (m_secrets)
                m_secrets->store(tokenName(s.name), token);
        }
    }
    settings.endArray();
}

void SourceListModel::load()
{
    QSettings settings;
    const int n = settings.beginReadArray(QStringLiteral("sources"));
    std::vector<QVariantMap> saved;
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        QVariantMap map;
        for (const QString& key : settings.childKeys())
            map.insert(key, settings.value(key));
        saved.push_back(map);
    }
    settings.endArray();
    QStringList tokens;
    for (QVariantMap& map : saved) {
        // An older version kept the token here: added with it, and saved again without.
        if (!map.take(QStringLiteral("hasToken")).toBool()
            || map.contains(QStringLiteral("token"))) {
            add(map); // a saved source that is no longer valid is dropped
            continue;
        }
        tokens << tokenName(uniqueName(map));
        m_waiting.push_back(std::move(map));
    }
    if (m_waiting.empty())
        return;
    if (m_secrets) {
        connect(m_secrets, &KeychainCredentials::changed, this, &SourceListModel::addWaiting);
        m_secrets->load(tokens);
    }
    addWaiting();
}

void SourceListModel::addWaiting()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const QString secret = tokenName(uniqueName(*it));
        if (m_secrets && m_secrets->reading(secret)) {
            ++it;
            continue;
        }
        const auto token = m_secrets ? m_secrets->apiKey(secret.toStdString()) : std::nullopt;
        if (token) {
            QVariantMap map = *it;
            map.insert(QStringLiteral("token"), QString::fromStdString(*token));
            add(map);
        } else { // listed, not started: a receiver without its token would take anyone's spans
            auto source = std::make_unique<Source>();
            source->settings = *it;
            source->settings.insert(QStringLiteral("hasToken"), true); // saved as it was
            source->name = uniqueName(*it);
            source->state = QStringLiteral("error");
            source->lastError = tr("Its bearer token is not in the system keychain (%1). Edit "
                                   "the source and enter the token again.")
                                    .arg(m_secrets && !m_secrets->keychainError().isEmpty()
                                             ? m_secrets->keychainError()
                                             : tr("no entry"));
            const int row = rowCount();
            beginInsertRows({}, row, row);
            m_sources.push_back(std::move(source));
            endInsertRows();
            Q_EMIT countChanged();
        }
        it = m_waiting.erase(it);
    }
    if (m_waiting.empty() && m_secrets)
        disconnect(m_secrets, &KeychainCredentials::changed, this, &SourceListModel::addWaiting);
}

void SourceListModel::stopAll()
{
    for (const auto& s : m_sources) {
        if (s->otlp)
            s->otlp->stop();
        if (s->kafka)
            s->kafka->stop();
    }
}

void SourceListModel::refresh(const llmopt::EngineSnapshot& snapshot)
{
    for (const auto& sp : m_sources) {
        Source& s = *sp;
        if (const auto it = snapshot.sources.find(s.name.toStdString());
            it != snapshot.sources.end()) {
            const llmopt::SourceCounters& c = it->second;
            s.received = c.ingest.received;
            s.stored = c.ingest.stored;
            s.rejected = c.ingest.rejected + c.deadLettered;
        }
        if (s.otlp) {
            s.pushedBack = s.otlp->counters().pushedBack.load();
            s.state = QStringLiteral("running");
        } else if (s.kafka) {
            const auto health = s.kafka->health();
            const auto stats = s.kafka->stats();
            s.pushedBack = stats.pauses;
            s.lag = stats.lag;
            s.lastError = QString::fromStdString(health.lastError);
            s.state = health.connected  ? QStringLiteral("running")
                : s.lastError.isEmpty() ? QStringLiteral("connecting")
                                        : QStringLiteral("error");
        }
    }
    if (!m_sources.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {StateRole, LastErrorRole, ReceivedRole, StoredRole, RejectedRole,
                            PushedBackRole, LagRole});
}

SourceListModel::Summary SourceListModel::summary() const
{
    Summary out;
    for (const auto& s : m_sources) {
        out.pushedBack += s->pushedBack;
        if (s->state == QLatin1String("running"))
            ++out.running;
        else if (s->state == QLatin1String("error") && out.failing.isEmpty()) {
            out.failing = s->name;
            out.failingError = s->lastError;
        }
    }
    return out;
}
