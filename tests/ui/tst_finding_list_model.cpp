#include "event_store.h"
#include "finding_list_model.h"

#include <QAbstractItemModelTester>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

llmopt::Finding finding(const char* analyzer, llmopt::Finding::Severity severity, int64_t at,
                        const char* summary)
{
    llmopt::Finding f;
    f.analyzer = analyzer;
    f.key = "chat/v-1";
    f.metric = "latency_p95_ms";
    f.method = "robust z-score";
    f.severity = severity;
    f.detectedAtUnixNano = at;
    f.summary = summary;
    return f;
}

} // namespace

class TestFindingListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newestFirstAndFiltered()
    {
        FindingListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        using S = llmopt::Finding::Severity;
        const std::vector<llmopt::Finding> all
            = {finding("anomaly", S::Warning, 1, "first"),
               finding("drift", S::Critical, 3, "third"), finding("anomaly", S::Info, 2, "second")};
        model.setFindings(all, 3);
        QCOMPARE(model.total(), 3);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0), FindingListModel::SummaryRole).toString(), "third");
        QCOMPARE(model.data(model.index(2), FindingListModel::SummaryRole).toString(), "first");
        model.setFindings({}, 3); // the same count raised: nothing new, the list stays
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.data(model.index(0), FindingListModel::PValueRole).isValid());

        model.setAnalyzerFilter("anomaly");
        QCOMPARE(model.rowCount(), 2);
        model.setMinimumSeverity(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), FindingListModel::SummaryRole).toString(), "first");
        model.setAnalyzerFilter("");
        model.setMinimumSeverity(0);
        model.setTextFilter("SECOND");
        QCOMPARE(model.rowCount(), 1);
        model.setTextFilter("");
        QCOMPARE(model.rowCount(), 3);
    }

    void evidenceIsDrawn()
    {
        FindingListModel model;
        auto anomaly = finding("anomaly", llmopt::Finding::Severity::Warning, 1, "a");
        anomaly.evidence = {{"baseline", {1.0, 2.0, 3.0}}, {"value", 9.0}};
        auto drift = finding("drift", llmopt::Finding::Severity::Warning, 2, "d");
        drift.evidence = {{"reference_counts", {10, 30}}, {"current_counts", {30, 10}}};
        model.setFindings({anomaly, drift}, 2);
        QLineSeries series;
        // Row 0 is the newest: the drift finding; its counts are drawn as shares.
        QCOMPARE(model.fillEvidence(&series, 0, FindingListModel::Reference), 0.75);
        QCOMPARE(series.count(), 2);
        QCOMPARE(series.at(0), QPointF(1, 0.25));
        QCOMPARE(model.fillEvidence(&series, 1, FindingListModel::Baseline), 3.0);
        QCOMPARE(series.count(), 3);
        QCOMPARE(model.fillEvidence(&series, 1, FindingListModel::Current), 9.0);
        QCOMPARE(series.at(0), QPointF(4, 9));
        QCOMPARE(model.fillEvidence(&series, 7, FindingListModel::Current), 0.0); // no such row
        QCOMPARE(series.count(), 0);
        QCOMPARE(model.data(model.index(0), FindingListModel::ChartRole).toInt(),
                 int(FindingListModel::Bins));
        QCOMPARE(model.data(model.index(1), FindingListModel::ChartRole).toInt(),
                 int(FindingListModel::WindowSeries));
    }

    void regressionsAreDrawnAsEstimatesWithIntervals()
    {
        FindingListModel model;
        auto quality = finding("quality", llmopt::Finding::Severity::Warning, 1, "q");
        quality.evidence = {{"reference", {{"mean", 0.8}, {"ci95", {0.78, 0.82}}, {"n", 500}}},
                            {"current", {{"mean", 0.7}, {"ci95", {0.65, 0.75}}, {"n", 100}}}};
        auto online = finding("drift", llmopt::Finding::Severity::Warning, 2, "o");
        online.evidence = {{"older_mean", 0.9}, {"recent_mean", 0.6}};
        auto bare = finding("cost", llmopt::Finding::Severity::Info, 3, "b");
        bare.evidence = {{"model", "unknown-model"}};
        model.setFindings({quality, online, bare}, 3);
        QCOMPARE(model.data(model.index(0), FindingListModel::ChartRole).toInt(),
                 int(FindingListModel::NoChart));
        QCOMPARE(model.data(model.index(1), FindingListModel::ChartRole).toInt(),
                 int(FindingListModel::Comparison));
        QCOMPARE(model.data(model.index(2), FindingListModel::ChartRole).toInt(),
                 int(FindingListModel::Comparison));

        QLineSeries series;
        QCOMPARE(model.fillEvidence(&series, 2, FindingListModel::Reference), 0.8);
        QCOMPARE(series.count(), 1);
        QCOMPARE(series.at(0), QPointF(1, 0.8));
        QCOMPARE(model.fillEvidence(&series, 2, FindingListModel::LatestInterval), 0.75);
        QCOMPARE(series.count(), 2);
        QCOMPARE(series.at(0), QPointF(2, 0.65));
        QCOMPARE(series.at(1), QPointF(2, 0.75));
        // The online detectors' means have no interval.
        QCOMPARE(model.fillEvidence(&series, 1, FindingListModel::Latest), 0.6);
        QCOMPARE(series.at(0), QPointF(2, 0.6));
        QCOMPARE(model.fillEvidence(&series, 1, FindingListModel::ReferenceInterval), 0.0);
        QCOMPARE(series.count(), 0);
    }

    // The header's range and service: live, the engine's findings of the
    // last quarter hour; a stored range, the store's findings of it.
    void followsTheHeadersRangeAndService()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QTemporaryDir dir;
        const QString path = dir.filePath("findings.sqlite");
        using S = llmopt::Finding::Severity;
        const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
        const int64_t minute = 60'000'000'000LL;
        auto old = finding("drift", S::Warning, now - 120 * minute, "two hours ago");
        auto recent = finding("anomaly", S::Critical, now - 5 * minute, "five minutes ago");
        auto other = finding("anomaly", S::Info, now - 3 * minute, "another service");
        other.key = "summarizer/v-2";
        llmopt::EventStore(path.toStdString()).addFindings(std::vector{old, recent, other});

        FindingListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabasePath(path);
        ViewFilter filter;
        model.setViewFilter(&filter);
        model.setFindings({recent, other}, 2); // what the engine holds since launch
        QCOMPARE(model.rowCount(), 2);

        filter.setService(QStringLiteral("chat"));
        QCOMPARE(model.rowCount(), 1);
        filter.setRange(ViewFilter::Last6Hours); // read from the store
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), FindingListModel::SummaryRole).toString(),
                 QStringLiteral("five minutes ago"));
        QCOMPARE(model.data(model.index(1), FindingListModel::SummaryRole).toString(),
                 QStringLiteral("two hours ago"));
        filter.setRange(ViewFilter::LastHour);
        QTRY_COMPARE(model.rowCount(), 1);
        filter.setService(QString());
        QTRY_COMPARE(model.rowCount(), 2);
        filter.setRange(ViewFilter::Live); // the engine's again
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.total(), 2);
    }
};

QTEST_MAIN(TestFindingListModel)
#include "tst_finding_list_model.moc"
