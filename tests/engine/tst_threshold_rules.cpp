#include "finding.h"
#include "llm_event.h"
#include "stream_processor.h"
#include "threshold_rules.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;
constexpr int64_t kStart = 1'767'225'600'000'000'000LL; // 2026-01-01T00:00:00Z

struct Calls {
    int n = 100;
    double errorRate = 0.0;
    double costUsd = 0.001; // per call; negative: no price
    double quality = -1; // per call; negative: not evaluated
};

// The one-minute window number `index` of `key`.
WindowResult window(const std::string& key, int index, Calls calls)
{
    WindowResult w;
    w.key = key;
    w.startUnixNano = kStart + index * kMinute;
    w.endUnixNano = w.startUnixNano + kMinute;
    const int errors = int(std::lround(calls.errorRate * calls.n));
    for (int i = 0; i < calls.n; ++i) {
        LlmEvent e;
        e.timeUnixNano = w.startUnixNano + i;
        e.latencyMs = 100 + i;
        e.status = i < errors ? CallStatus::Error : CallStatus::Ok;
        if (calls.costUsd >= 0)
            e.costUsd = calls.costUsd;
        if (calls.quality >= 0)
            e.evaluations.push_back({"judge", calls.quality});
        w.stats.add(e);
    }
    return w;
}

WindowResult errorWindow(const std::string& key, int index, double errorRate, int n = 100)
{
    return window(key, index, {.n = n, .errorRate = errorRate});
}

ThresholdRule errorRule(int forWindows, double coolDownSeconds = 0)
{
    ThresholdRule r;
    r.name = "errors";
    r.metric = "error_rate";
    r.trigger = 0.05;
    r.clear = 0.02;
    r.forWindows = forWindows;
    r.coolDownSeconds = coolDownSeconds;
    r.minRequests = 10;
    return r;
}

Finding driftFinding(const std::string& metric, double statistic, int minute)
{
    Finding f;
    f.analyzer = "drift";
    f.grouping = "service_variant";
    f.key = "chat/v-1";
    f.metric = metric;
    f.statistic = statistic;
    f.windowStartUnixNano = kStart + (minute - 5) * kMinute;
    f.windowEndUnixNano = f.detectedAtUnixNano = kStart + minute * kMinute;
    return f;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

using Names = std::vector<std::string>;

} // namespace

class TestThresholdRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Three windows in a row above the trigger, not two; a good window in
    // between starts the count again.
    void firesAfterExactlyForWindows()
    {
        ThresholdRules rules({errorRule(3)});
        const double rates[] = {0.10, 0.10, 0.00, 0.10, 0.10};
        for (int i = 0; i < 5; ++i)
            QVERIFY(rules.add(errorWindow("chat/v-1", i, rates[i]), "service_variant").empty());
        QVERIFY(rules.firing().empty());
        const auto recs = rules.add(errorWindow("chat/v-1", 5, 0.10), "service_variant");
        QCOMPARE(recs.size(), size_t(1));
        const Recommendation& r = recs[0];
        QCOMPARE(r.strategy, std::string("threshold"));
        QCOMPARE(r.service, std::string("chat"));
        QCOMPARE(r.fromVariant, std::string("v-1"));
        QCOMPARE(r.action, std::string("alert"));
        QVERIFY(r.toVariant.empty());
        QVERIFY2(contains(r.summary, "errors") && contains(r.summary, "0.1")
                     && contains(r.summary, "0.05") && contains(r.summary, "3 windows"),
                 r.summary.c_str());
        QCOMPARE(r.evidence.at("windows_in_a_row").get<int>(), 3);
        QCOMPARE(r.evidence.at("value").get<double>(), 0.10);
        QCOMPARE(r.evidence.at("trigger").get<double>(), 0.05);
        QCOMPARE(r.evidence.at("clear").get<double>(), 0.02);
        QCOMPARE(r.evidence.at("window_end_unix_nano").get<int64_t>(), kStart + 6 * kMinute);
        QCOMPARE(r.createdUnixNano, kStart + 6 * kMinute);
        QCOMPARE(rules.firing(), Names{"errors@chat/v-1"});
    }

    // Between clear (0.02) and trigger (0.05) a firing rule stays firing and
    // says nothing; under clear it resets, and needs for_windows again.
    void hysteresisHoldsUntilClear()
    {
        ThresholdRules rules({errorRule(2)});
        int i = 0;
        auto add = [&](double rate) {
            return rules.add(errorWindow("chat/v-1", i++, rate), "service_variant").size();
        };
        QCOMPARE(add(0.08), size_t(0));
        QCOMPARE(add(0.08), size_t(1));
        QCOMPARE(add(0.03), size_t(0));
        QCOMPARE(add(0.04), size_t(0));
        QCOMPARE(add(0.09), size_t(0)); // still the same episode
        QCOMPARE(rules.firing(), Names{"errors@chat/v-1"});
        QCOMPARE(add(0.01), size_t(0));
        QVERIFY(rules.firing().empty());
        QCOMPARE(add(0.08), size_t(0));
        QCOMPARE(add(0.08), size_t(1));
    }

    // Ten minutes of cool-down from the firing window's end (minute 1): after
    // clearing, the breach at minutes 3–10 is held back; the window ending at
    // minute 11 fires.
    void coolDownHoldsBackRefiring()
    {
        ThresholdRules rules({errorRule(1, 600)});
        QCOMPARE(rules.add(errorWindow("chat/v-1", 0, 0.2), "service_variant").size(), size_t(1));
        QVERIFY(rules.add(errorWindow("chat/v-1", 1, 0.0), "service_variant").empty());
        QVERIFY(rules.firing().empty());
        int refired = -1;
        for (int i = 2; i < 20 && refired < 0; ++i)
            if (!rules.add(errorWindow("chat/v-1", i, 0.2), "service_variant").empty())
                refired = i;
        QCOMPARE(refired, 10);
        QCOMPARE(rules.firing(), Names{"errors@chat/v-1"});
    }

    void windowsWithFewRequestsAreNotEvaluated()
    {
        ThresholdRules rules({errorRule(1)});
        for (int i = 0; i < 5; ++i)
            QVERIFY(rules.add(errorWindow("chat/v-1", i, 1.0, 9), "service_variant").empty());
        QVERIFY(rules.add(errorWindow("chat/v-1", 5, 1.0, 0), "service_variant").empty());
        QVERIFY(rules.firing().empty());
        QCOMPARE(rules.add(errorWindow("chat/v-1", 6, 1.0, 10), "service_variant").size(),
                 size_t(1));

        // Even without a minimum, a window without calls has no error rate of 0 to clear with.
        ThresholdRule noMinimum = errorRule(1);
        noMinimum.minRequests = 0;
        ThresholdRules unlimited({noMinimum});
        QCOMPARE(unlimited.add(errorWindow("chat/v-1", 0, 1.0, 1), "service_variant").size(),
                 size_t(1));
        QVERIFY(unlimited.add(errorWindow("chat/v-1", 1, 0.0, 0), "service_variant").empty());
        QCOMPARE(unlimited.firing(), Names{"errors@chat/v-1"});
    }

    // 100 calls at $0.002 in 60 s: $0.20 a minute, $12 an hour.
    void spendPerHourScalesTheWindow()
    {
        ThresholdRule over;
        over.name = "burn";
        over.metric = "spend_per_hour_usd";
        over.trigger = 11.9;
        over.forWindows = 1;
        ThresholdRule under = over;
        under.name = "burn-high";
        under.trigger = 12.1;
        ThresholdRules rules({over, under});
        const auto recs = rules.add(window("chat/v-1", 0, {.costUsd = 0.002}), "service_variant");
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].evidence.at("rule").get<std::string>(), std::string("burn"));
        QVERIFY(std::abs(recs[0].evidence.at("value").get<double>() - 12.0) < 1e-9);
        // Without a price there is no spend to judge, not a spend of $0.
        QVERIFY(rules.add(window("chat/v-2", 0, {.costUsd = -1}), "service_variant").empty());
        QCOMPARE(rules.firing(), Names{"burn@chat/v-1"});
    }

    // A floor: fires below 0.7 after two windows, clears only above 0.75.
    void qualityFloorComparesBelow()
    {
        ThresholdRule floor;
        floor.name = "quality-floor";
        floor.metric = "quality_mean";
        floor.comparison = "below";
        floor.trigger = 0.7;
        floor.clear = 0.75;
        floor.forWindows = 2;
        floor.coolDownSeconds = 0;
        ThresholdRules rules({floor});
        int i = 0;
        auto add = [&](double quality) {
            return rules.add(window("chat/v-1", i++, {.quality = quality}), "service_variant");
        };
        QVERIFY(add(0.8).empty());
        QVERIFY(add(0.6).empty());
        const auto recs = add(0.6);
        QCOMPARE(recs.size(), size_t(1));
        QVERIFY2(contains(recs[0].summary, "below the trigger 0.7"), recs[0].summary.c_str());
        QVERIFY(add(0.72).empty());
        QCOMPARE(rules.firing(), Names{"quality-floor@chat/v-1"});
        QVERIFY(add(0.8).empty());
        QVERIFY(rules.firing().empty());
        // Windows without evaluated calls say nothing about quality (not a mean of 0).
        QVERIFY(rules.add(window("chat/v-1", i++, {}), "service_variant").empty());
        QVERIFY(rules.add(window("chat/v-1", i++, {}), "service_variant").empty());
    }

    // Drift of input_tokens only; the rule clears after its cool-down passes
    // without another matching finding.
    void findingRuleMatchesDriftOfOneMetric()
    {
        ThresholdRule drift;
        drift.name = "input-drift";
        drift.metric = "finding";
        drift.analyzer = "drift";
        drift.findingMetric = "input_tokens";
        drift.trigger = 0.1;
        drift.coolDownSeconds = 600;
        drift.action = "hold_rollout";
        ThresholdRules rules({drift});
        QVERIFY(rules.add(driftFinding("output_tokens", 0.5, 10)).empty());
        Finding performance = driftFinding("input_tokens", 0.5, 10);
        performance.analyzer = "performance";
        QVERIFY(rules.add(performance).empty());
        QVERIFY(rules.add(driftFinding("input_tokens", 0.05, 10)).empty());
        QVERIFY(rules.firing().empty());

        const auto recs = rules.add(driftFinding("input_tokens", 0.3, 11));
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].action, std::string("hold_rollout"));
        QCOMPARE(recs[0].fromVariant, std::string("v-1"));
        QCOMPARE(recs[0].evidence.at("finding").at("metric").get<std::string>(),
                 std::string("input_tokens"));
        QVERIFY2(contains(recs[0].summary, "input-drift") && contains(recs[0].summary, "0.3")
                     && contains(recs[0].summary, "hold its rollout"),
                 recs[0].summary.c_str());
        QVERIFY(rules.add(driftFinding("input_tokens", 0.4, 15)).empty());
        QCOMPARE(rules.firing(), Names{"input-drift@chat/v-1"});
        // Quiet for ten minutes after minute 15.
        rules.add(errorWindow("chat/v-1", 23, 0.0), "service_variant"); // ends at minute 24
        QCOMPARE(rules.firing(), Names{"input-drift@chat/v-1"});
        rules.add(errorWindow("chat/v-1", 24, 0.0), "service_variant");
        QVERIFY(rules.firing().empty());
        QCOMPARE(rules.add(driftFinding("input_tokens", 0.4, 27)).size(), size_t(1));
    }

    void scopeLimitsTheKeys()
    {
        ThresholdRule variant = errorRule(1);
        variant.name = "chat-v1";
        variant.service = "chat";
        variant.variant = "v-1";
        ThresholdRule service = errorRule(1);
        service.name = "search";
        service.service = "search";
        ThresholdRule slashed = errorRule(1);
        slashed.name = "team";
        slashed.service = "team/chat"; // variant ids have no '/', service names may
        ThresholdRules rules({variant, service, slashed});
        QVERIFY(rules.add(errorWindow("chat/v-2", 0, 0.5), "service_variant").empty());
        QVERIFY(rules.add(errorWindow("summary/v-1", 0, 0.5), "service_variant").empty());
        QVERIFY(rules.add(errorWindow("chat", 0, 0.5), "service").empty());
        QVERIFY(rules.add(errorWindow("chat/v-1", 0, 0.5), "model").empty());
        const auto recs = rules.add(errorWindow("chat/v-1", 0, 0.5), "service_variant");
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].evidence.at("rule").get<std::string>(), std::string("chat-v1"));
        const auto bySearch = rules.add(errorWindow("search", 0, 0.5), "service");
        QCOMPARE(bySearch.size(), size_t(1));
        QCOMPARE(bySearch[0].service, std::string("search"));
        QVERIFY(bySearch[0].fromVariant.empty());
        const auto byTeam = rules.add(errorWindow("team/chat/v-1", 0, 0.5), "service_variant");
        QCOMPARE(byTeam.size(), size_t(1));
        QCOMPARE(byTeam[0].service, std::string("team/chat"));
        QCOMPARE(rules.firing(),
                 (Names{"chat-v1@chat/v-1", "search@search", "team@team/chat/v-1"}));
    }

    void validateNamesTheFieldAndTheFix()
    {
        QVERIFY(errorRule(3).validate().empty());
        ThresholdRule defaults;
        defaults.name = "defaults";
        QVERIFY(defaults.validate().empty());
        auto problem = [](auto change) {
            ThresholdRule r = errorRule(3);
            change(r);
            return r.validate();
        };
        const std::string wrongSide = problem([](ThresholdRule& r) { r.clear = 0.08; });
        QVERIFY2(contains(wrongSide, "clear = 0.08") && contains(wrongSide, "at or below"),
                 wrongSide.c_str());
        const std::string floorSide = problem([](ThresholdRule& r) {
            r.comparison = "below";
            r.trigger = 0.7;
            r.clear = 0.6;
        });
        QVERIFY2(contains(floorSide, "clear = 0.6") && contains(floorSide, "at or above"),
                 floorSide.c_str());
        const std::string noTarget = problem([](ThresholdRule& r) { r.action = "fall_back"; });
        QVERIFY2(contains(noTarget, "to_variant is empty"), noTarget.c_str());
        const std::string coolDown = problem([](ThresholdRule& r) { r.coolDownSeconds = -5; });
        QVERIFY2(contains(coolDown, "cool_down_seconds = -5") && contains(coolDown, "0 or more"),
                 coolDown.c_str());
        const std::string metric = problem([](ThresholdRule& r) { r.metric = "latency_p99"; });
        QVERIFY2(contains(metric, "metric = \"latency_p99\"") && contains(metric, "quality_mean"),
                 metric.c_str());
        const std::string windows = problem([](ThresholdRule& r) { r.forWindows = 0; });
        QVERIFY2(contains(windows, "for_windows = 0"), windows.c_str());
        const std::string analyzer = problem([](ThresholdRule& r) { r.metric = "finding"; });
        QVERIFY2(contains(analyzer, "analyzer is empty"), analyzer.c_str());
        const std::string nan = problem(
            [](ThresholdRule& r) { r.trigger = std::numeric_limits<double>::quiet_NaN(); });
        QVERIFY2(contains(nan, "trigger"), nan.c_str());
        QVERIFY2(contains(wrongSide, "rule \"errors\""), wrongSide.c_str());

        // Rules that do not validate, or repeat a name, are left out and reported.
        ThresholdRule broken = errorRule(3);
        broken.name = "broken";
        broken.action = "fall_back";
        ThresholdRules rules({errorRule(1), broken, errorRule(1)});
        QCOMPARE(rules.problems().size(), size_t(2));
        QVERIFY(contains(rules.problems()[0], "to_variant"));
        QVERIFY(contains(rules.problems()[1], "unique name"));
        QCOMPARE(rules.add(errorWindow("chat/v-1", 0, 0.5), "service_variant").size(), size_t(1));
    }

    // Falling back from the fall-back variant itself would change nothing: an alert instead.
    void fallBackNamesTheTargetVariant()
    {
        ThresholdRule fallBack = errorRule(1);
        fallBack.name = "fall-back";
        fallBack.action = "fall_back";
        fallBack.toVariant = "v-safe";
        ThresholdRules rules({fallBack});
        const auto recs = rules.add(errorWindow("chat/v-new", 0, 0.3), "service_variant");
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].action, std::string("fall_back"));
        QCOMPARE(recs[0].fromVariant, std::string("v-new"));
        QCOMPARE(recs[0].toVariant, std::string("v-safe"));
        QVERIFY2(contains(recs[0].summary, "fall back to v-safe"), recs[0].summary.c_str());
        const auto self = rules.add(errorWindow("chat/v-safe", 0, 0.3), "service_variant");
        QCOMPARE(self.size(), size_t(1));
        QCOMPARE(self[0].action, std::string("alert"));
        QVERIFY(self[0].toVariant.empty());
    }

    void badInputIsSkipped()
    {
        ThresholdRule latency;
        latency.name = "slow";
        latency.metric = "latency_p95_ms";
        latency.trigger = 150;
        latency.forWindows = 1;
        ThresholdRule spend;
        spend.name = "spend";
        spend.metric = "spend_per_hour_usd";
        spend.trigger = 0;
        spend.forWindows = 1;
        spend.minRequests = 1;
        ThresholdRule spendFloor = spend;
        spendFloor.name = "spend-floor";
        spendFloor.comparison = "below";
        spendFloor.trigger = 1e9;
        ThresholdRule anyDrift;
        anyDrift.name = "drift";
        anyDrift.metric = "finding";
        anyDrift.analyzer = "drift";
        anyDrift.trigger = 0;
        ThresholdRules rules({latency, spend, spendFloor, anyDrift});
        // Every call failed: no latency to take a p95 of; and windows without a length.
        WindowResult failed = window("chat/v-1", 0, {.errorRate = 1.0, .costUsd = 0.01});
        failed.endUnixNano = failed.startUnixNano;
        QVERIFY(rules.add(failed, "service_variant").empty());
        failed.endUnixNano = failed.startUnixNano - kMinute;
        QVERIFY(rules.add(failed, "service_variant").empty());
        QVERIFY(rules.add(window("no-slash", 1, {}), "service_variant").empty());
        const WindowResult empty;
        QVERIFY(rules.add(empty, "service_variant").empty());
        constexpr double kInfinity = std::numeric_limits<double>::infinity();
        QVERIFY(rules.add(driftFinding("quality", std::nan(""), 2)).empty());
        QVERIFY(rules.add(driftFinding("quality", kInfinity, 2)).empty());
        QVERIFY(rules.add(window("chat/v-1", 2, {.n = 1, .costUsd = kInfinity}), "service_variant")
                    .empty());
        Finding unknownGrouping = driftFinding("quality", 1.0, 2);
        unknownGrouping.grouping = "experiment_arm";
        QVERIFY(rules.add(unknownGrouping).empty());
        QVERIFY(rules.firing().empty());
        // p95 of latencies 100–199 ms is about 195 ms.
        const auto recs = rules.add(window("chat/v-1", 3, {.costUsd = -1}), "service_variant");
        QCOMPARE(recs.size(), size_t(1));
        QVERIFY(std::abs(recs[0].evidence.at("value").get<double>() - 195) < 195 * 0.02);
        // A window of failures has no p95 to clear the latency rule with.
        rules.add(window("chat/v-1", 4, {.errorRate = 1.0, .costUsd = -1}), "service_variant");
        QCOMPARE(rules.firing(), Names{"slow@chat/v-1"});
    }
};

QTEST_GUILESS_MAIN(TestThresholdRules)
#include "tst_threshold_rules.moc"
