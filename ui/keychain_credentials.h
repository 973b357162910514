#pragma once

#include "credential_source.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace llmopt {
class EnvironmentCredentials;
}

// Provider API keys from the system keychain (qtkeychain: the Secret Service
// on Linux, Keychain on macOS, the Credential Store on Windows), with the
// environment (EnvironmentCredentials) as the fallback for a provider the
// keychain has no key for or when no keychain is reachable.
//
// Keychain jobs are asynchronous and belong to this object's (the GUI) thread:
// load() reads the keys of the named providers into memory; store() and
// forget() write and delete them. apiKey() answers from memory. Called on
// another thread — provider clients are built on the experiment runner's
// thread — while a read of that provider is still under way, it waits for
// the read (at most kReadWaitMs), so a run started right after launch finds
// the key. Keys never go to QSettings, logs or messages; the keychain's
// plain-text fallback is off. Other secrets of the workbench (an OTLP
// receiver's bearer token: "token/<source>") are kept the same way under
// names with a slash; provider names have none.
class KeychainCredentials : public QObject, public llmopt::CredentialSource {
    Q_OBJECT
    // Why the keychain could not be used, with what to do; empty when it works.
    Q_PROPERTY(QString keychainError READ keychainError NOTIFY changed)
    // Counts changes, so that QML bindings calling keySource() are re-evaluated.
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    static constexpr int kReadWaitMs = 5000;

    // `service` names the keychain entries' owner ("llm-optimizer"; tests use
    // their own so they never touch a user's keys).
    explicit KeychainCredentials(QString service = QStringLiteral("llm-optimizer"),
                                 QObject* parent = nullptr);
    ~KeychainCredentials() override;

    // Reads the keys of the providers not read yet.
    Q_INVOKABLE void load(const QStringList& providers);
    // Saves `key` for `provider` in the keychain; keySaved or failed follows.
    Q_INVOKABLE void store(const QString& provider, const QString& key);
    // Deletes the provider's key from the keychain; keyForgotten or failed follows.
    Q_INVOKABLE void forget(const QString& provider);
    // Where the provider's key comes from, for the operator: "keychain",
    // "environment (OPENAI_API_KEY)", "reading the keychain…" or "" for none.
    Q_INVOKABLE QString keySource(const QString& provider) const;
    Q_INVOKABLE bool hasSavedKey(const QString& provider) const;
    // Whether a read of `name` is under way.
    bool reading(const QString& name) const;
    // The environment variables read for the provider's key, in order.
    Q_INVOKABLE QStringList environmentVariables(const QString& provider) const;

    QString keychainError() const;
    int revision() const { return m_revision; }

    std::optional<std::string> apiKey(const std::string& provider) const override;
    std::string howToSet(const std::string& provider) const override;

Q_SIGNALS:
    void changed();
    void keySaved(const QString& provider);
    void keyForgotten(const QString& provider);
    void failed(const QString& provider, const QString& message);

private:
    void finishRead(const QString& provider, std::optional<QString> key, const QString& error);
    void setError(const QString& message);

    const QString m_service;
    std::unique_ptr<llmopt::EnvironmentCredentials> m_environment;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_readDone;
    std::map<std::string, std::string> m_keys; // under m_mutex
    std::set<std::string> m_reading; // under m_mutex
    std::set<std::string> m_read; // under m_mutex
    QString m_error; // under m_mutex
    int m_revision = 0; // GUI thread only
};
