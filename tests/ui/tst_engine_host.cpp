#include "embedded_resources.h"
#include "engine_host.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "otlp_proto_encoder.h"
#include "overview_controller.h"
#include "price_table.h"
#include "source_list_model.h"
#include "support/http_client.h"
#include "support/simulated_events.h"
#include "view_filter.h"

#include <QAbstractItemModelTester>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

llmopt::PriceTable prices()
{
    return llmopt::PriceTable::fromJson(llmopt::embeddedPriceTable(), "prices.json");
}

// A port nothing listens on right now.
int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QVariantMap otlpSource(int port)
{
    return {{"kind", "otlp"}, {"address", "127.0.0.1"}, {"port", port}, {"token", ""}};
}

QVariant roleOf(const SourceListModel& model, int row, SourceListModel::Role role)
{
    return model.data(model.index(row), role);
}

} // namespace

// The GUI's engine: the demo feed while nothing is connected, real sources
// from the Connections list otherwise, snapshots to the Overview.
class TestEngineHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test folder, not the user's
        QSettings().clear();
    }
    void cleanup() { QSettings().clear(); }

    void demoFeedsTheOverviewWhileNothingIsConnected()
    {
        QTemporaryDir dir;
        EngineHost::Settings settings;
        settings.databasePath = dir.filePath("feed.sqlite");
        settings.backfillSeconds = 120;
        EngineHost host(settings, prices());
        OverviewController overview;
        connect(&host, &EngineHost::snapshotReady, &overview, &OverviewController::receiveSnapshot);
        QSignalSpy kpis(&overview, &OverviewController::kpisChanged);
        host.start();
        QVERIFY(host.demoRunning());

        QVERIFY(kpis.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(overview.variants()->rowCount(), 9, 5000); // 3 services' variants
        QVERIFY(overview.eventsStored() > 1000); // two minutes of history at ~20 requests/s
        QVERIFY(overview.requestsPerSecond() > 5 && overview.requestsPerSecond() < 50);
        QVERIFY(overview.spendPerHour() > 0);
        QVERIFY(overview.hasQuality());
        QCOMPARE(overview.models().size(), 7);
        QVERIFY(overview.timeFrom() < overview.timeTo());
        const qulonglong stored = overview.eventsStored();
        QTRY_VERIFY_WITH_TIMEOUT(overview.eventsStored() > stored, 5000); // it keeps running
        QVERIFY(overview.feedError().isEmpty());
    }

    // The charts' longer ranges come from the stored windows, read off the GUI thread.
    void historyRangesReadTheStoredWindows()
    {
        QTemporaryDir dir;
        EngineHost::Settings settings;
        settings.databasePath = dir.filePath("feed.sqlite");
        settings.backfillSeconds = 900;
        EngineHost host(settings, prices());
        OverviewController overview;
        overview.setDatabasePath(settings.databasePath);
        ViewFilter filter;
        host.setFilter(&filter);
        overview.setFilter(&filter);
        connect(&host, &EngineHost::snapshotReady, &overview, &OverviewController::receiveSnapshot);
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            llmopt::EventStore(settings.databasePath.toStdString()).windowCount() > 50, 10000);

        QSignalSpy history(&overview, &OverviewController::historyChanged);
        filter.setRange(ViewFilter::LastHour);
        QVERIFY(overview.historyLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!overview.historyLoading(), 5000);
        QVERIFY2(overview.historyError().isEmpty(), qPrintable(overview.historyError()));
        QVERIFY(overview.models().size() >= 5);
        QLineSeries series;
        overview.fillSeries(&series, overview.models().first(), OverviewController::SpendPerHour);
        QVERIFY(series.count() >= 10); // one-minute buckets over the quarter hour of history
        const double hourAgo = double(QDateTime::currentMSecsSinceEpoch() - 3'600'000);
        for (const QPointF& p : series.points())
            QVERIFY(p.x() >= hourAgo && p.y() >= 0);
        QCOMPARE(QSettings().value("filter/range").toInt(), int(ViewFilter::LastHour));
        const qsizetype allModels = overview.models().size();

        // One service: its variants in the table, its models in the history.
        filter.setService(QStringLiteral("summarizer"));
        QTRY_VERIFY_WITH_TIMEOUT(!overview.historyLoading(), 5000);
        QVERIFY(overview.models().size() < allModels);
        QTRY_VERIFY(overview.variants()->rowCount() > 0);
        for (int row = 0; row < overview.variants()->rowCount(); ++row)
            QCOMPARE(overview.variants()->index(row, 0).data().toString(),
                     QStringLiteral("summarizer"));

        // Back to live and every service: the snapshot's ten-second buckets again.
        filter.setService(QString());
        filter.setRange(ViewFilter::Live);
        QTRY_VERIFY(overview.timeTo().toMSecsSinceEpoch() - overview.timeFrom().toMSecsSinceEpoch()
                    <= 16 * 60'000);
        QTRY_COMPARE(overview.models().size(), allModels);

        // A store that cannot be read says so.
        OverviewController broken;
        broken.setDatabasePath(dir.path()); // a folder, not a database
        ViewFilter lastDay;
        lastDay.setRange(ViewFilter::LastDay);
        broken.setFilter(&lastDay);
        QTRY_VERIFY(!broken.historyError().isEmpty());
    }

    void storeErrorsAreReported()
    {
        EngineHost::Settings settings;
        settings.databasePath = QStringLiteral("/nonexistent-folder/feed.sqlite");
        EngineHost host(settings, prices());
        OverviewController overview;
        connect(&host, &EngineHost::failed, &overview, &OverviewController::reportFeedError);
        host.start();
        QVERIFY(overview.feedError().contains("choose another file with --db"));
        QVERIFY(!host.demoRunning());
    }

    // Adding a receiver stops the demo; spans sent to it are counted on its
    // row; removing it brings the demo back.
    void aSourceReplacesTheDemo()
    {
        QTemporaryDir dir;
        EngineHost::Settings settings;
        settings.databasePath = dir.filePath("feed.sqlite");
        settings.backfillSeconds = 0;
        EngineHost host(settings, prices());
        SourceListModel& sources = *host.sources();
        QAbstractItemModelTester tester(&sources,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        host.start();
        QVERIFY(host.demoRunning());

        const int port = freePort();
        QCOMPARE(sources.add(otlpSource(port)), QString());
        QVERIFY(!host.demoRunning());
        QCOMPARE(sources.rowCount(), 1);
        QCOMPARE(roleOf(sources, 0, SourceListModel::NameRole).toString(),
                 QStringLiteral("OTLP/HTTP http://127.0.0.1:%1/v1/traces").arg(port));

        // The status bar: the source up (the demo is no source of the list).
        const IngestStatus& status = *host.ingest();
        QTRY_COMPARE_WITH_TIMEOUT(status.sourcesRunning(), 1, 5000);
        QCOMPARE(status.sourcesTotal(), 1);
        QVERIFY(status.failingSource().isEmpty());

        const auto events = simulated::atLeast(300, 7);
        HttpClient client(static_cast<uint16_t>(port));
        QCOMPARE(client
                     .post("/v1/traces", "application/x-protobuf",
                           llmopt::OtlpProtoEncoder::encodeTraces(events))
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(sources, 0, SourceListModel::StoredRole).toULongLong(),
                                  300ull, 5000);
        QCOMPARE(roleOf(sources, 0, SourceListModel::ReceivedRole).toULongLong(), 300ull);
        QCOMPARE(roleOf(sources, 0, SourceListModel::StateRole).toString(),
                 QStringLiteral("running"));
        QCOMPARE(roleOf(sources, 0, SourceListModel::RejectedRole).toULongLong(), 0ull);
        // The status bar: the spans' arrival as a rate, the queue drained.
        QTRY_VERIFY_WITH_TIMEOUT(status.eventsPerSecond() > 0, 5000);
        QCOMPARE(status.queueDepth(), 0ull);
        QVERIFY(status.queueCapacity() > 0);

        sources.remove(0);
        QCOMPARE(sources.rowCount(), 0);
        QVERIFY(host.demoRunning());
    }

    void sourcesPersist()
    {
        llmopt::IngestQueue queue(1000);
        const int port = freePort();
        {
            SourceListModel sources(queue);
            QCOMPARE(sources.add(otlpSource(port)), QString());
            const QVariantMap kafka{{"kind", "kafka"},
                                    {"brokers", "127.0.0.1:1"},
                                    {"topics", "otlp_spans, evals"},
                                    {"group", ""},
                                    {"encoding", "otlp_json"}};
            QCOMPARE(sources.add(kafka), QString());
            QVERIFY(sources.add(kafka).contains("already in the list"));
        }
        SourceListModel restored(queue);
        restored.load();
        QCOMPARE(restored.rowCount(), 2);
        QCOMPARE(restored.settingsAt(0).value("port").toInt(), port);
        QCOMPARE(restored.settingsAt(1).value("topics").toString(),
                 QStringLiteral("otlp_spans, evals"));
        QCOMPARE(roleOf(restored, 1, SourceListModel::EndpointRole).toString(),
                 QStringLiteral("127.0.0.1:1 · otlp_spans, evals"));

        // Edited in place: the receiver moves to the new port.
        const int other = freePort();
        QCOMPARE(restored.edit(0, otlpSource(other)), QString());
        QCOMPARE(restored.settingsAt(0).value("port").toInt(), other);
        HttpClient client(static_cast<uint16_t>(other));
        QCOMPARE(client.post("/v1/traces", "application/json", R"({"resourceSpans":[]})").status,
                 200);
    }

    void problemsAreShownWhereTheyHappen()
    {
        llmopt::IngestQueue queue(1000);
        SourceListModel sources(queue);
        QVERIFY(sources.add({{"kind", "otlp"}, {"address", "localhost"}, {"port", 4318}})
                    .contains("IP address"));
        QVERIFY(sources.add({{"kind", "otlp"}, {"address", "127.0.0.1"}, {"port", 70000}})
                    .contains("1 to 65535"));
        QVERIFY(sources
                    .add({{"kind", "kafka"},
                          {"brokers", "b:9092"},
                          {"topics", " , "},
                          {"encoding", "otlp_proto"}})
                    .contains("topic"));
        QVERIFY(sources
                    .add({{"kind", "kafka"},
                          {"brokers", "b:9092"},
                          {"topics", "spans"},
                          {"encoding", "flat_json"},
                          {"logTopics", "otlp_logs"}})
                    .contains("Evaluation topics need"));
        QVERIFY(sources
                    .add({{"kind", "otlp"},
                          {"address", "0.0.0.0"},
                          {"port", 4318},
                          {"tlsCertificate", "/etc/cert.pem"}})
                    .contains("both a certificate file and its private key"));
        QVERIFY(sources.add({{"kind", "ftp"}}).contains("Choose the kind"));
        QCOMPARE(sources.rowCount(), 0);

        // Valid settings that cannot start stay listed with the reason.
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        QCOMPARE(sources.add(otlpSource(occupant.serverPort())), QString());
        QCOMPARE(roleOf(sources, 0, SourceListModel::StateRole).toString(),
                 QStringLiteral("error"));
        QVERIFY(roleOf(sources, 0, SourceListModel::LastErrorRole).toString().contains("in use"));
        const SourceListModel::Summary summary = sources.summary();
        QCOMPARE(summary.running, 0);
        QCOMPARE(summary.failing, roleOf(sources, 0, SourceListModel::NameRole).toString());
        QVERIFY(summary.failingError.contains("in use"));
        // A certificate that cannot be loaded: the error names the file.
        QCOMPARE(sources.add({{"kind", "otlp"},
                              {"address", "127.0.0.1"},
                              {"port", freePort()},
                              {"tlsCertificate", "/nonexistent/cert.pem"},
                              {"tlsPrivateKey", "/nonexistent/key.pem"}}),
                 QString());
        QVERIFY(roleOf(sources, 1, SourceListModel::NameRole)
                    .toString()
                    .startsWith("OTLP/HTTP https://"));
        QVERIFY(roleOf(sources, 1, SourceListModel::LastErrorRole)
                    .toString()
                    .contains("/nonexistent/cert.pem"));
    }
};

QTEST_MAIN(TestEngineHost)
#include "tst_engine_host.moc"
