#include "drift_history.h"

#include "event_store.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using llmopt::EventStore;
using llmopt::Finding;

// The selected finding's statistic over time, read from a real SQLite store.
class TestDriftHistory : public QObject {
    Q_OBJECT

private:
    static constexpr int64_t kMinute = 60'000'000'000LL;
    static constexpr int64_t kStart = 1'800'000'000'000'000'000LL;

    static Finding drift(const std::string& key, const std::string& metric, int minute, double psi,
                         Finding::Severity severity)
    {
        Finding f = Finding::about("drift", "service_variant", key, metric,
                                   kStart + (minute - 5) * kMinute, kStart + minute * kMinute);
        f.method = "two-sample Kolmogorov-Smirnov; PSI over the reference deciles";
        f.statistic = psi / 2; // KS D
        f.pValue = 1e-6;
        f.severity = severity;
        f.detectedAtUnixNano = f.windowEndUnixNano + 2'000'000'000; // the watermark's lag
        f.evidence["psi"] = psi;
        return f;
    }

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("drift.sqlite");
        EventStore store(m_path.toStdString());
        Finding z = Finding::about("anomaly", "service_variant", "chat/v-1", "input_tokens", kStart,
                                   kStart + 40 * kMinute);
        z.method = "robust z-score (median/MAD)";
        z.statistic = 9;
        // Stored in time order, interleaved with findings about other keys and
        // metrics and, on the same metric, another analyzer's (another scale).
        const std::vector<Finding> findings{
            drift("chat/v-1", "input_tokens", 30, 0.12, Finding::Severity::Warning),
            drift("chat/v-2", "input_tokens", 31, 0.50, Finding::Severity::Critical),
            drift("chat/v-1", "output_tokens", 32, 0.40, Finding::Severity::Critical),
            z,
            drift("chat/v-1", "input_tokens", 50, 0.31, Finding::Severity::Critical),
            drift("chat/v-1", "input_tokens", 90, 0.15, Finding::Severity::Warning),
        };
        store.addFindings(findings);
    }

    void statisticOfOneKeyMetricAndMethodOverTime()
    {
        DriftHistory history;
        history.setDatabasePath(m_path);
        QSignalSpy changed(&history, &DriftHistory::changed);
        history.load("chat/v-1", "input_tokens",
                     "two-sample Kolmogorov-Smirnov; PSI over the reference deciles");
        QVERIFY(history.loading());
        QVERIFY(changed.wait(10000));
        QVERIFY(!history.loading());
        QCOMPARE(history.error(), QString());
        QCOMPARE(history.count(), 3);
        QCOMPARE(history.statisticName(), QString("PSI"));

        // Oldest first: PSI at the end of each window tested, markers at detection.
        const double startMs = double(kStart / 1'000'000);
        const QList<QPointF> line = history.points(DriftHistory::Statistic);
        const QList<QPointF> expected{{startMs + 30 * 60'000.0, 0.12},
                                      {startMs + 50 * 60'000.0, 0.31},
                                      {startMs + 90 * 60'000.0, 0.15}};
        QCOMPARE(line, expected);
        const QList<QPointF> markers = history.points(DriftHistory::Detections);
        QCOMPARE(markers.size(), 3);
        QCOMPARE(markers[1], QPointF(startMs + 50 * 60'000.0 + 2'000, 0.31));

        // The axes cover every point with some room.
        QVERIFY(history.timeFrom().toMSecsSinceEpoch() < line.first().x());
        QVERIFY(history.timeTo().toMSecsSinceEpoch() > markers.last().x());
        QVERIFY(history.axisMax() > 0.31);

        // Into QML's series: the markers coloured by severity.
        QLineSeries statistic;
        history.fillSeries(&statistic, DriftHistory::Statistic);
        QCOMPARE(statistic.points(), expected);
        QScatterSeries detections;
        history.fillSeries(&detections, DriftHistory::Detections,
                           {"#888888", "#c77700", "#c62828"});
        QCOMPARE(detections.count(), 3);
        QCOMPARE(detections.pointConfiguration(1).value(QXYSeries::PointConfiguration::Color),
                 QVariant(QColor("#c62828")));
        QCOMPARE(detections.pointConfiguration(2).value(QXYSeries::PointConfiguration::Color),
                 QVariant(QColor("#c77700")));
    }

    void anotherMethodHasItsOwnStatistic()
    {
        DriftHistory history;
        history.setDatabasePath(m_path);
        QSignalSpy changed(&history, &DriftHistory::changed);
        history.load("chat/v-1", "input_tokens", "robust z-score (median/MAD)");
        QVERIFY(changed.wait(10000));
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.statisticName(), QString("Statistic"));
        QCOMPARE(history.points(DriftHistory::Statistic).constFirst().y(), 9.0);
    }

    void nothingSelectedOrNoStore()
    {
        DriftHistory history;
        history.setDatabasePath(m_path);
        QSignalSpy changed(&history, &DriftHistory::changed);
        history.load({}, {}, {});
        QCOMPARE(changed.count(), 1); // at once: nothing to read
        QCOMPARE(history.count(), 0);

        DriftHistory broken;
        broken.setDatabasePath(m_dir.filePath("no/such/dir/x.sqlite"));
        QSignalSpy loaded(&broken, &DriftHistory::loadingChanged);
        broken.load("chat/v-1", "input_tokens", "x");
        QTRY_VERIFY_WITH_TIMEOUT(!broken.loading(), 10000);
        QVERIFY(!broken.error().isEmpty());
    }
};

QTEST_MAIN(TestDriftHistory)
#include "tst_drift_history.moc"
