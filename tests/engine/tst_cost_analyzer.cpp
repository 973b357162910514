#include "cost_analyzer.h"
#include "llm_event.h"
#include "stream_processor.h"

#include <QTest>
#include <map>
#include <random>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;
constexpr int64_t kDayStart = 1'767'225'600'000'000'000LL; // 2026-01-01T00:00:00Z

// A one-minute window of `n` calls of about `cost` each (`unpriced` without a price).
WindowResult window(std::mt19937_64& rng, const std::string& key, int index, double cost,
                    int n = 100, int unpriced = 0)
{
    std::normal_distribution<double> jitter(1.0, 0.2);
    WindowResult w;
    w.key = key;
    w.startUnixNano = kDayStart + index * kMinute;
    w.endUnixNano = w.startUnixNano + kMinute;
    for (int i = 0; i < n; ++i) {
        LlmEvent e;
        e.timeUnixNano = w.startUnixNano + i;
        e.latencyMs = 100;
        e.inputTokens = 500;
        e.outputTokens = 100;
        if (i >= unpriced)
            e.costUsd = cost * std::max(0.1, jitter(rng));
        w.stats.add(e);
    }
    return w;
}

} // namespace

class TestCostAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void costStepIsFound()
    {
        std::mt19937_64 rng(5);
        CostAnalyzer analyzer("service_variant");
        int first = -1;
        for (int i = 0; i < 200; ++i)
            for (const Finding& f :
                 analyzer.add(window(rng, "chat/v-1", i, i < 100 ? 0.001 : 0.0013))) {
                QVERIFY2(i >= 100, f.summary.c_str());
                QCOMPARE(f.metric, std::string("cost_per_request_usd"));
                QCOMPARE(f.severity, Finding::Severity::Warning);
                // $0.001 per 600 tokens: about $0.00167 per 1k tokens, and more now.
                const double before = f.evidence.at("reference").at("per_1k_tokens").get<double>();
                QVERIFY(std::abs(before - 0.001 / 0.6) < 0.0001);
                QVERIFY(f.evidence.at("current").at("per_1k_tokens").get<double>() > before);
                if (first < 0)
                    first = i;
            }
        QVERIFY(first >= 100 && first < 110);
    }

    void unpricedCallsAreNamedOnce()
    {
        std::mt19937_64 rng(6);
        CostAnalyzer analyzer("service_variant");
        auto findings = analyzer.add(window(rng, "chat/v-2", 0, 0.001, 100, 7));
        QCOMPARE(findings.size(), size_t(1));
        QCOMPARE(findings[0].metric, std::string("cost_unknown"));
        QCOMPARE(findings[0].statistic, 7.0);
        QVERIFY(QString::fromStdString(findings[0].summary).contains("price table"));
        QVERIFY(analyzer.add(window(rng, "chat/v-2", 1, 0.001, 100, 3)).empty());
    }

    // $10 a day: at $0.24 an hour the day is forecast at ~$5.8 (past 50 %, not
    // 80 %); doubling the rate at noon crosses 80 % and 100 %. Each alert once.
    void budgetBurnForecast()
    {
        std::mt19937_64 rng(7);
        CostAnalyzer::Options o;
        o.budgets["chat"] = {10.0, 0.0};
        CostAnalyzer analyzer("service_variant", o);
        std::map<double, int> alertedAt; // fraction → window
        for (int i = 0; i < 24 * 60; ++i)
            for (const Finding& f :
                 analyzer.add(window(rng, "chat/v-3", i, i < 12 * 60 ? 0.00004 : 0.0001))) {
                if (f.metric != "daily_budget")
                    continue;
                const double fraction = f.evidence.at("fraction").get<double>();
                QVERIFY(!alertedAt.contains(fraction));
                alertedAt[fraction] = i;
                QCOMPARE(f.key, std::string("chat"));
            }
        QVERIFY(alertedAt.contains(0.5) && alertedAt[0.5] < 12 * 60);
        QVERIFY(alertedAt.contains(0.8) && alertedAt[0.8] >= 12 * 60);
        QVERIFY(alertedAt.contains(1.0) && alertedAt[1.0] >= alertedAt[0.8]);
    }
};

QTEST_GUILESS_MAIN(TestCostAnalyzer)
#include "tst_cost_analyzer.moc"
