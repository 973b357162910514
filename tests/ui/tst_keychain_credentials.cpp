// KeychainCredentials against a real Secret Service: ctest runs the keychain
// cases inside a private D-Bus session with an unlocked GNOME Keyring
// (tests/ui/keychain_session.sh), under a service name of the test's own, and
// the unreachable case with no session bus at all.
#include "ingest_queue.h"
#include "keychain_credentials.h"
#include "source_list_model.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <future>

using namespace std::chrono_literals;

class TestKeychainCredentials : public QObject {
    Q_OBJECT

    const QString m_service
        = QStringLiteral("llm-optimizer-test-%1").arg(QCoreApplication::applicationPid());

    void save(KeychainCredentials& credentials, const QString& provider, const QString& key)
    {
        QSignalSpy saved(&credentials, &KeychainCredentials::keySaved);
        QSignalSpy failed(&credentials, &KeychainCredentials::failed);
        credentials.store(provider, key);
        QTRY_VERIFY2(saved.count() + failed.count() == 1, "the write job never finished");
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("LLMOPT_OPENAI_API_KEY");
        qunsetenv("ANTHROPIC_API_KEY");
        qunsetenv("LLMOPT_ANTHROPIC_API_KEY");
    }

    void savedKeyIsReadBackByANewInstance()
    {
        {
            KeychainCredentials writer(m_service);
            save(writer, "anthropic", "sk-ant-saved-1");
            QCOMPARE(writer.keySource("anthropic"), QStringLiteral("keychain"));
        }
        KeychainCredentials reader(m_service);
        QCOMPARE(reader.apiKey("anthropic"), std::nullopt); // nothing read yet
        reader.load({"anthropic", "openai"});
        QTRY_VERIFY(reader.keySource("anthropic") == QLatin1String("keychain"));
        QCOMPARE(reader.apiKey("anthropic"), std::optional<std::string>("sk-ant-saved-1"));
        QTRY_VERIFY(reader.keySource("openai") != QLatin1String("reading the keychain…"));
        QCOMPARE(reader.keySource("openai"),
                 QString()); // not in the keychain, not in the environment
        QCOMPARE(reader.apiKey("openai"), std::nullopt);
        QCOMPARE(reader.keychainError(), QString());
    }

    void anotherThreadWaitsForTheReadUnderWay()
    {
        {
            KeychainCredentials writer(m_service);
            save(writer, "openai", "sk-openai-saved-2");
        }
        KeychainCredentials credentials(m_service);
        credentials.load({"openai"});
        QCOMPARE(credentials.keySource("openai"), QStringLiteral("reading the keychain…"));
        // As the experiment runner's thread does when it builds its clients.
        auto key = std::async(std::launch::async, [&] { return credentials.apiKey("openai"); });
        QTRY_VERIFY(key.wait_for(0ms) == std::future_status::ready);
        QCOMPARE(key.get(), std::optional<std::string>("sk-openai-saved-2"));
    }

    void forgottenKeyFallsBackToTheEnvironment()
    {
        KeychainCredentials credentials(m_service);
        save(credentials, "openai", "sk-openai-saved-3");
        qputenv("OPENAI_API_KEY", "sk-from-environment");
        QCOMPARE(credentials.apiKey("openai"), std::optional<std::string>("sk-openai-saved-3"));

        QSignalSpy forgotten(&credentials, &KeychainCredentials::keyForgotten);
        credentials.forget("openai");
        QTRY_COMPARE(forgotten.count(), 1);
        QCOMPARE(credentials.apiKey("openai"), std::optional<std::string>("sk-from-environment"));
        QCOMPARE(credentials.keySource("openai"), QStringLiteral("environment (OPENAI_API_KEY)"));

        KeychainCredentials fresh(m_service);
        fresh.load({"openai"});
        QTRY_VERIFY(fresh.keySource("openai") != QLatin1String("reading the keychain…"));
        QCOMPARE(fresh.apiKey("openai"), std::optional<std::string>("sk-from-environment"));
    }

    void refusesAnEmptyKey()
    {
        KeychainCredentials credentials(m_service);
        QSignalSpy failed(&credentials, &KeychainCredentials::failed);
        credentials.store("openai", "");
        QCOMPARE(failed.count(), 1);
    }

    // An OTLP receiver's bearer token goes to the keychain, not the settings
    // file; the next launch starts the receiver with it.
    void sourceTokenIsKeptInTheKeychain()
    {
        QSettings().clear();
        QTcpServer probe; // a free port
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        llmopt::IngestQueue queue(1000);
        {
            KeychainCredentials secrets(m_service);
            SourceListModel sources(queue);
            sources.setSecrets(&secrets);
            QSignalSpy saved(&secrets, &KeychainCredentials::keySaved);
            QCOMPARE(sources.add({{"kind", "otlp"},
                                  {"address", "127.0.0.1"},
                                  {"port", port},
                                  {"token", "s3cret-token"}}),
                     QString());
            QTRY_COMPARE(saved.count(), 1);
            sources.stopAll();
        }
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("hasToken=true"));
        QVERIFY2(!written.contains("s3cret-token"), written.constData());

        KeychainCredentials secrets(m_service);
        SourceListModel again(queue);
        again.setSecrets(&secrets);
        again.load();
        QTRY_COMPARE(again.rowCount(), 1);
        QCOMPARE(again.settingsAt(0).value("token").toString(), QStringLiteral("s3cret-token"));
        QVERIFY(again.data(again.index(0), SourceListModel::LastErrorRole).toString().isEmpty());
        again.stopAll();
    }

    // Run with no session bus: the keychain's error is reported with what to
    // do, and the environment still supplies keys.
    void unreachableKeychainFallsBackToTheEnvironment()
    {
        qputenv("LLMOPT_ANTHROPIC_API_KEY", "sk-ant-environment");
        KeychainCredentials credentials(m_service);
        credentials.load({"anthropic"});
        QTRY_VERIFY(!credentials.keychainError().isEmpty());
        QVERIFY2(credentials.keychainError().contains("environment"),
                 qPrintable(credentials.keychainError()));
        QCOMPARE(credentials.apiKey("anthropic"), std::optional<std::string>("sk-ant-environment"));
        QCOMPARE(credentials.keySource("anthropic"),
                 QStringLiteral("environment (LLMOPT_ANTHROPIC_API_KEY)"));
        const std::string hint = credentials.howToSet("anthropic");
        QVERIFY2(hint.find("ANTHROPIC_API_KEY") != std::string::npos, hint.c_str());
        QVERIFY2(hint.find("keychain") != std::string::npos, hint.c_str());

        // A saved receiver whose token cannot be read is listed, not started.
        QSettings settings;
        settings.clear();
        settings.beginWriteArray("sources", 1);
        settings.setArrayIndex(0);
        for (const auto& [key, value] : std::initializer_list<std::pair<const char*, QVariant>>{
                 {"kind", "otlp"}, {"address", "127.0.0.1"}, {"port", 4318}, {"hasToken", true}})
            settings.setValue(key, value);
        settings.endArray();
        llmopt::IngestQueue queue(1000);
        SourceListModel sources(queue);
        sources.setSecrets(&credentials);
        sources.load();
        QTRY_COMPARE(sources.rowCount(), 1);
        QCOMPARE(sources.data(sources.index(0), SourceListModel::StateRole).toString(),
                 QStringLiteral("error"));
        const QString error
            = sources.data(sources.index(0), SourceListModel::LastErrorRole).toString();
        QVERIFY2(error.contains("enter the token again"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestKeychainCredentials)
#include "tst_keychain_credentials.moc"
