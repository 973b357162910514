// How fast the actuator stops a bad canary, and what that costs in requests:
// rollouts of the standard plan (1 → 5 → 25 → 50 % → confirm → 100 %, 400
// canary calls per analysis) on the canary simulator at a given request rate,
// in simulated time, over many seeds. For each bad candidate (answers scored
// 10 % lower; provider errors ×3) it prints the time from the canary's first
// traffic to the rollback, the canary requests served until then and the
// highest weight reached; for a good one (40 % fewer prompt tokens, same
// quality), how often it is promoted and how long that takes.
//
//   bench_rollout [runs=40] [requests_per_second=50]

#include "support/canary_loop.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * double(v.size() - 1) + 0.5)];
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 40;
    const double rate = argc > 2 ? std::atof(argv[2]) : 50.0;
    const std::filesystem::path folder
        = std::filesystem::temp_directory_path() / ("bench_rollout." + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    std::printf("standard plan, %llu canary calls per analysis, %.0f requests/s, %d runs each\n",
                static_cast<unsigned long long>(llmopt::RolloutPlan{}.minSamplesPerAnalysis), rate,
                runs);
    std::printf("%-14s %9s %10s %10s %10s %10s %10s %10s\n", "candidate", "outcome", "time p50",
                "time p90", "served p50", "served p90", "max wt≤5%", "max wt");
    for (const std::string kind : {"worse-quality", "more-errors", "good"}) {
        std::vector<double> seconds, served;
        int rolledBack = 0, promoted = 0, withinFive = 0, highest = 0;
        for (int run = 0; run < runs; ++run) {
            const std::string db = (folder / (kind + std::to_string(run) + ".db")).string();
            std::filesystem::remove(db);
            canary::Loop loop(db, kind, {}, 1000 + uint64_t(run), rate);
            const auto started = loop.actuator.execute(
                loop.command(llmopt::ActuatorCommand::Kind::Start), loop.now);
            if (!started.ok()) {
                std::fprintf(stderr, "%s\n", started.message.c_str());
                return 1;
            }
            int maxWeight = 0;
            const auto phase = [&] { return loop.actuator.rollouts().front().rollout.phase(); };
            const auto ended = [&] {
                maxWeight = std::max(maxWeight, loop.actuator.rollouts().front().rollout.weight());
                if (phase() == llmopt::Rollout::Phase::Paused) // the operator confirms at once
                    loop.actuator.execute(
                        loop.command(llmopt::ActuatorCommand::Kind::Confirm, started.rolloutId),
                        loop.now);
                return phase() == llmopt::Rollout::Phase::Promoted
                    || phase() == llmopt::Rollout::Phase::RolledBack;
            };
            loop.run(6 * 3600, ended);
            const bool back = phase() == llmopt::Rollout::Phase::RolledBack;
            if (back == (kind == "good") || (kind != "good" && maxWeight > 5)) {
                const llmopt::RolloutRecord r = loop.actuator.rollouts().front();
                std::fprintf(stderr, "  %s seed %d: %s (weight reached %d %%)%s%s\n", kind.c_str(),
                             1000 + run, r.rollout.lastMessage().c_str(), maxWeight,
                             r.analyses.empty() ? "" : "; last analysis: ",
                             r.analyses.empty()
                                 ? ""
                                 : r.analyses.back()["summary"].get<std::string>().c_str());
            }
            rolledBack += back;
            promoted += phase() == llmopt::Rollout::Phase::Promoted;
            withinFive += back && maxWeight <= 5;
            highest = std::max(highest, maxWeight);
            if (back == (kind != "good") || kind == "good") {
                seconds.push_back(double(loop.now - canary::kStart) / 1e9);
                served.push_back(double(loop.canaryServed));
            }
        }
        const int outcome = kind == "good" ? promoted : rolledBack;
        std::printf("%-14s %4d/%-4d %9.0fs %9.0fs %10.0f %10.0f %6d/%-3d %9d%%\n", kind.c_str(),
                    outcome, runs, quantile(seconds, 0.5), quantile(seconds, 0.9),
                    quantile(served, 0.5), quantile(served, 0.9), withinFive, runs, highest);
    }
    std::filesystem::remove_all(folder);
    return 0;
}
