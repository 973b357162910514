// Stream processor + analyzers throughput on the demo workload spread
// over 50 variants, and resident memory as the event count grows.
// Prints a table; docs/benchmarks.md says how to read it.
#include "analysis_pipeline.h"
#include "embedded_resources.h"
#include "price_table.h"
#include "simulator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

long residentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

} // namespace

// False alarms: the steady scenario (no scenario events) through the same
// windows and analyzers; prints the findings per analyzer and method.
int steady(size_t total)
{
    const auto prices = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
    auto config = SimulatorConfig::demo(2, 0);
    config.rateScale = 5;
    Simulator sim(config);
    AnalysisPipeline analysis;
    std::map<std::string, size_t> byMethod;
    size_t n = 0, windows = 0, qualityCalls = 0;
    std::vector<LlmEvent> events;
    std::vector<Finding> findings;
    for (int64_t t = 60'000'000'000LL; n < total; t += 60'000'000'000LL) {
        events.clear();
        sim.generateUntil(t, events);
        for (LlmEvent& e : events) {
            e.costUsd = prices.cost(e); // as the collector would
            analysis.add(e, findings);
            qualityCalls += e.quality() ? 1 : 0;
        }
        n += events.size();
        windows += analysis.takeClosed(findings).size();
    }
    for (const Finding& f : findings)
        ++byMethod[f.analyzer + " · " + f.metric + " · " + f.method];
    std::printf(
        "steady scenario: %zu events, %zu one-minute windows of %zu keys, %zu scored calls\n", n,
        windows, analysis.windows().activeKeys(), qualityCalls);
    for (const auto& [method, found] : byMethod)
        std::printf("%6zu  %.2e per window  %s\n", found, double(found) / double(windows),
                    method.c_str());
    return 0;
}

int main(int argc, char** argv)
{
    const size_t total = argc > 1 ? std::stoul(argv[1]) : 10'000'000;
    if (argc > 2 && std::string(argv[2]) == "steady")
        return steady(total);
    constexpr int kVariants = 50;
    // A million calls of demo traffic, scaled up, their prompt versions spread
    // so that the 9 demo variants become 50 or more.
    auto config = SimulatorConfig::demo(1, 0);
    config.rateScale = 200;
    Simulator sim(config);
    std::vector<LlmEvent> events;
    for (int64_t t = 60'000'000'000LL; events.size() < 1'000'000; t += 60'000'000'000LL)
        sim.generateUntil(t, events);
    const auto prices = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
    for (size_t i = 0; i < events.size(); ++i) {
        events[i].variant.promptVersion = "p" + std::to_string(i % (kVariants / 9 + 1));
        events[i].costUsd = prices.cost(events[i]); // as the collector would
    }
    const int64_t span = events.back().timeUnixNano - events.front().timeUnixNano + 1;
    std::printf(
        "events: %zu (replaying %zu simulated calls over %.1f h), grouping service/variant\n",
        total, events.size(), double(span) / 3.6e12);

    AnalysisPipeline analysis;
    std::vector<Finding> findings;
    size_t found = 0, windows = 0;
    std::printf("%12s %14s %12s %10s %8s\n", "events", "events/s", "RSS MiB", "windows", "keys");
    const auto t0 = Clock::now();
    auto last = t0;
    size_t lastCount = 0;
    for (size_t n = 0; n < total;) {
        const int64_t shift = int64_t(n / events.size()) * span; // later laps move on in time
        for (const LlmEvent& source : events) {
            LlmEvent e = source;
            e.timeUnixNano += shift;
            analysis.add(e, findings);
            if (++n == total)
                break;
        }
        windows += analysis.takeClosed(findings).size();
        found += findings.size();
        findings.clear();
        const double seconds = std::chrono::duration<double>(Clock::now() - last).count();
        std::printf("%12zu %14.0f %12.1f %10zu %8zu\n", n, double(n - lastCount) / seconds,
                    double(residentKilobytes()) / 1024.0, windows, analysis.windows().activeKeys());
        std::fflush(stdout);
        last = Clock::now();
        lastCount = n;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("overall %.0f events/s; %zu windows, %zu findings, %llu late\n",
                double(total) / seconds, windows, found,
                static_cast<unsigned long long>(analysis.windows().lateEvents()));
    return 0;
}
