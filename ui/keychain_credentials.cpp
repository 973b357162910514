#include "keychain_credentials.h"

#include "environment_credentials.h"

#include <QThread>
#include <qt6keychain/keychain.h>

namespace {

// A provider's API key is "api-key/<provider>"; a name with a slash is
// another secret ("token/<source>") and is its own entry.
QString entryName(const QString& name)
{
    return name.contains(QLatin1Char('/')) ? name : QStringLiteral("api-key/") + name;
}

} // namespace

KeychainCredentials::KeychainCredentials(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_environment(std::make_unique<llmopt::EnvironmentCredentials>())
{
}

KeychainCredentials::~KeychainCredentials() = default;

void KeychainCredentials::load(const QStringList& providers)
{
    for (const QString& provider : providers) {
        const std::string name = provider.toStdString();
        {
            std::lock_guard lock(m_mutex);
            if (provider.isEmpty() || m_read.count(name) || m_reading.count(name))
                continue;
            m_reading.insert(name);
        }
        auto* job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setInsecureFallback(false);
        job->setKey(entryName(provider));
        connect(job, &QKeychain::Job::finished, this, [this, job, provider] {
            if (job->error() == QKeychain::NoError)
                finishRead(provider, job->textData(), {});
            else if (job->error() == QKeychain::EntryNotFound)
                finishRead(provider, std::nullopt, {});
            else
                finishRead(provider, std::nullopt, job->errorString());
        });
        job->start(); // deletes itself once finished was emitted
    }
}

void KeychainCredentials::finishRead(const QString& provider, std::optional<QString> key,
                                     const QString& error)
{
    {
        std::lock_guard lock(m_mutex);
        const std::string name = provider.toStdString();
        m_reading.erase(name);
        m_read.insert(name);
        if (key && !key->isEmpty())
            m_keys[name] = key->toStdString();
    }
    m_readDone.notify_all();
    if (!error.isEmpty())
        setError(error);
    ++m_revision;
    Q_EMIT changed();
}

void KeychainCredentials::setError(const QString& message)
{
    {
        std::lock_guard lock(m_mutex);
        m_error = tr("The system keychain could not be used (%1), so API keys come from the "
                     "environment only. Start a Secret Service (GNOME Keyring or KWallet) and "
                     "unlock it, or set the variables named below.")
                      .arg(message);
    }
    ++m_revision;
    Q_EMIT changed();
}

void KeychainCredentials::store(const QString& provider, const QString& key)
{
    if (provider.isEmpty() || key.isEmpty()) {
        Q_EMIT failed(provider, tr("Enter both the provider and its API key."));
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(entryName(provider));
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, provider, key] {
        if (job->error() != QKeychain::NoError) {
            Q_EMIT failed(provider,
                          tr("The key for %1 was not saved: %2").arg(provider, job->errorString()));
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_keys[provider.toStdString()] = key.toStdString();
            m_read.insert(provider.toStdString());
            m_error.clear();
        }
        ++m_revision;
        Q_EMIT changed();
        Q_EMIT keySaved(provider);
    });
    job->start();
}

void KeychainCredentials::forget(const QString& provider)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(entryName(provider));
    connect(job, &QKeychain::Job::finished, this, [this, job, provider] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            Q_EMIT failed(
                provider,
                tr("The key for %1 was not deleted: %2").arg(provider, job->errorString()));
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_keys.erase(provider.toStdString());
        }
        ++m_revision;
        Q_EMIT changed();
        Q_EMIT keyForgotten(provider);
    });
    job->start();
}

QString KeychainCredentials::keySource(const QString& provider) const
{
    const std::string name = provider.toStdString();
    {
        std::lock_guard lock(m_mutex);
        if (m_keys.count(name))
            return tr("keychain");
        if (m_reading.count(name))
            return tr("reading the keychain…");
    }
    const std::string variable = m_environment->sourceVariable(name);
    if (variable.empty())
        return {};
    return tr("environment (%1)").arg(QString::fromStdString(variable));
}

bool KeychainCredentials::reading(const QString& name) const
{
    std::lock_guard lock(m_mutex);
    return m_reading.count(name.toStdString()) > 0;
}

bool KeychainCredentials::hasSavedKey(const QString& provider) const
{
    std::lock_guard lock(m_mutex);
    return m_keys.count(provider.toStdString()) > 0;
}

QStringList KeychainCredentials::environmentVariables(const QString& provider) const
{
    QStringList out;
    for (const std::string& variable :
         llmopt::EnvironmentCredentials::variablesFor(provider.toStdString()))
        out << QString::fromStdString(variable);
    return out;
}

QString KeychainCredentials::keychainError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

std::optional<std::string> KeychainCredentials::apiKey(const std::string& provider) const
{
    {
        std::unique_lock lock(m_mutex);
        // Waiting on the GUI thread would block the read it waits for.
        if (QThread::currentThread() != thread())
            m_readDone.wait_for(lock, std::chrono::milliseconds(kReadWaitMs),
                                [&] { return !m_reading.count(provider); });
        if (const auto found = m_keys.find(provider); found != m_keys.end())
            return found->second;
    }
    return m_environment->apiKey(provider);
}

std::string KeychainCredentials::howToSet(const std::string& provider) const
{
    return "save it with API keys… on the Experiments screen (system keychain) or "
        + m_environment->howToSet(provider);
}
