#include "cost_controller.h"
#include "event_store.h"
#include "llm_event.h"
#include "support/simulated_events.h"
#include "support/stored_windows.h"
#include "view_filter.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;
constexpr int64_t kHour = 60 * kMinute;

// What the screen must show, summed from the events themselves.
struct Sums {
    double usd = 0;
    uint64_t calls = 0, unpriced = 0, inputTokens = 0;
};

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

// The Costs screen's numbers from a real SQLite file that the demo
// workload's windows were stored in, against sums over the same events.
class TestCostController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the filter's settings: a test folder's
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("costs.sqlite");
        // Half an hour of the demo workload, moved to end two minutes ago,
        // priced without one of its models, so that some calls have no price.
        m_events = simulated::events(1800, 5);
        const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
        const int64_t shift = (now - 2 * kMinute) / kMinute * kMinute
            - (simulated::kStartUnixNano + 1800'000'000'000LL);
        for (LlmEvent& e : m_events)
            e.timeUnixNano += shift;
        QCOMPARE(storeEventsAndWindows(m_path.toStdString(), m_events), uint64_t(0));
    }

    void init() { QSettings().clear(); } // each test chooses its own range and service

    void numbersEqualSumsOverTheEvents()
    {
        CostController c;
        QAbstractItemModelTester budgetTester(c.budgets());
        QAbstractItemModelTester driverTester(c.drivers());
        c.setDatabasePath(m_path);
        c.setBudgets({{"support-chat", {50.0, 0.0}}, {"summarizer", {0.0, 300.0}}});
        ViewFilter filter;
        filter.setRange(ViewFilter::LastHour);
        c.setFilter(&filter);
        c.setActive(true);
        QVERIFY(c.loading());
        QTRY_VERIFY_WITH_TIMEOUT(!c.loading(), 10000);
        QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));
        QCOMPARE(c.bucketNanos(), kMinute);

        Sums all;
        std::map<std::pair<std::string, std::string>, Sums> byDriver; // model, service
        std::map<std::string, Sums> byService;
        std::set<QString> unpricedModels;
        for (const LlmEvent& e : m_events) {
            for (Sums* s : {&all, &byDriver[{e.variant.model, e.service}], &byService[e.service]}) {
                s->usd += e.costUsd.value_or(0.0);
                ++s->calls;
                s->unpriced += !e.costUsd;
                s->inputTokens += uint64_t(std::max<int64_t>(e.inputTokens, 0));
            }
            if (!e.costUsd)
                unpricedModels.insert(QString::fromStdString(e.variant.model));
        }
        QVERIFY(all.unpriced > 0);
        QVERIFY(close(c.totalSpend(), all.usd));
        QCOMPARE(c.totalCalls(), all.calls);
        QCOMPARE(c.unpricedCalls(), all.unpriced);
        QCOMPARE(c.unpricedModels(), QStringList(unpricedModels.begin(), unpricedModels.end()));

        // Drivers: one row per model × service, the largest spend first.
        const auto& drivers = c.drivers()->rows();
        QCOMPARE(drivers.size(), byDriver.size());
        for (size_t i = 0; i < drivers.size(); ++i) {
            const CostDriver& d = drivers[i];
            const Sums& s = byDriver.at({d.model.toStdString(), d.service.toStdString()});
            QVERIFY(close(d.costUsd, s.usd));
            QCOMPARE(d.requests, s.calls);
            QCOMPARE(d.costUnknown, s.unpriced);
            QCOMPARE(d.inputTokens, s.inputTokens);
            if (i > 0)
                QVERIFY(drivers[i - 1].costUsd >= d.costUsd);
        }
        const QModelIndex share = c.drivers()->index(0, CostDriverModel::Share);
        QCOMPARE(share.data().toString(),
                 QLocale().toString(100 * drivers[0].costUsd / all.usd, 'f', 1) + " %");

        // By model: the series add up to the total; budgets need services.
        QVERIFY(c.byService()); // budgets are per service: the first view
        c.setByService(false);
        double charted = 0;
        for (int i = 0; i < c.seriesNames().size(); ++i)
            for (const QPointF& p : c.seriesPoints(i))
                charted += p.y();
        QVERIFY(close(charted, all.usd));
        QVERIFY(c.budgetLines().isEmpty());
        QVERIFY(!c.budgetNote().isEmpty());

        // By service: one line per service, one budget line per budgeted
        // service, the budget spread over the one-minute buckets.
        c.setByService(true);
        QCOMPARE(c.seriesNames(), QStringList({"code-assistant", "summarizer", "support-chat"}));
        for (int i = 0; i < c.seriesNames().size(); ++i) {
            double sum = 0;
            for (const QPointF& p : c.seriesPoints(i))
                sum += p.y();
            QVERIFY(close(sum, byService.at(c.seriesNames()[i].toStdString()).usd));
        }
        const QVariantList lines = c.budgetLines();
        QCOMPARE(lines.size(), 2);
        const int64_t to = c.timeTo().toMSecsSinceEpoch() * 1'000'000LL;
        const auto month = CostAnalyzer::monthOf(to);
        const double monthMinutes = double(month.endUnixNano - month.startUnixNano) / kMinute;
        std::map<int, double> expected{{2, 50.0 / 1440}, {1, 300.0 / monthMinutes}};
        for (const QVariant& v : lines) {
            const QVariantMap line = v.toMap();
            const int series = line.value("seriesIndex").toInt();
            QVERIFY(expected.contains(series));
            QVERIFY(close(line.value("value").toDouble(), expected.at(series)));
            QVERIFY(line.value("name").toString().contains(c.seriesNames()[series]));
        }
        QVERIFY(c.axisMax() >= expected.at(2));

        // Stacked: the top layer is the total; one line for all budgets.
        c.setStacked(true);
        QCOMPARE(c.budgetLines().size(), 1);
        QVERIFY(close(c.budgetLines()[0].toMap().value("value").toDouble(),
                      expected.at(1) + expected.at(2)));
        QVERIFY(c.budgetNote().contains("code-assistant")); // in the stack, without a budget
        const QList<QPointF> top = c.seriesPoints(2), below = c.seriesPoints(2, true);
        double stacked = 0, layer = 0;
        for (qsizetype i = 0; i < top.size(); ++i) {
            stacked += top[i].y();
            layer += top[i].y() - below[i].y();
        }
        QVERIFY(close(stacked, all.usd));
        QVERIFY(close(layer, byService.at("support-chat").usd));

        // The budget table: spend today and this month, forecast at the last hour's rate.
        QCOMPARE(c.budgets()->rowCount(), 3);
        const int64_t dayStart = CostAnalyzer::dayOf(to).startUnixNano;
        for (const ServiceSpend& r : c.budgets()->rows()) {
            double today = 0;
            for (const LlmEvent& e : m_events)
                if (e.service == r.service.toStdString() && e.timeUnixNano >= dayStart)
                    today += e.costUsd.value_or(0.0);
            const double all = byService.at(r.service.toStdString()).usd;
            QVERIFY(close(r.todayUsd, today));
            QVERIFY(close(r.inRangeUsd, all));
            QVERIFY(close(r.lastHourUsd, all)); // every event is in the last hour
            QVERIFY(std::abs(r.todayForecastUsd
                             - CostAnalyzer::forecast(today, all, to,
                                                      CostAnalyzer::dayOf(to).endUnixNano))
                    < 1e-6 * std::max(1.0, r.todayForecastUsd));
        }

        // The read-out names the bucket's spend per series and the total.
        const double someBucket = c.seriesPoints(0)[c.seriesPoints(0).size() - 5].x();
        const QString readout = c.readout(someBucket + 1);
        QVERIFY(readout.contains("support-chat: $"));
        QVERIFY(readout.contains("Total: $"));
        QVERIFY(c.readout(c.timeFrom().toMSecsSinceEpoch() - 3'600'000).isEmpty());

        // The header's service filter: that service's calls only.
        filter.setService(QStringLiteral("summarizer"));
        QTRY_VERIFY_WITH_TIMEOUT(!c.loading(), 10000);
        QCOMPARE(c.totalCalls(), byService.at("summarizer").calls);
        QVERIFY(close(c.totalSpend(), byService.at("summarizer").usd));
        QCOMPARE(c.seriesNames(), QStringList({"summarizer"}));
        filter.setService(QString());
    }

    // Live: the last quarter hour of one-minute windows.
    void liveRangeShowsTheLastQuarterHour()
    {
        CostController c;
        c.setDatabasePath(m_path);
        ViewFilter filter;
        filter.setRange(ViewFilter::Live);
        c.setFilter(&filter);
        c.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(!c.loading(), 10000);
        const int64_t from = c.timeFrom().toMSecsSinceEpoch() * 1'000'000LL;
        QVERIFY(c.timeTo().toMSecsSinceEpoch() - c.timeFrom().toMSecsSinceEpoch() >= 15 * 60'000);
        uint64_t calls = 0;
        for (const LlmEvent& e : m_events)
            calls += e.timeUnixNano / kMinute * kMinute >= from;
        QVERIFY(calls > 0 && calls < m_events.size());
        QCOMPARE(c.totalCalls(), calls);
        QVERIFY(!c.hasBudgets());
        QVERIFY(c.budgetNote().contains("budgets:"));
    }

    void aMissingDatabaseIsReported()
    {
        CostController c;
        c.setDatabasePath(m_dir.filePath("no/such/dir/x.sqlite"));
        ViewFilter filter;
        c.setFilter(&filter);
        c.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(!c.loading(), 10000);
        QVERIFY(!c.error().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::vector<LlmEvent> m_events;
};

QTEST_GUILESS_MAIN(TestCostController)
#include "tst_cost_controller.moc"
