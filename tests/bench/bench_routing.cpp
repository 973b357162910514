// What per-request routing saves (docs/benchmarks.md, issue 5 "Proof"): every
// policy sees the same stream of requests, and for each request the simulator
// knows what every model would have answered (common random numbers: the
// same prompt difficulty, lengths and luck for all models). The workload is
// not the demo's: another seed and another task mix.
#include "embedded_resources.h"
#include "price_table.h"
#include "simulator.h"
#include "variant_router.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace llmopt;

namespace {

struct Outcome {
    double quality = 0;
    double costUsd = 0;
    double latencyMs = 0;
    bool good = false;
};

struct Request {
    const TaskProfile* task = nullptr;
    double lengthZ = 0; // what the prompt's length says about its difficulty
    RequestContext context;
    std::vector<Outcome> perModel; // indexed like the model list
};

class Workload {
public:
    Workload(uint64_t seed, std::vector<std::pair<std::string, double>> mix)
        : m_config(SimulatorConfig::demo(seed, 0))
        , m_prices(PriceTable::fromJson(embeddedPriceTable(), "prices.json"))
        , m_mix(std::move(mix))
        , m_rng(seed)
    {
        for (const ModelProfile& m : m_config.models)
            m_modelPrices.push_back(m_prices.find(m.model));
    }
    const std::vector<ModelProfile>& models() const { return m_config.models; }
    const std::vector<TaskProfile>& tasks() const { return m_config.tasks; }

    void next(Request& r, double hour)
    {
        double pick = std::uniform_real_distribution<double>(0, 1)(m_rng);
        for (const auto& [name, share] : m_mix)
            if ((pick -= share) < 0 || &name == &m_mix.back().first) {
                r.task = &task(name);
                break;
            }
        const double lengthZ = m_normal(m_rng);
        const auto input = std::llround(r.task->inputTokensMedian
                                        * std::exp(r.task->inputTokensSigma * lengthZ));
        const auto output = std::max<int64_t>(
            1,
            std::llround(r.task->outputTokensMedian
                         * std::exp(r.task->outputTokensSigma * m_normal(m_rng))));
        const double difficulty = Simulator::promptDifficulty(*r.task, lengthZ, m_normal(m_rng));
        const double luck = m_uniform(m_rng), grade = m_uniform(m_rng);
        const double jitter = std::exp(0.25 * m_normal(m_rng));
        r.context = {r.task->name, input, hour};
        r.lengthZ = lengthZ;
        r.perModel.resize(m_config.models.size());
        for (size_t m = 0; m < m_config.models.size(); ++m) {
            const ModelProfile& model = m_config.models[m];
            Outcome& o = r.perModel[m];
            o.good = luck < Simulator::goodAnswerProbability(model.skill(), difficulty);
            o.quality = o.good ? 0.75 + 0.25 * grade : 0.45 * grade;
            o.costUsd
                = m_modelPrices[m] ? PriceTable::cost(*m_modelPrices[m], input, output, 0, 0) : 0.0;
            o.latencyMs = (model.ttftSeconds * (1.0 + double(input) / 20000.0) * jitter
                           + double(output) / model.outputTokensPerSecond)
                * 1000.0;
        }
    }

private:
    const TaskProfile& task(const std::string& name) const
    {
        for (const TaskProfile& t : m_config.tasks)
            if (t.name == name)
                return t;
        std::fprintf(stderr, "unknown task %s\n", name.c_str());
        std::exit(1);
    }

    SimulatorConfig m_config;
    PriceTable m_prices;
    std::vector<const ModelPrice*> m_modelPrices;
    std::vector<std::pair<std::string, double>> m_mix;
    std::mt19937_64 m_rng;
    std::normal_distribution<double> m_normal;
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
};

struct Policy {
    std::string name;
    std::function<size_t(const Request&)> choose;
    std::function<void(const Request&, size_t, const Outcome&)> observe = {};
    double cost = 0, quality = 0, lateCost = 0, lateQuality = 0;
    uint64_t late = 0;
};

} // namespace

int main(int argc, char** argv)
{
    const uint64_t requests = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
    const uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 4242;
    // Not the mix of any demo service: a general assistant.
    Workload workload(seed,
                      {{"faq", 0.30},
                       {"extract", 0.15},
                       {"summarize", 0.15},
                       {"troubleshooting", 0.15},
                       {"code-explain", 0.15},
                       {"code-generate", 0.10}});
    const auto& models = workload.models();
    std::vector<std::string> modelNames, taskNames;
    for (const ModelProfile& m : models)
        modelNames.push_back(m.model);
    for (const TaskProfile& t : workload.tasks())
        taskNames.push_back(t.name);
    size_t best = 0, mini = 0;
    for (size_t m = 0; m < models.size(); ++m)
        if (models[m].mmlu > models[best].mmlu)
            best = m; // the first of equals: gpt-4o before claude-3-5-sonnet
    for (size_t m = 0; m < models.size(); ++m)
        if (models[m].model == "gpt-4o-mini")
            mini = m;

    // The cheapest model by its mean cost on a sample of the stream.
    size_t cheapest = 0;
    {
        Workload probe(seed + 1, {{"faq", 0.3}, {"summarize", 0.7}});
        std::vector<double> total(models.size());
        Request r;
        for (int i = 0; i < 2000; ++i) {
            probe.next(r, 12);
            for (size_t m = 0; m < models.size(); ++m)
                total[m] += r.perModel[m].costUsd;
        }
        cheapest = size_t(std::min_element(total.begin(), total.end()) - total.begin());
    }

    std::mt19937_64 coin(seed + 2);
    std::vector<Policy> policies;
    policies.push_back(
        {"always best (" + modelNames[best] + ")", [&](const Request&) { return best; }});
    policies.push_back(
        {"cheapest (" + modelNames[cheapest] + ")", [&](const Request&) { return cheapest; }});
    policies.push_back({"random", [&](const Request&) {
                            return size_t(
                                std::uniform_int_distribution<size_t>(0, models.size() - 1)(coin));
                        }});
    policies.push_back({"threshold: hard tasks → best, else gpt-4o-mini", [&](const Request& r) {
                            return r.task->difficultyMean > 0.0 ? best : mini;
                        }});
    std::vector<std::unique_ptr<VariantRouter>> routers;
    for (double lambda : {10.0, 15.0, 20.0, 25.0, 30.0}) {
        VariantRouter::Options o;
        o.taskTypes = taskNames;
        o.reward.perUsd = lambda;
        o.seed = seed + 3;
        routers.push_back(std::make_unique<VariantRouter>("assistant", modelNames, o));
        VariantRouter* router = routers.back().get();
        auto pending = std::make_shared<RoutingDecision>();
        char name[96];
        std::snprintf(name, sizeof name, "LinUCB bandit, reward q − %.0f·USD", lambda);
        policies.push_back({name,
                            [router, pending](const Request& r) {
                                *pending = router->decide(r.context);
                                return pending->arm;
                            },
                            [router, pending](const Request&, size_t, const Outcome& o) {
                                router->feedback(pending->decisionId, o.quality, o.costUsd,
                                                 o.latencyMs);
                            }});
    }
    // The best a router can do without seeing the answer: each model's expected
    // score given the task and what the prompt's length reveals of its
    // difficulty (the simulator's own model), traded at λ.
    auto expectedScore = [&](const Request& r, size_t m) {
        const double rho = Simulator::kLengthDifficultyCorrelation;
        const double rest = std::sqrt(1 - rho * rho);
        double p = 0, w = 0;
        for (int i = -40; i <= 40; ++i) {
            const double z = i / 10.0, weight = std::exp(-0.5 * z * z);
            p += weight
                * Simulator::goodAnswerProbability(
                     models[m].skill(),
                     r.task->difficultyMean + r.task->difficultySd * (rho * r.lengthZ + rest * z));
            w += weight;
        }
        return Simulator::expectedScore(p / w);
    };
    for (double lambda : {10.0, 15.0, 20.0, 25.0, 30.0}) {
        char name[96];
        std::snprintf(name, sizeof name, "informed (true expected quality), λ %.0f", lambda);
        policies.push_back({name, [&, lambda](const Request& r) {
                                size_t pick = 0;
                                double top = -INFINITY;
                                for (size_t m = 0; m < models.size(); ++m) {
                                    const double v
                                        = expectedScore(r, m) - lambda * r.perModel[m].costUsd;
                                    if (v > top) {
                                        top = v;
                                        pick = m;
                                    }
                                }
                                return pick;
                            }});
    }
    policies.push_back({"oracle (cheapest good answer)", [&](const Request& r) {
                            size_t pick = cheapest;
                            double cost = INFINITY;
                            for (size_t m = 0; m < r.perModel.size(); ++m)
                                if (r.perModel[m].good && r.perModel[m].costUsd < cost) {
                                    cost = r.perModel[m].costUsd;
                                    pick = m;
                                }
                            return pick;
                        }});

    const auto start = std::chrono::steady_clock::now();
    Request request;
    for (uint64_t i = 0; i < requests; ++i) {
        workload.next(request, std::fmod(double(i) * 24.0 / double(requests), 24.0));
        for (Policy& p : policies) {
            const size_t m = p.choose(request);
            const Outcome& o = request.perModel[m];
            p.cost += o.costUsd;
            p.quality += o.quality;
            if (i >= requests / 2) {
                p.lateCost += o.costUsd;
                p.lateQuality += o.quality;
                ++p.late;
            }
            if (p.observe)
                p.observe(request, m, o);
        }
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const Policy& bestPolicy = policies[0];
    const Policy& oracle = policies.back();
    std::printf("%llu requests, seed %llu, %zu models; whole run (second half in brackets)\n\n",
                static_cast<unsigned long long>(requests), static_cast<unsigned long long>(seed),
                models.size());
    std::printf("%-48s %12s %9s %10s %14s %14s\n", "policy", "cost USD", "quality", "% of best",
                "cost vs best", "% of oracle's");
    std::printf("%-48s %12s %9s %10s %14s %14s\n", "", "", "(mean)", "quality", "", "savings");
    for (const Policy& p : policies) {
        const double n = double(requests);
        const double savings = 1.0 - p.cost / bestPolicy.cost;
        const double oracleSavings = 1.0 - oracle.cost / bestPolicy.cost;
        const double lateSavings = 1.0 - p.lateCost / bestPolicy.lateCost;
        const double lateOracle = 1.0 - oracle.lateCost / bestPolicy.lateCost;
        std::printf("%-48s %12.2f %9.4f %9.1f%% %7.1f%% [%4.1f] %7.1f%% [%4.1f]\n", p.name.c_str(),
                    p.cost, p.quality / n, 100.0 * p.quality / bestPolicy.quality, -100.0 * savings,
                    -100.0 * lateSavings, 100.0 * savings / oracleSavings,
                    100.0 * lateSavings / lateOracle);
        std::printf("%-48s %12s %9.4f %9.1f%%\n", "", "(2nd half)", p.lateQuality / double(p.late),
                    100.0 * p.lateQuality / bestPolicy.lateQuality);
    }
    std::printf("\nsimulated in %.1f s\n", seconds);
}
