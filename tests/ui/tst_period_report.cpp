// The cost and drift reports over a period, from a real SQLite file holding
// the windows of a day and a half of the demo workload and a set of
// findings, against sums over the same events; and `llm-optimizer report`
// writing them.
#include "cost_report.h"
#include "drift_report.h"
#include "event_store.h"
#include "llm_event.h"
#include "support/pdf_text.h"
#include "support/simulated_events.h"
#include "support/stored_windows.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace llmopt;
using nlohmann::json;

namespace {

constexpr int64_t kHour = CostReport::kHour;
constexpr int64_t kStart = simulated::kStartUnixNano; // 2026-01-01T00:00:00Z
// The report's period: from 06:00 on the first day to 12:00 on the second.
constexpr int64_t kFrom = kStart + 6 * kHour;
constexpr int64_t kTo = kStart + 36 * kHour;

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

Finding finding(const char* analyzer, const char* metric, int64_t at, double psi)
{
    Finding f
        = Finding::about(analyzer, "service_variant", "support-chat/v-1", metric, at - kHour, at);
    f.detectedAtUnixNano = at;
    f.method = "test method";
    f.statistic = psi;
    f.pValue = 1e-6;
    f.summary = std::string(metric) + " moved at hour " + std::to_string((at - kStart) / kHour);
    f.evidence["psi"] = psi;
    return f;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Sums {
    double usd = 0;
    uint64_t calls = 0, unpriced = 0;
};

} // namespace

class TestPeriodReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::vector<LlmEvent> m_events;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("events.sqlite");
        m_events = simulated::events(40 * 3600.0, 7, 0.02); // 40 hours, thinly
        QCOMPARE(storeEventsAndWindows(m_path.toStdString(), m_events), uint64_t(0));
        EventStore store(m_path.toStdString());

        Finding numeric = finding("drift", "input_tokens", kStart + 20 * kHour, 0.4);
        numeric.evidence["edges"] = {100, 200, 300};
        numeric.evidence["reference_shares"] = {0.25, 0.25, 0.25, 0.25};
        numeric.evidence["current_shares"] = {0.1, 0.2, 0.3, 0.4};
        Finding categorical = finding("drift", "task_mix", kStart + 10 * kHour, 0.9);
        categorical.evidence["categories"] = {"faq", "troubleshooting"};
        categorical.evidence["reference_counts"] = {70, 30};
        categorical.evidence["current_counts"] = {40, 60};
        const std::vector<Finding> findings{
            numeric,
            categorical,
            finding("anomaly", "latency_p95_ms", kStart + 30 * kHour, 5.0),
            finding("cost", "cost_per_request", kStart + 12 * kHour, 3.0), // the cost report's
            finding("drift", "output_tokens", kStart + 2 * kHour, 0.5), // before the period
            finding("quality", "quality", kTo, 0.3), // at its end: excluded
        };
        store.addFindings(findings);
    }

    void costReportEqualsSumsOverTheEvents()
    {
        const EventStore store(m_path.toStdString());
        const std::map<std::string, CostAnalyzer::Budget> budgets{{"support-chat", {1.0, 20.0}}};
        const CostReport report
            = CostReport::load(store, kFrom + 17 * 60'000'000'000LL, kTo, budgets);
        QCOMPARE(report.from(), kFrom); // rounded down to the hour
        QCOMPARE(report.chartBucket(), kHour); // up to two days: hourly

        Sums all;
        std::map<std::string, Sums> byService, byModel;
        std::map<int64_t, double> supportChatDays;
        for (const LlmEvent& e : m_events) {
            // Windows are whole minutes: an event counts when its minute starts in the period.
            const int64_t minute = e.timeUnixNano / 60'000'000'000LL * 60'000'000'000LL;
            if (minute < kFrom || minute >= kTo)
                continue;
            for (Sums* s : {&all, &byService[e.service], &byModel[e.variant.model]}) {
                s->usd += e.costUsd.value_or(0.0);
                ++s->calls;
                s->unpriced += !e.costUsd;
            }
            if (e.service == "support-chat")
                supportChatDays[CostAnalyzer::dayOf(minute).startUnixNano] += e.costUsd.value_or(0);
        }
        QVERIFY(all.calls > 1000);
        QVERIFY(all.unpriced > 0);
        QVERIFY(close(report.totalUsd(), all.usd));
        QCOMPARE(report.calls(), all.calls);
        QCOMPARE(report.unpriced(), all.unpriced);
        const auto services = report.byService();
        QCOMPARE(services.size(), byService.size());
        for (size_t i = 0; i < services.size(); ++i) {
            QVERIFY(close(services[i].costUsd, byService.at(services[i].service).usd));
            QCOMPARE(services[i].calls, byService.at(services[i].service).calls);
            if (i > 0)
                QVERIFY(services[i - 1].costUsd >= services[i].costUsd);
        }
        for (const auto& m : report.byModel())
            QCOMPARE(m.unpriced, byModel.at(m.model).unpriced);

        // The budgeted service's days, each against $1 a day.
        const auto checks = report.budgetChecks();
        QCOMPARE(checks.size(), size_t(1));
        QCOMPARE(checks[0].days.size(), supportChatDays.size());
        QCOMPARE(supportChatDays.size(), size_t(2));
        int over = 0;
        for (const auto& [day, usd] : checks[0].days) {
            QVERIFY(close(usd, supportChatDays.at(day)));
            over += usd > 1.0;
        }
        QCOMPARE(checks[0].daysOver(), over);
        QCOMPARE(checks[0].months.size(), size_t(1));

        // JSON and CSV carry the same numbers.
        const json j = report.toJson();
        QVERIFY(close(j["total"]["cost_usd"].get<double>(), all.usd));
        QCOMPARE(j["budgets"][0]["days_over"].get<int>(), over);
        const QList<QByteArray> rows = report.toCsv().split('\n');
        double csvUsd = 0;
        for (qsizetype i = 1; i < rows.size(); ++i)
            if (!rows[i].isEmpty())
                csvUsd += rows[i].split(',').value(4).toDouble();
        QVERIFY(close(csvUsd, all.usd));

        // HTML: self-contained with the chart inline; PDF: its text says the total.
        const QString html = report.toHtml();
        QVERIFY(html.contains("<svg"));
        QVERIFY(html.contains("Spend per hour by service"));
        for (const auto& [service, sums] : byService)
            QVERIFY(html.contains(QString::fromStdString(service)));
        const QString pdf = m_dir.filePath("cost.pdf");
        QString error;
        QVERIFY2(report.write(report::Format::Pdf, pdf, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains("Cost report"), qPrintable(text.left(300)));
        QVERIFY2(text.contains(
                     QString("calls").prepend(QLocale::c().toString(qulonglong(all.calls)) + " ")),
                 qPrintable(text.left(300)));
    }

    void driftReportHoldsTheFindingsOfThePeriod()
    {
        const EventStore store(m_path.toStdString());
        const DriftReport report = DriftReport::load(store, kFrom, kTo);
        // Cost findings and those outside [from, to) are not in it; oldest first.
        QCOMPARE(report.findings().size(), size_t(3));
        QCOMPARE(report.findings()[0].metric, std::string("task_mix"));
        QCOMPARE(report.findings()[1].metric, std::string("input_tokens"));
        QCOMPARE(report.findings()[2].metric, std::string("latency_p95_ms"));
        const auto drifts = report.strongestDrifts();
        QCOMPARE(drifts.size(), size_t(2));
        QCOMPARE(drifts[0]->metric, std::string("task_mix")); // PSI 0.9 before 0.4

        const QString numeric = DriftReport::distributionSvg(*drifts[1]);
        for (const char* label : {"&lt; 100", "100–200", "200–300", "≥ 300"})
            QVERIFY2(numeric.contains(QString::fromUtf8(label)), label);
        QVERIFY(DriftReport::distributionSvg(report.findings()[2]).isEmpty()); // no distribution

        const QList<QByteArray> csv = report.toCsv().trimmed().split('\n');
        QCOMPARE(csv.size(), 4);
        QVERIFY(csv[1].contains("task_mix moved at hour 10"));
        QCOMPARE(report.toJson()["findings"].size(), size_t(3));

        const QString pdf = m_dir.filePath("drift.pdf");
        QString error;
        QVERIFY2(report.write(report::Format::Pdf, pdf, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains("Drift and anomaly report"), qPrintable(text.left(300)));
        QVERIFY2(text.contains("input_tokens moved at hour 20"), qPrintable(text.left(600)));
    }

    void commandLineWritesEachFormat()
    {
        for (const char* kind : {"--cost", "--drift"})
            for (const char* format : {"html", "pdf", "json", "csv"}) {
                const QString out = m_dir.filePath(QString("%1.%2").arg(kind + 2, format));
                QProcess p;
                p.start(LLMOPT_BINARY,
                        {"report", kind, "--db", m_path, "--from", "2026-01-01T06:00:00Z", "--to",
                         "2026-01-02T12:00:00Z", "--format", format, "--out", out});
                QVERIFY(p.waitForFinished(60'000));
                QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
                QVERIFY(readAll(out).size() > 100);
            }
        const json cost = json::parse(readAll(m_dir.filePath("cost.json")).toStdString());
        QCOMPARE(cost["from_unix_nano"].get<int64_t>(), kFrom);
        QCOMPARE(cost["to_unix_nano"].get<int64_t>(), kTo);

        // A period the wrong way round, and a time that is not one: exit 1 with the reason.
        QProcess p;
        p.start(LLMOPT_BINARY,
                {"report", "--drift", "--db", m_path, "--from", "2026-01-02", "--to", "2026-01-01",
                 "--format", "html", "--out", m_dir.filePath("x.html")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("--from must be before --to"));
        p.start(LLMOPT_BINARY,
                {"report", "--cost", "--db", m_path, "--from", "yesterday", "--format", "html",
                 "--out", m_dir.filePath("x.html")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("--from: expected Unix seconds or an ISO 8601"));
    }
};

QTEST_MAIN(TestPeriodReport)
#include "tst_period_report.moc"
