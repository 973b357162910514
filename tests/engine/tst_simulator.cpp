#include "simulator.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace llmopt;

namespace {

constexpr int64_t kStart = 1'767'225'600'000'000'000LL; // 2026-01-01T00:00:00Z
constexpr int64_t kSecond = 1'000'000'000LL;

std::vector<LlmEvent> run(uint64_t seed, double seconds, const std::string& scenario = "steady")
{
    auto config = SimulatorConfig::demo(seed, kStart);
    config.scenario = *Scenario::named(scenario, seconds);
    Simulator sim(config);
    std::vector<LlmEvent> out;
    sim.generateUntil(kStart + static_cast<int64_t>(seconds * 1e9), out);
    return out;
}

bool sameEvent(const LlmEvent& a, const LlmEvent& b)
{
    return a.eventId() == b.eventId() && a.timeUnixNano == b.timeUnixNano && a.service == b.service
        && a.variant.id() == b.variant.id() && a.inputTokens == b.inputTokens
        && a.outputTokens == b.outputTokens && a.latencyMs == b.latencyMs
        && a.errorType == b.errorType && a.quality() == b.quality();
}

// |observed − expected| within `sigmas` binomial standard deviations.
bool withinBinomial(double successes, double n, double p, double sigmas = 5.0)
{
    return std::abs(successes - n * p) <= sigmas * std::sqrt(n * p * (1.0 - p)) + 1.0;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameEvents()
    {
        const auto a = run(7, 300);
        const auto b = run(7, 300);
        QCOMPARE(a.size(), b.size());
        QVERIFY(std::equal(a.begin(), a.end(), b.begin(), sameEvent));
        const auto c = run(8, 300);
        QVERIFY(c.empty() || a.empty() || !sameEvent(a.front(), c.front()));
    }

    void generationInStepsEqualsOneGo()
    {
        const auto whole = run(11, 120);
        auto config = SimulatorConfig::demo(11, kStart);
        config.scenario = *Scenario::named("steady", 120);
        Simulator sim(config);
        std::vector<LlmEvent> stepped;
        for (int i = 1; i <= 1200; ++i)
            sim.generateUntil(kStart + i * kSecond / 10, stepped);
        QCOMPARE(stepped.size(), whole.size());
        QVERIFY(std::equal(whole.begin(), whole.end(), stepped.begin(), sameEvent));
        QVERIFY(std::is_sorted(stepped.begin(), stepped.end(),
                               [](auto& x, auto& y) { return x.timeUnixNano < y.timeUnixNano; }));
    }

    // Non-homogeneous Poisson arrivals: counts per service match ∫λ(t)dt.
    void arrivalsMatchTheRateCurve()
    {
        const double seconds = 4 * 3600;
        const auto events = run(3, seconds);
        const auto config = SimulatorConfig::demo(3, kStart);
        Simulator sim(config);
        for (size_t s = 0; s < config.services.size(); ++s) {
            const auto n = std::count_if(events.begin(), events.end(), [&](const LlmEvent& e) {
                return e.service == config.services[s].name;
            });
            const double expected
                = sim.expectedArrivals(s, kStart, kStart + int64_t(seconds) * kSecond);
            QVERIFY2(std::abs(double(n) - expected) < 5.0 * std::sqrt(expected),
                     qPrintable(QString("%1: %2 vs %3")
                                    .arg(config.services[s].name.c_str())
                                    .arg(n)
                                    .arg(expected)));
        }
        // The diurnal curve peaks at 16:00 and bottoms at 04:00 UTC (factor 1.5 vs 0.5).
        QCOMPARE(sim.rateAt(0, kStart + 16 * 3600 * kSecond)
                     / sim.rateAt(0, kStart + 4 * 3600 * kSecond),
                 3.0);
    }

    void errorRatesMatchTheirProbabilities()
    {
        const auto events = run(5, 3 * 3600);
        const auto config = SimulatorConfig::demo(5, kStart);
        std::map<std::string, double> counts;
        for (const LlmEvent& e : events)
            if (e.isError())
                ++counts[e.errorType];
        const double n = double(events.size());
        QVERIFY(withinBinomial(counts["429"], n, config.rateLimitProbability));
        QVERIFY(withinBinomial(counts["500"], n, config.serverErrorProbability));
        QVERIFY(withinBinomial(counts["timeout"], n, config.timeoutProbability));
    }

    // Item-response quality: the share of good answers per (model, task) matches
    // E[logistic(1.7 (skill − difficulty))] over the task's difficulty distribution.
    void qualityFollowsTheItemResponseModel()
    {
        const auto events = run(9, 4 * 3600);
        Simulator sim(SimulatorConfig::demo(9, kStart));
        std::map<std::pair<std::string, std::string>, std::pair<double, double>> goodAndAll;
        for (const LlmEvent& e : events) {
            if (e.isError())
                continue;
            auto& [good, all] = goodAndAll[{e.variant.model, e.taskType}];
            good += *e.quality() >= 0.75 ? 1 : 0;
            all += 1;
        }
        int checked = 0;
        for (const auto& [key, counts] : goodAndAll) {
            if (counts.second < 300)
                continue;
            const double p = sim.expectedSuccessProbability(key.first, key.second);
            QVERIFY2(withinBinomial(counts.first, counts.second, p),
                     qPrintable(QString("%1/%2: %3 of %4, expected p=%5")
                                    .arg(key.first.c_str(), key.second.c_str())
                                    .arg(counts.first)
                                    .arg(counts.second)
                                    .arg(p)));
            ++checked;
        }
        QVERIFY(checked >= 10);
        // Cheap models match expensive ones on easy prompts, not on hard ones.
        const double easyGap = sim.expectedSuccessProbability("gpt-4o", "faq")
            - sim.expectedSuccessProbability("gpt-4o-mini", "faq");
        const double hardGap = sim.expectedSuccessProbability("gpt-4o", "troubleshooting")
            - sim.expectedSuccessProbability("gpt-4o-mini", "troubleshooting");
        QVERIFY2(easyGap < 0.06 && hardGap > 0.12,
                 qPrintable(QString("%1 %2").arg(easyGap).arg(hardGap)));
        // Known value of the integral: a task whose mean difficulty equals the
        // model's skill gives exactly 1/2, by the logistic's symmetry.
        auto config = SimulatorConfig::demo(9, kStart);
        const double skill = config.models.front().skill();
        config.tasks.push_back({"matched", skill, 1.3, 100, 0.5, 100, 0.5});
        Simulator matched(config);
        QVERIFY(std::abs(matched.expectedSuccessProbability(config.models.front().model, "matched")
                         - 0.5)
                < 1e-9);
        QCOMPARE(Simulator::goodAnswerProbability(1.0, 1.0), 0.5);
    }

    void tokensAndLatencyFollowTheirProfiles()
    {
        const auto events = run(13, 2 * 3600);
        std::vector<double> faqInput;
        for (const LlmEvent& e : events) {
            if (e.isError()) {
                QCOMPARE(e.inputTokens, 0);
                continue;
            }
            QVERIFY(e.latencyMs >= *e.ttftMs);
            QVERIFY(e.cacheReadTokens + e.cacheWriteTokens <= e.inputTokens);
            if (e.finishReason == "length")
                QCOMPARE(e.outputTokens, *e.variant.maxTokens);
            else
                QVERIFY(e.outputTokens < *e.variant.maxTokens);
            if (e.taskType == "faq")
                faqInput.push_back(double(e.inputTokens - 1024)); // the service's cached prefix
        }
        std::nth_element(faqInput.begin(), faqInput.begin() + faqInput.size() / 2, faqInput.end());
        const double median = faqInput[faqInput.size() / 2];
        QVERIFY2(std::abs(median - 350) < 350 * 0.03, qPrintable(QString::number(median)));
    }

    void scenarioEventsChangeTheWorkload()
    {
        const double seconds = 3600;
        const auto outage = run(21, seconds, "provider-outage"); // anthropic, 60%–75% of the hour
        double inWindow = 0, failed = 0;
        for (const LlmEvent& e : outage) {
            const double t = double(e.timeUnixNano - kStart) / 1e9;
            if (e.provider == "anthropic" && t >= 0.6 * seconds && t < 0.75 * seconds) {
                ++inWindow;
                failed += e.errorType == "503" ? 1 : 0;
            }
        }
        QVERIFY(inWindow > 200);
        QVERIFY(withinBinomial(failed, inWindow, 0.9));

        const auto drift
            = run(22, seconds, "input-drift"); // support-chat from 40%: +50% troubleshooting
        double after = 0, troubleshooting = 0;
        for (const LlmEvent& e : drift) {
            if (e.service == "support-chat"
                && double(e.timeUnixNano - kStart) / 1e9 >= 0.4 * seconds) {
                ++after;
                troubleshooting += e.taskType == "troubleshooting" ? 1 : 0;
            }
        }
        QVERIFY(withinBinomial(troubleshooting, after, 0.5 + 0.5 * 0.3));

        auto config = SimulatorConfig::demo(23, kStart);
        config.scenario = *Scenario::named("price-change", seconds);
        Simulator sim(config);
        std::vector<LlmEvent> sink;
        QVERIFY(sim.takeStartedScenarioEvents(kStart + 1000 * kSecond).empty());
        const auto started = sim.takeStartedScenarioEvents(kStart + 2000 * kSecond);
        QCOMPARE(started.size(), size_t(1));
        QCOMPARE(started[0].target, std::string("gpt-4o"));
        QVERIFY(sim.takeStartedScenarioEvents(kStart + 3000 * kSecond).empty());
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
