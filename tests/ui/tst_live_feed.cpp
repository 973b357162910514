#include "embedded_resources.h"
#include "live_feed.h"
#include "overview_controller.h"
#include "price_table.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// The demo feed on its own thread, feeding the overview controller through queued snapshots.
class TestLiveFeed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void snapshotsReachTheController()
    {
        QTemporaryDir dir;
        LiveFeed::Settings settings;
        settings.databasePath = dir.filePath("feed.sqlite");
        settings.backfillSeconds = 120;
        const auto prices
            = llmopt::PriceTable::fromJson(llmopt::embeddedPriceTable(), "prices.json");

        OverviewController overview;
        QThread thread;
        auto* feed = new LiveFeed(settings, prices);
        feed->moveToThread(&thread);
        connect(&thread, &QThread::started, feed, &LiveFeed::start);
        connect(&thread, &QThread::finished, feed, &QObject::deleteLater);
        connect(feed, &LiveFeed::snapshotReady, &overview, &OverviewController::receiveSnapshot);
        QSignalSpy kpis(&overview, &OverviewController::kpisChanged);
        thread.start();

        QVERIFY(kpis.wait(5000));
        QCOMPARE(overview.variants()->rowCount(), 9); // every variant of the demo's three services
        QVERIFY(overview.eventsStored() > 1000); // two minutes of history at ~20 requests/s
        QVERIFY(overview.requestsPerSecond() > 5 && overview.requestsPerSecond() < 50);
        QVERIFY(overview.spendPerHour() > 0);
        QVERIFY(overview.hasQuality());
        QCOMPARE(overview.models().size(), 7);
        QVERIFY(overview.timeFrom() < overview.timeTo());
        const qulonglong stored = overview.eventsStored();
        QTRY_VERIFY_WITH_TIMEOUT(overview.eventsStored() > stored, 5000); // it keeps running
        QVERIFY(overview.feedError().isEmpty());

        thread.quit();
        QVERIFY(thread.wait(5000));
    }

    void storeErrorsAreReported()
    {
        LiveFeed::Settings settings;
        settings.databasePath = QStringLiteral("/nonexistent-folder/feed.sqlite");
        LiveFeed feed(settings,
                      llmopt::PriceTable::fromJson(llmopt::embeddedPriceTable(), "prices.json"));
        OverviewController overview;
        connect(&feed, &LiveFeed::failed, &overview, &OverviewController::reportFeedError);
        QSignalSpy failed(&feed, &LiveFeed::failed);
        feed.start();
        QCOMPARE(failed.count(), 1);
        QVERIFY(overview.feedError().contains("choose another file with --db"));
    }
};

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_live_feed.moc"
