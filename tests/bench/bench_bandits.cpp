// Per-decision latency of the bandits, in process: each call timed on its
// own with steady_clock (the clock's own cost is printed first and is part
// of every figure). Target (issue: bandits): p99 ≤ 2 µs per decision with
// about 5 arms and 15 features. Also the off-path costs: an update, and the
// propensity quadratures that follow one.
#include "context_features.h"
#include "linear_bandit.h"
#include "thompson_sampling.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

// Times `call` n times, one clock pair per call, and prints p50 / p99 / p99.9 / mean in ns.
template <class Call> void measure(const char* name, int n, Call call)
{
    std::vector<double> ns;
    ns.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const auto t0 = Clock::now();
        call(i);
        ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count());
    }
    double mean = 0;
    for (double v : ns)
        mean += v / n;
    std::sort(ns.begin(), ns.end());
    const auto at = [&](double q) { return ns[size_t(q * double(n - 1))]; };
    std::printf("%-46s %9.0f %9.0f %9.0f %9.0f\n", name, at(0.5), at(0.99), at(0.999), mean);
}

struct Request {
    std::string service;
    std::string task;
    int64_t tokens;
    double hour;
};

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::stoi(argv[1]) : 1'000'000;
    constexpr size_t arms = 5;
    Xoshiro256 rng(1);
    std::uniform_real_distribution<double> uniform(0, 1);
    size_t sink = 0;

    const ContextFeatures features({"search", "chat", "agent"},
                                   {"qa", "code", "summary", "extract"});
    std::vector<Request> requests;
    const std::array<const char*, 4> services{"search", "chat", "agent", "batch"};
    const std::array<const char*, 5> tasks{"qa", "code", "summary", "extract", "translate"};
    for (int i = 0; i < 4096; ++i)
        requests.push_back({services[size_t(i) % services.size()], tasks[size_t(i) % tasks.size()],
                            int64_t(std::exp(3 + 7 * uniform(rng))), 24 * uniform(rng)});
    Eigen::VectorXd x(Eigen::Index(features.dimension()));
    const auto encode = [&](int i) {
        const Request& r = requests[size_t(i) % requests.size()];
        features.encode(r.service, r.task, r.tokens, r.hour, x);
    };

    std::printf("calls per row: %d; %zu arms; %zu features\n", n, arms, features.dimension());
    std::printf("%-46s %9s %9s %9s %9s\n", "ns per call", "p50", "p99", "p99.9", "mean");
    measure("steady_clock::now() pair (overhead)", n, [](int) {});

    for (auto model : {ThompsonSampling::Model::BetaBernoulli, ThompsonSampling::Model::Gaussian}) {
        const bool beta = model == ThompsonSampling::Model::BetaBernoulli;
        ThompsonSampling ts(arms, model);
        for (int i = 0; i < 1000; ++i) {
            const size_t arm = size_t(i) % arms;
            ts.update(arm, uniform(rng) < 0.3 + 0.1 * double(arm) ? 1.0 : 0.0);
        }
        ts.propensities();
        measure(beta ? "ThompsonSampling::choose, Beta" : "ThompsonSampling::choose, Gaussian", n,
                [&](int) { sink += ts.choose(rng).arm; });
        measure(beta ? "  update + propensity quadrature, Beta"
                     : "  update + propensity quadrature, Gaussian",
                n / 1000, [&](int i) {
                    ts.update(size_t(i) % arms, uniform(rng) < 0.5 ? 1.0 : 0.0);
                    sink += size_t(ts.propensities()[0] * 10);
                });
    }

    for (auto mode : {LinearBandit::Mode::UCB, LinearBandit::Mode::Thompson}) {
        const bool ucb = mode == LinearBandit::Mode::UCB;
        LinearBandit bandit(arms, features.dimension(), mode);
        for (int i = 0; i < 5000; ++i) {
            encode(i);
            bandit.update(size_t(i) % arms, x, uniform(rng));
        }
        measure(ucb ? "encode + LinearBandit::choose, UCB"
                    : "encode + LinearBandit::choose, Thompson",
                n, [&](int i) {
                    encode(i);
                    sink += bandit.choose(x, rng).arm;
                });
        measure(ucb ? "  encode + update, UCB" : "  encode + update, Thompson", n / 10, [&](int i) {
            encode(i);
            bandit.update(size_t(i) % arms, x, uniform(rng));
        });
        if (!ucb) {
            std::vector<double> p(arms);
            measure("  probabilities (quadrature), Thompson", n / 100, [&](int i) {
                encode(i);
                bandit.probabilities(x, p);
                sink += size_t(p[0] * 10);
            });
        }
    }
    std::printf("(checksum %zu)\n", sink);
    return 0;
}
