#include "drift_analyzer.h"
#include "llm_event.h"
#include "simulator.h"
#include "stream_processor.h"

#include <QTest>
#include <random>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;

// The findings of one-minute service windows of a simulated scenario.
std::vector<Finding> windowFindings(const char* scenario, double horizonSeconds)
{
    auto config = SimulatorConfig::demo(7, 0);
    config.rateScale = 3;
    config.scenario = *Scenario::named(scenario, horizonSeconds);
    Simulator sim(config);
    WindowSpec spec;
    spec.sizeNanos = kMinute;
    StreamProcessor processor(spec, Grouping::Service);
    DriftAnalyzer analyzer("service");
    std::vector<Finding> out;
    std::vector<LlmEvent> events;
    for (int64_t t = kMinute; t <= int64_t(horizonSeconds * 1e9); t += kMinute) {
        events.clear();
        sim.generateUntil(t, events);
        for (const LlmEvent& e : events)
            processor.add(e);
        for (const WindowResult& w : processor.takeClosed())
            for (Finding& f : analyzer.add(w))
                out.push_back(std::move(f));
    }
    return out;
}

} // namespace

class TestDriftAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The input-drift scenario moves half of support-chat's traffic to
    // troubleshooting questions at 40 % of the horizon: found in the task mix
    // within minutes, on that service only.
    void inputDriftIsFound()
    {
        constexpr double horizon = 4 * 3600.0;
        const int64_t drift = int64_t(0.4 * horizon * 1e9);
        int64_t taskMix = 0;
        bool major = false;
        for (const Finding& f : windowFindings("input-drift", horizon)) {
            QVERIFY2(f.windowEndUnixNano > drift, f.summary.c_str());
            QCOMPARE(f.key, std::string("support-chat"));
            QVERIFY(f.pValue && *f.pValue < 0.001);
            QVERIFY(f.evidence.at("psi").get<double>() >= 0.1);
            if (f.metric != "task_mix")
                continue;
            qInfo("%s", f.summary.c_str());
            // Troubleshooting gained share (the evidence has the counts).
            const auto& names = f.evidence.at("categories");
            const auto& ref = f.evidence.at("reference_counts");
            const auto& cur = f.evidence.at("current_counts");
            double refTotal = 0, curTotal = 0, refShare = 0, curShare = 0;
            for (size_t i = 0; i < names.size(); ++i) {
                refTotal += ref[i].get<double>();
                curTotal += cur[i].get<double>();
            }
            for (size_t i = 0; i < names.size(); ++i)
                if (names[i] == "troubleshooting") {
                    refShare = ref[i].get<double>() / refTotal;
                    curShare = cur[i].get<double>() / curTotal;
                }
            QVERIFY(curShare > refShare + 0.1);
            if (taskMix == 0)
                taskMix = f.detectedAtUnixNano;
            major = major || f.severity == Finding::Severity::Critical;
        }
        QVERIFY(taskMix > 0);
        QVERIFY(major); // raised again when the shift grew from moderate to major
        qInfo("task mix drift found %.0f min after it began", double(taskMix - drift) / 6e10);
        QVERIFY(taskMix - drift <= 10 * kMinute);
    }

    // No scenario: no drift findings over four hours of three services.
    void steadyTrafficHasNoDrift()
    {
        const auto findings = windowFindings("steady", 4 * 3600.0);
        for (const Finding& f : findings)
            qInfo("%s", f.summary.c_str());
        QVERIFY(findings.empty());
    }

    void qualityDropIsFoundOnline()
    {
        std::mt19937_64 rng(4);
        std::bernoulli_distribution before(0.85), after(0.55);
        DriftAnalyzer analyzer("service");
        int adwin = -1, pageHinkley = -1, reports = 0;
        for (int i = 0; i < 6000; ++i) {
            const double score = (i < 3000 ? before : after)(rng) ? 1.0 : 0.0;
            for (const Finding& f : analyzer.observeQuality("chat", score, i)) {
                QVERIFY2(i >= 3000, f.summary.c_str());
                QCOMPARE(f.severity, Finding::Severity::Warning);
                ++reports;
                if (f.method.starts_with("ADWIN") && adwin < 0)
                    adwin = i;
                if (f.method.starts_with("Page") && pageHinkley < 0)
                    pageHinkley = i;
            }
        }
        qInfo("quality drop found after %d (ADWIN) and %d (Page-Hinkley) calls", adwin - 3000,
              pageHinkley - 3000);
        QCOMPARE(reports, 2); // one change, one finding per detector
        QVERIFY(adwin >= 3000 && adwin < 3300);
        QVERIFY(pageHinkley >= 3000 && pageHinkley < 3300);
    }
};

QTEST_GUILESS_MAIN(TestDriftAnalyzer)
#include "tst_drift_analyzer.moc"
