#include "llm_event.h"
#include "performance_analyzer.h"
#include "simulator.h"
#include "stream_processor.h"

#include <QTest>
#include <map>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;

struct Run {
    std::vector<Finding> findings;
    std::map<std::string, std::string> providerOf; // service/variant id → provider
};

// The findings on one-minute service/variant windows of a simulated scenario.
Run run(const char* scenario, double horizonSeconds)
{
    auto config = SimulatorConfig::demo(9, 0);
    config.rateScale = 3;
    config.scenario = *Scenario::named(scenario, horizonSeconds);
    Simulator sim(config);
    WindowSpec spec;
    spec.sizeNanos = kMinute;
    StreamProcessor processor(spec, Grouping::ServiceVariant);
    PerformanceAnalyzer analyzer("service_variant");
    Run out;
    std::vector<LlmEvent> events;
    std::string key;
    for (int64_t t = kMinute; t <= int64_t(horizonSeconds * 1e9); t += kMinute) {
        events.clear();
        sim.generateUntil(t, events);
        for (const LlmEvent& e : events) {
            processor.add(e);
            groupingKey(Grouping::ServiceVariant, e, key);
            out.providerOf[key] = e.provider;
        }
        for (const WindowResult& w : processor.takeClosed())
            for (Finding& f : analyzer.add(w))
                out.findings.push_back(std::move(f));
    }
    return out;
}

} // namespace

class TestPerformanceAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // OpenAI 3× slower from 50 % to 70 % of the horizon: p95 latency regressions
    // on OpenAI variants only, after it began, with intervals apart.
    void latencyIncidentIsARegression()
    {
        constexpr double horizon = 4 * 3600.0;
        const Run r = run("latency-incident", horizon);
        const int64_t incident = int64_t(0.5 * horizon * 1e9);
        int regressions = 0;
        for (const Finding& f : r.findings) {
            if (f.severity == Finding::Severity::Info)
                continue;
            QVERIFY2(f.windowEndUnixNano > incident, f.summary.c_str());
            QCOMPARE(r.providerOf.at(f.key), std::string("openai"));
            if (f.metric == "latency_p95_ms") {
                ++regressions;
                QVERIFY(f.evidence.at("current").at("interval")[0].get<double>()
                        > f.evidence.at("reference").at("interval")[1].get<double>());
                QVERIFY(f.windowEndUnixNano - incident <= 10 * kMinute);
            }
        }
        QVERIFY(regressions >= 2);
    }

    // Anthropic fails 90 % of calls from 60 % to 75 %: an error-rate regression.
    void outageRaisesTheErrorRate()
    {
        constexpr double horizon = 4 * 3600.0;
        const Run r = run("provider-outage", horizon);
        const int64_t outage = int64_t(0.6 * horizon * 1e9);
        int critical = 0;
        for (const Finding& f : r.findings)
            if (f.metric == "error_rate" && f.severity == Finding::Severity::Critical) {
                QCOMPARE(r.providerOf.at(f.key), std::string("anthropic"));
                QVERIFY(f.windowEndUnixNano > outage);
                QVERIFY(f.pValue && *f.pValue < 0.001);
                ++critical;
            }
        QVERIFY(critical >= 1);
    }

    void steadyTrafficIsQuiet()
    {
        const Run r = run("steady", 4 * 3600.0);
        for (const Finding& f : r.findings)
            qInfo("%s", f.summary.c_str());
        QVERIFY(r.findings.size() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestPerformanceAnalyzer)
#include "tst_performance_analyzer.moc"
