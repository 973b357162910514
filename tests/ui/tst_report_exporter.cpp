// Export report… from the Costs and Drift & Anomalies screens: the file is
// written off the GUI thread, the outcome reported; bad choices are refused
// with what to do.
#include "report_exporter.h"
#include "support/simulated_events.h"
#include "support/stored_windows.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestReportExporter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    const QDateTime m_from = QDateTime::fromMSecsSinceEpoch(simulated::kStartUnixNano / 1'000'000);

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("events.sqlite");
        std::vector<llmopt::LlmEvent> events = simulated::events(2 * 3600.0, 3, 0.05);
        QCOMPARE(storeEventsAndWindows(m_path.toStdString(), events), uint64_t(0));
    }

    void writesEachReportOffTheGuiThread()
    {
        ReportExporter exporter;
        exporter.setDatabasePath(m_path);
        exporter.setBudgets({{"support-chat", {1.0, 0.0}}});
        for (const char* kind : {"cost", "drift"}) {
            const QString out = m_dir.filePath(QStringLiteral("reports/%1.pdf").arg(kind));
            QSignalSpy finished(&exporter, &ReportExporter::finished);
            exporter.exportReport(kind, QStringLiteral("PDF"), QUrl::fromLocalFile(out).toString(),
                                  m_from, m_from.addSecs(2 * 3600));
            QVERIFY(exporter.busy()); // the file comes from the worker thread
            QVERIFY(finished.wait(30'000));
            QVERIFY2(!exporter.failed(), qPrintable(exporter.message()));
            QCOMPARE(finished.at(0).at(1).toString(), out);
            QVERIFY(exporter.message().contains(QStringLiteral("%1.pdf").arg(kind)));
            QFile pdf(out);
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(4) == "%PDF");
        }
    }

    void refusesWhatCannotBeWritten()
    {
        ReportExporter exporter;
        exporter.setDatabasePath(m_path);
        const auto refused = [&](const QString& kind, const QString& format, const QString& file,
                                 const QDateTime& to, const char* says) {
            QSignalSpy finished(&exporter, &ReportExporter::finished);
            exporter.exportReport(kind, format, file, m_from, to);
            QCOMPARE(finished.count(), 1); // at once, nothing started
            QVERIFY(exporter.failed());
            QVERIFY2(exporter.message().contains(QLatin1String(says)),
                     qPrintable(exporter.message()));
        };
        const QString out = m_dir.filePath("x.html");
        refused("budget", "html", out, m_from.addSecs(60), "choose cost or drift");
        refused("cost", "docx", out, m_from.addSecs(60), "PDF, HTML, JSON or CSV");
        refused("cost", "html", out, m_from, "start is before its end");
        refused("cost", "html", "", m_from.addSecs(60), "file");

        // A database that cannot be opened: reported when the worker gets there.
        exporter.setDatabasePath(m_dir.filePath("no/such/folder/events.sqlite"));
        QSignalSpy finished(&exporter, &ReportExporter::finished);
        exporter.exportReport("drift", "json", out, m_from, m_from.addSecs(60));
        QVERIFY(finished.wait(30'000));
        QVERIFY(exporter.failed());
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(TestReportExporter)
#include "tst_report_exporter.moc"
