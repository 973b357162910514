#include "experiment_analyzer.h"
#include "llm_event.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <random>

using namespace llmopt;

namespace {

LlmEvent call(const std::string& flag, const std::string& arm, double quality, double latencyMs,
              double costUsd, bool error = false)
{
    LlmEvent e;
    e.service = "chat";
    e.variant.model = arm == "control" ? "gpt-4o" : "gpt-4o-mini";
    e.variantName = arm;
    if (!flag.empty())
        e.attributes.emplace_back("feature_flag.key", flag);
    e.evaluations.push_back({"grader", quality});
    e.latencyMs = latencyMs;
    e.costUsd = costUsd;
    if (error)
        e.status = CallStatus::Error;
    return e;
}

// Calls split by `share` (of the control), the candidate's quality shifted by `lift`.
void feed(ExperimentAnalyzer& analyzer, int calls, double share, double lift, uint64_t seed,
          double latencyFactor = 1.0)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> score(0.7, 0.15);
    std::lognormal_distribution<double> latency(7.0, 0.4);
    for (int i = 0; i < calls; ++i) {
        const bool control = u(rng) < share;
        const double q = std::clamp(score(rng) + (control ? 0.0 : lift), 0.0, 1.0);
        analyzer.add(call("chat.prompt", control ? "control" : "candidate", q,
                          latency(rng) * (control ? 1.0 : latencyFactor), control ? 0.004 : 0.001));
    }
}

} // namespace

class TestExperimentAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flagArmsAreFoundAndCompared()
    {
        ExperimentAnalyzer analyzer;
        feed(analyzer, 4000, 0.5, 0.05, 1);
        analyzer.add(call("", "control", 0.1, 100, 0.01)); // no flag: not in an experiment
        const auto results = analyzer.results();
        QCOMPARE(results.size(), size_t(1));
        const ExperimentResult& r = results.front();
        QCOMPARE(r.key, std::string("chat.prompt"));
        QCOMPARE(r.control, std::string("control"));
        QCOMPARE(r.arms.size(), size_t(2));
        QCOMPARE(r.arms[0].name, std::string("control"));
        QCOMPARE(r.arms[0].assigned + r.arms[1].assigned, uint64_t(4000));
        QVERIFY(!r.sampleRatioMismatch);
        const ArmResult& candidate = r.arms[1];
        QVERIFY(candidate.comparison->method.starts_with("Welch"));
        QVERIFY(std::abs(candidate.comparison->difference - 0.05) < 0.015);
        QVERIFY(candidate.alwaysValidPValue < 0.001);
        QVERIFY(candidate.confidenceSequence.low > 0);
        QCOMPARE(r.verdict, std::string("winner"));
        QCOMPARE(r.winner, std::string("candidate"));
        QVERIFY(r.verdictDetail.starts_with("candidate is better than control on quality"));
        QVERIFY(r.looks >= 39);
    }

    void sampleRatioMismatchBlocksTheVerdict()
    {
        ExperimentAnalyzer unplanned;
        feed(unplanned, 4000, 0.6, 0.05, 2);
        const ExperimentResult blocked = unplanned.results().front();
        QVERIFY(blocked.sampleRatioMismatch);
        QCOMPARE(blocked.verdict, std::string("blocked"));
        QVERIFY(blocked.verdictDetail.find("check the assignment") != std::string::npos);

        ExperimentDefinition planned;
        planned.key = "chat.prompt";
        planned.weights = {{"control", 60}, {"candidate", 40}};
        ExperimentAnalyzer declared({{planned}});
        feed(declared, 4000, 0.6, 0.05, 2);
        const ExperimentResult r = declared.results().front();
        QVERIFY(!r.sampleRatioMismatch);
        QCOMPARE(r.verdict, std::string("winner"));
    }

    // A declared minimum effect plans the sample size; at that size, with no
    // real difference, the verdict is "no difference".
    void plannedSampleSize()
    {
        ExperimentDefinition d;
        d.key = "chat.prompt";
        d.minimumEffect = 0.03;
        ExperimentAnalyzer analyzer({{d}});
        feed(analyzer, 200, 0.5, 0.0, 3);
        ExperimentResult r = analyzer.results().front();
        QVERIFY(r.plannedPerArm > 300 && r.plannedPerArm < 800); // σ 0.15, δ 0.03: ≈ 394
        QVERIFY(!r.atPlannedSize);
        QCOMPARE(r.verdict, std::string("running"));
        QVERIFY(r.verdictDetail.find("of the planned") != std::string::npos);
        feed(analyzer, 3000, 0.5, 0.0, 4);
        r = analyzer.results().front();
        QVERIFY(r.atPlannedSize);
        QCOMPARE(r.verdict, std::string("no difference"));
    }

    // Latency is compared by ranks, and lower is better: a slower candidate loses.
    void latencyByRanks()
    {
        ExperimentDefinition d;
        d.key = "chat.prompt";
        d.metric = ExperimentMetric::Latency;
        ExperimentAnalyzer analyzer({{d}});
        feed(analyzer, 3000, 0.5, 0.0, 5, 1.3);
        const ExperimentResult r = analyzer.results().front();
        QVERIFY(r.lowerIsBetter);
        QVERIFY(r.arms[1].comparison->method.starts_with("Mann-Whitney"));
        QVERIFY(r.arms[1].comparison->difference > 0);
        QCOMPARE(r.verdict, std::string("loser"));
    }

    // Telemetry with ever new variant names cannot grow an experiment without bound.
    void armsAreCapped()
    {
        ExperimentAnalyzer::Options o;
        o.maxArms = 3;
        ExperimentAnalyzer analyzer(o);
        for (int i = 0; i < 100; ++i)
            analyzer.add(call("f", "arm" + std::to_string(i), 0.5, 100, 0.01));
        QCOMPARE(analyzer.results().front().arms.size(), size_t(3));
    }

    void splitByVariantIds()
    {
        LlmEvent a = call("", "control", 0.8, 100, 0.01);
        LlmEvent b = call("", "candidate", 0.8, 100, 0.01);
        ExperimentDefinition d;
        d.key = "mini-vs-4o";
        d.service = "chat";
        d.variantIds = {a.variant.id(), b.variant.id()};
        d.control = a.variant.id();
        ExperimentAnalyzer analyzer({{d}});
        for (int i = 0; i < 10; ++i) {
            analyzer.add(a);
            analyzer.add(b);
        }
        b.service = "other"; // another service's calls are not in the split
        analyzer.add(b);
        const ExperimentResult r = analyzer.results().front();
        QCOMPARE(r.control, a.variant.id());
        QCOMPARE(r.arms.size(), size_t(2));
        QCOMPARE(r.arms[1].assigned, uint64_t(10));
    }

    void json()
    {
        ExperimentAnalyzer analyzer;
        analyzer.add(call("f", "control", 0.5, 100, 0.01));
        analyzer.add(call("f", "candidate", 0.6, 100, 0.01));
        const nlohmann::json j = analyzer.results().front().toJson();
        QCOMPARE(j["key"].get<std::string>(), std::string("f"));
        QCOMPARE(j["metric"].get<std::string>(), std::string("quality"));
        QCOMPARE(j["arms"].size(), size_t(2));
        QVERIFY(j["arms"][1]["vs_control"]["confidence_sequence"][0].is_null()); // no look yet
        QVERIFY(j["arms"][1]["vs_control"].contains("always_valid_p_value"));
        QVERIFY(j["sample_ratio"].contains("p_value"));
        QVERIFY(!analyzer.results().front().toText().empty());
    }

    // A/A experiments watched every 100 calls: the always-valid test declares
    // a winner or loser in at most α of them.
    void aaExperimentsRejectAtAlpha()
    {
        constexpr int runs = 300;
        int decided = 0;
        for (int run = 0; run < runs; ++run) {
            ExperimentAnalyzer analyzer;
            feed(analyzer, 2000, 0.5, 0.0, 100 + uint64_t(run));
            const std::string verdict = analyzer.results().front().verdict;
            decided += verdict == "winner" || verdict == "loser";
        }
        QVERIFY2(decided <= runs * 0.05 + 8, std::to_string(decided).c_str());
    }
};

QTEST_GUILESS_MAIN(TestExperimentAnalyzer)
#include "tst_experiment_analyzer.moc"
