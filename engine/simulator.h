#pragma once

#include "experiment_analyzer.h"
#include "llm_event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

// Published figures of one model (../shared/data/model_catalog.json).
struct ModelProfile {
    std::string model;
    std::string provider;
    double mmlu = 0.0;
    double ttftSeconds = 0.5;
    double outputTokensPerSecond = 100.0;
    // Ability on the item-response scale, derived from the MMLU score.
    double skill() const { return (mmlu - 72.0) / 5.0; }
};

// A kind of request: how hard its prompts are and how long inputs and answers run.
struct TaskProfile {
    std::string name;
    double difficultyMean = 0.0; // item-response scale, same as ModelProfile::skill()
    double difficultySd = 1.0;
    double inputTokensMedian = 500; // log-normal
    double inputTokensSigma = 0.6;
    double outputTokensMedian = 200; // log-normal
    double outputTokensSigma = 0.7;
};

struct VariantProfile {
    std::string name;
    Variant variant;
    double weight = 1.0;
    // What sets a variant apart from its model alone (a canary's prompt): its
    // answers' scores are multiplied by qualityFactor, its provider errors
    // (429, 5xx, timeouts) by errorFactor, its prompt tokens by inputTokensFactor.
    double qualityFactor = 1.0;
    double errorFactor = 1.0;
    double inputTokensFactor = 1.0;
};

struct ServiceProfile {
    std::string name;
    double requestsPerSecond = 1.0; // daily mean; the diurnal curve modulates it
    std::vector<std::pair<std::string, double>> taskMix;
    std::vector<VariantProfile> variants;
    double cacheHitRate = 0.0; // share of calls whose shared prompt prefix is cached
    int64_t cachedPrefixTokens = 0; // size of that prefix (system prompt)
};

// Something the scenario makes happen between two offsets from the start.
struct ScenarioEvent {
    enum class Kind { InputMixDrift, LatencyIncident, ProviderOutage, PriceChange };
    Kind kind = Kind::InputMixDrift;
    double startSeconds = 0.0;
    double endSeconds = 1e300;
    std::string target; // service (drift), provider (incident, outage), model (price change)
    std::string task; // drift: the task type that gains share
    double magnitude = 0.; // drift: share moved; incident: latency factor; outage: error
                           // probability; price change: price factor
    std::string describe() const;
};

struct Scenario {
    std::string name;
    std::vector<ScenarioEvent> events;
    // Named scenarios with their events placed within `horizonSeconds`.
    static std::optional<Scenario> named(const std::string& name, double horizonSeconds);
    static std::vector<std::string> names();
};

struct SimulatorConfig {
    uint64_t seed = 1;
    int64_t startUnixNano = 0;
    double rateScale = 1.0;
    double rateLimitProbability = 0.01; // HTTP 429 from the provider
    double serverErrorProbability = 0.003; // HTTP 5xx
    double timeoutProbability = 0.001;
    double timeoutSeconds = 30.0;
    double feedbackProbability = 0.05; // share of successful calls that get thumbs up/down
    Scenario scenario;
    std::vector<ModelProfile> models;
    std::vector<TaskProfile> tasks;
    std::vector<ServiceProfile> services;

    // Three production-like services over the catalog's models.
    static SimulatorConfig demo(uint64_t seed, int64_t startUnixNano);
    // A canary release: service "support-chat" all on its stable variant
    // "gpt-4o/v3" (weight 1), with the candidate "gpt-4o/v4" (weight 0, for a
    // rollout to raise) that is `candidate`: "good" — a shorter prompt, 40 %
    // fewer prompt tokens at the same quality —, "worse-quality" (scores
    // −10 %) or "more-errors" (provider errors ×3).
    static SimulatorConfig canary(uint64_t seed, int64_t startUnixNano,
                                  const std::string& candidate, double requestsPerSecond);
    // Each service's routing as a planned experiment: flag "<service>.variant"
    // (set on every generated call), its variants as arms at their weights,
    // the first variant as control.
    std::vector<ExperimentDefinition> experiments() const;
    static std::string flagKey(const std::string& service) { return service + ".variant"; }
};

// Deterministic, seeded production-like LLM workload.
//
// Arrivals per service follow a non-homogeneous Poisson process (thinning,
// Lewis & Shedler) with a diurnal rate curve. Quality follows a one-parameter
// logistic (Rasch) item-response model: P(good answer) = 1 / (1 + exp(-1.7 (skill - difficulty))),
// so a cheap model matches an expensive one on easy prompts and not on hard ones.
// Latency = TTFT + output tokens / speed, each with log-normal jitter.
class Simulator {
public:
    explicit Simulator(SimulatorConfig config);

    // Appends, in time order, every event that starts before `untilUnixNano`.
    void generateUntil(int64_t untilUnixNano, std::vector<LlmEvent>& out);
    // Routes `service` by these weights (variant name or id → share) from now on, as
    // a published policy would; variants not named get none. False when the
    // service is unknown or no named variant is.
    bool setWeights(const std::string& service,
                    const std::vector<std::pair<std::string, double>>& weights);
    // Scenario events whose start lies before `untilUnixNano` and that were not taken yet.
    std::vector<ScenarioEvent> takeStartedScenarioEvents(int64_t untilUnixNano);

    // Model quantities, for tests and for reading the simulator's output against its inputs.
    double rateAt(size_t service, int64_t unixNano) const;
    double expectedArrivals(size_t service, int64_t fromUnixNano, int64_t toUnixNano) const;
    double expectedSuccessProbability(const std::string& model, const std::string& task) const;
    static double goodAnswerProbability(double skill, double difficulty);
    // A prompt's difficulty: normal around its task's mean, and correlated
    // (kLengthDifficultyCorrelation) with the standard normal `lengthZ` that
    // drew its input length — longer prompts of a task tend to be harder, which
    // is what a router can see before the call. Marginally still
    // N(difficultyMean, difficultySd²).
    static double promptDifficulty(const TaskProfile& task, double lengthZ, double ownZ);
    static constexpr double kLengthDifficultyCorrelation = 0.6;
    static double expectedScore(double successProbability);

private:
    struct Rng {
        uint64_t s[4];
        double spareNormal = 0.0;
        bool hasSpare = false;
        explicit Rng(uint64_t seed);
        uint64_t next();
        double uniform();
        double normal();
        double exponential(double rate);
    };

    double nextArrival(size_t service, double afterSeconds);
    LlmEvent makeEvent(size_t service, double atSeconds);
    const ModelProfile& model(const std::string& name) const;
    const TaskProfile& task(const std::string& name) const;
    double maxRate(size_t service) const;

    SimulatorConfig m_config;
    Rng m_rng;
    std::vector<double> m_nextArrivalSeconds;
    std::vector<bool> m_scenarioTaken;
};

} // namespace llmopt
