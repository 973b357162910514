#include "simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace llmopt {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kNanosPerSecond = 1e9;

// Share of the daily mean rate at a time of day: a sine with its peak at 16:00 UTC.
double diurnalFactor(int64_t unixNano)
{
    const double hour = std::fmod(static_cast<double>(unixNano) / kNanosPerSecond / 3600.0, 24.0);
    return 1.0 + 0.5 * std::sin(2.0 * kPi * (hour - 10.0) / 24.0);
}
constexpr double kMaxDiurnalFactor = 1.5;

bool activeAt(const ScenarioEvent& e, double seconds)
{
    return seconds >= e.startSeconds && seconds < e.endSeconds;
}

std::string hexDigits(uint64_t v, int digits)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return std::string(buf + 16 - digits);
}

Variant makeVariant(const char* model, const char* prompt, double temperature, int64_t maxTokens)
{
    Variant v;
    v.model = model;
    v.promptVersion = prompt;
    v.temperature = temperature;
    v.maxTokens = maxTokens;
    return v;
}

} // namespace

// xoshiro256** seeded through SplitMix64 (Blackman & Vigna); our own
// distributions keep the stream identical across standard libraries.
Simulator::Rng::Rng(uint64_t seed)
{
    uint64_t x = seed;
    for (uint64_t& word : s) {
        x += 0x9e3779b97f4a7c15ULL;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        word = z ^ (z >> 31);
    }
}

uint64_t Simulator::Rng::next()
{
    auto rotl = [](uint64_t v, int k) { return (v << k) | (v >> (64 - k)); };
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double Simulator::Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Simulator::Rng::normal()
{
    // Marsaglia's polar method.
    if (hasSpare) {
        hasSpare = false;
        return spareNormal;
    }
    double u, v, q;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        q = u * u + v * v;
    } while (q >= 1.0 || q == 0.0);
    const double f = std::sqrt(-2.0 * std::log(q) / q);
    spareNormal = v * f;
    hasSpare = true;
    return u * f;
}

double Simulator::Rng::exponential(double rate)
{
    return -std::log1p(-uniform()) / rate;
}

std::string ScenarioEvent::describe() const
{
    char buf[200];
    switch (kind) {
    case Kind::InputMixDrift:
        std::snprintf(buf, sizeof buf, "input mix of %s drifts: %.0f%% of traffic moves to %s",
                      target.c_str(), magnitude * 100, task.c_str());
        break;
    case Kind::LatencyIncident:
        std::snprintf(buf, sizeof buf, "latency incident at %s: calls %.1f× slower", target.c_str(),
                      magnitude);
        break;
    case Kind::ProviderOutage:
        std::snprintf(buf, sizeof buf, "%s outage: %.0f%% of calls fail", target.c_str(),
                      magnitude * 100);
        break;
    case Kind::PriceChange:
        std::snprintf(buf, sizeof buf, "price change: %s now costs %.0f%% of its old price",
                      target.c_str(), magnitude * 100);
        break;
    }
    return buf;
}

std::vector<std::string> Scenario::names()
{
    return {"steady", "input-drift", "latency-incident", "provider-outage", "price-change", "demo"};
}

std::optional<Scenario> Scenario::named(const std::string& name, double horizon)
{
    using K = ScenarioEvent::Kind;
    const ScenarioEvent drift{K::InputMixDrift, 0.4 * horizon,     1e300,
                              "support-chat",   "troubleshooting", 0.5};
    const ScenarioEvent incident{
        K::LatencyIncident, 0.5 * horizon, 0.7 * horizon, "openai", "", 3.0};
    const ScenarioEvent outage{
        K::ProviderOutage, 0.6 * horizon, 0.75 * horizon, "anthropic", "", 0.9};
    const ScenarioEvent priceCut{K::PriceChange, 0.5 * horizon, 1e300, "gpt-4o", "", 0.5};

    Scenario s{name, {}};
    if (name == "steady")
        return s;
    if (name == "input-drift")
        s.events = {drift};
    else if (name == "latency-incident")
        s.events = {incident};
    else if (name == "provider-outage")
        s.events = {outage};
    else if (name == "price-change")
        s.events = {priceCut};
    else if (name == "demo")
        s.events = {drift, incident, outage, priceCut};
    else
        return std::nullopt;
    return s;
}

std::vector<ExperimentDefinition> SimulatorConfig::experiments() const
{
    std::vector<ExperimentDefinition> out;
    for (const ServiceProfile& service : services) {
        ExperimentDefinition d;
        d.key = flagKey(service.name);
        for (const VariantProfile& v : service.variants) {
            if (d.control.empty())
                d.control = v.name;
            d.weights[v.name] = v.weight;
        }
        out.push_back(std::move(d));
    }
    return out;
}

SimulatorConfig SimulatorConfig::demo(uint64_t seed, int64_t startUnixNano)
{
    SimulatorConfig c;
    c.seed = seed;
    c.startUnixNano = startUnixNano;
    // MMLU, TTFT and output speed from ../shared/data/model_catalog.json.
    c.models = {
        {"gpt-4o", "openai", 88.7, 0.45, 110},
        {"gpt-4o-mini", "openai", 82.0, 0.30, 150},
        {"claude-3-5-sonnet", "anthropic", 88.7, 0.80, 70},
        {"claude-3-haiku", "anthropic", 75.2, 0.50, 60},
        {"llama-3-70b-instruct", "groq", 82.0, 0.20, 300},
        {"llama-3-8b-instruct", "groq", 68.4, 0.10, 750},
        {"mixtral-8x7b-instruct", "mistral_ai", 70.6, 0.35, 107},
        {"gemini-1.5-flash", "gcp.gemini", 78.9, 0.35, 190},
    };
    c.tasks = {
        {"faq", -1.5, 1.0, 350, 0.5, 120, 0.6},
        {"troubleshooting", 1.5, 1.0, 900, 0.6, 350, 0.6},
        {"summarize", 0.0, 1.0, 3000, 0.7, 250, 0.5},
        {"extract", -0.5, 1.0, 1500, 0.6, 120, 0.5},
        {"code-generate", 2.5, 1.2, 1200, 0.7, 600, 0.7},
        {"code-explain", 1.0, 1.0, 1500, 0.6, 400, 0.6},
    };
    c.services = {
        {"support-chat",
         12.0,
         {{"faq", 0.7}, {"troubleshooting", 0.3}},
         {{"gpt-4o/v3", makeVariant("gpt-4o", "v3", 0.3, 512), 0.5},
          {"gpt-4o-mini/v3", makeVariant("gpt-4o-mini", "v3", 0.3, 512), 0.4},
          {"claude-3-haiku/v4", makeVariant("claude-3-haiku", "v4", 0.3, 512), 0.1}},
         0.6,
         1024},
        {"summarizer",
         5.0,
         {{"summarize", 0.8}, {"extract", 0.2}},
         {{"sonnet/v2", makeVariant("claude-3-5-sonnet", "v2", 0.0, 1024), 0.3},
          {"flash/v2", makeVariant("gemini-1.5-flash", "v2", 0.0, 1024), 0.5},
          {"llama-70b/v2", makeVariant("llama-3-70b-instruct", "v2", 0.0, 1024), 0.2}},
         0.3,
         512},
        {"code-assistant",
         3.0,
         {{"code-generate", 0.6}, {"code-explain", 0.4}},
         {{"gpt-4o/v7", makeVariant("gpt-4o", "v7", 0.2, 2048), 0.6},
          {"sonnet/v7", makeVariant("claude-3-5-sonnet", "v7", 0.2, 2048), 0.3},
          {"mixtral/v7", makeVariant("mixtral-8x7b-instruct", "v7", 0.2, 2048), 0.1}},
         0.5,
         2048},
    };
    return c;
}

SimulatorConfig SimulatorConfig::canary(uint64_t seed, int64_t start, const std::string& candidate,
                                        double requestsPerSecond)
{
    SimulatorConfig c = demo(seed, start);
    ServiceProfile service = c.services.front();
    service.requestsPerSecond = requestsPerSecond;
    VariantProfile stable = service.variants.front();
    stable.weight = 1.0;
    VariantProfile canary = stable;
    canary.name = "gpt-4o/v4";
    canary.variant.promptVersion = "v4";
    canary.weight = 0.0;
    if (candidate == "good")
        canary.inputTokensFactor = 0.6;
    else if (candidate == "worse-quality")
        canary.qualityFactor = 0.9;
    else if (candidate == "more-errors")
        canary.errorFactor = 3.0;
    else
        throw std::invalid_argument("unknown canary \"" + candidate
                                    + "\"; expected good, worse-quality or more-errors");
    service.variants = {stable, canary};
    c.services = {service};
    return c;
}

Simulator::Simulator(SimulatorConfig config)
    : m_config(std::move(config))
    , m_rng(m_config.seed)
    , m_scenarioTaken(m_config.scenario.events.size(), false)
{
    for (const ServiceProfile& s : m_config.services) {
        if (s.variants.empty() || s.taskMix.empty())
            throw std::invalid_argument("service " + s.name + " needs variants and a task mix");
        for (const VariantProfile& v : s.variants)
            model(v.variant.model);
        for (const auto& [name, share] : s.taskMix)
            task(name);
    }
    for (size_t i = 0; i < m_config.services.size(); ++i)
        m_nextArrivalSeconds.push_back(nextArrival(i, 0.0));
}

const ModelProfile& Simulator::model(const std::string& name) const
{
    for (const ModelProfile& m : m_config.models)
        if (m.model == name)
            return m;
    throw std::invalid_argument("simulator: no profile for model " + name);
}

const TaskProfile& Simulator::task(const std::string& name) const
{
    for (const TaskProfile& t : m_config.tasks)
        if (t.name == name)
            return t;
    throw std::invalid_argument("simulator: no profile for task " + name);
}

double Simulator::rateAt(size_t service, int64_t unixNano) const
{
    return m_config.services[service].requestsPerSecond * m_config.rateScale
        * diurnalFactor(unixNano);
}

double Simulator::maxRate(size_t service) const
{
    return m_config.services[service].requestsPerSecond * m_config.rateScale * kMaxDiurnalFactor;
}

double Simulator::expectedArrivals(size_t service, int64_t from, int64_t to) const
{
    // The rate is smooth on the scale of minutes: the midpoint rule over 10 s steps is exact
    // enough.
    const double seconds = static_cast<double>(to - from) / kNanosPerSecond;
    const int steps = std::max(1, static_cast<int>(seconds / 10.0));
    const double step = seconds / steps;
    double sum = 0.0;
    for (int i = 0; i < steps; ++i)
        sum += rateAt(service, from + static_cast<int64_t>((i + 0.5) * step * kNanosPerSecond));
    return sum * step;
}

double Simulator::goodAnswerProbability(double skill, double difficulty)
{
    return 1.0 / (1.0 + std::exp(-1.7 * (skill - difficulty)));
}

double Simulator::promptDifficulty(const TaskProfile& task, double lengthZ, double ownZ)
{
    constexpr double rho = kLengthDifficultyCorrelation;
    return task.difficultyMean
        + task.difficultySd * (rho * lengthZ + std::sqrt(1.0 - rho * rho) * ownZ);
}

double Simulator::expectedScore(double p)
{
    // A good answer scores U(0.75, 1), a poor one U(0, 0.45).
    return p * 0.875 + (1.0 - p) * 0.225;
}

double Simulator::expectedSuccessProbability(const std::string& modelName,
                                             const std::string& taskName) const
{
    // E over difficulty ~ N(mean, sd): Simpson's rule on ±8 sd.
    const TaskProfile& t = task(taskName);
    const double skill = model(modelName).skill();
    const int n = 400;
    const double lo = -8.0, h = 16.0 / n;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i) {
        const double z = lo + i * h;
        const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
        sum += w * std::exp(-0.5 * z * z)
            * goodAnswerProbability(skill, t.difficultyMean + t.difficultySd * z);
    }
    return sum * h / 3.0 / std::sqrt(2.0 * kPi);
}

double Simulator::nextArrival(size_t service, double after)
{
    const double lambdaMax = maxRate(service);
    if (lambdaMax <= 0)
        return 1e300;
    double t = after;
    for (;;) {
        t += m_rng.exponential(lambdaMax);
        const auto at = m_config.startUnixNano + static_cast<int64_t>(t * kNanosPerSecond);
        if (m_rng.uniform() * lambdaMax <= rateAt(service, at))
            return t;
    }
}

void Simulator::generateUntil(int64_t until, std::vector<LlmEvent>& out)
{
    const double untilSeconds
        = static_cast<double>(until - m_config.startUnixNano) / kNanosPerSecond;
    for (;;) {
        const auto next
            = std::min_element(m_nextArrivalSeconds.begin(), m_nextArrivalSeconds.end());
        if (next == m_nextArrivalSeconds.end() || *next >= untilSeconds)
            return;
        const auto service = static_cast<size_t>(next - m_nextArrivalSeconds.begin());
        out.push_back(makeEvent(service, *next));
        *next = nextArrival(service, *next);
    }
}

bool Simulator::setWeights(const std::string& service,
                           const std::vector<std::pair<std::string, double>>& weights)
{
    for (ServiceProfile& s : m_config.services) {
        if (s.name != service)
            continue;
        double total = 0.0;
        // A policy names a variant by its name or its id (Variant::id()).
        const auto named = [](const VariantProfile& v, const std::string& name) {
            return v.name == name || v.variant.id() == name;
        };
        for (const VariantProfile& v : s.variants)
            for (const auto& [name, weight] : weights)
                if (named(v, name))
                    total += std::max(weight, 0.0);
        if (total <= 0.0)
            return false;
        for (VariantProfile& v : s.variants) {
            v.weight = 0.0;
            for (const auto& [name, weight] : weights)
                if (named(v, name))
                    v.weight = std::max(weight, 0.0);
        }
        return true;
    }
    return false;
}

std::vector<ScenarioEvent> Simulator::takeStartedScenarioEvents(int64_t until)
{
    const double untilSeconds
        = static_cast<double>(until - m_config.startUnixNano) / kNanosPerSecond;
    std::vector<ScenarioEvent> started;
    for (size_t i = 0; i < m_config.scenario.events.size(); ++i) {
        if (!m_scenarioTaken[i] && m_config.scenario.events[i].startSeconds < untilSeconds) {
            m_scenarioTaken[i] = true;
            started.push_back(m_config.scenario.events[i]);
        }
    }
    return started;
}

LlmEvent Simulator::makeEvent(size_t serviceIndex, double at)
{
    using K = ScenarioEvent::Kind;
    const ServiceProfile& service = m_config.services[serviceIndex];
    Rng& rng = m_rng;

    // Task type, with any input-mix drift of this service applied.
    double driftShare = 0.0;
    std::string driftTask;
    double latencyFactor = 1.0;
    double outageProbability = 0.0;
    for (const ScenarioEvent& e : m_config.scenario.events) {
        if (!activeAt(e, at))
            continue;
        if (e.kind == K::InputMixDrift && e.target == service.name) {
            driftShare = e.magnitude;
            driftTask = e.task;
        }
    }
    double total = 0.0;
    for (const auto& [name, share] : service.taskMix)
        total += share;
    double pick = rng.uniform();
    const TaskProfile* taskProfile = nullptr;
    if (driftShare > 0 && pick < driftShare) {
        taskProfile = &task(driftTask);
    } else {
        pick = rng.uniform() * total;
        for (const auto& [name, share] : service.taskMix) {
            taskProfile = &task(name);
            if ((pick -= share) < 0)
                break;
        }
    }

    double weights = 0.0;
    for (const VariantProfile& v : service.variants)
        weights += v.weight;
    pick = rng.uniform() * weights;
    const VariantProfile* variant = nullptr;
    for (const VariantProfile& v : service.variants) {
        if (v.weight > 0)
            variant = &v; // the last with a share, should rounding leave `pick` over
        if ((pick -= v.weight) < 0)
            break;
    }
    const ModelProfile& profile = model(variant->variant.model);
    for (const ScenarioEvent& e : m_config.scenario.events) {
        if (!activeAt(e, at) || e.target != profile.provider)
            continue;
        if (e.kind == K::LatencyIncident)
            latencyFactor *= e.magnitude;
        else if (e.kind == K::ProviderOutage)
            outageProbability = std::max(outageProbability, e.magnitude);
    }

    LlmEvent ev;
    ev.traceId = hexDigits(rng.next(), 16) + hexDigits(rng.next(), 16);
    ev.spanId = hexDigits(rng.next(), 16);
    ev.timeUnixNano = m_config.startUnixNano + static_cast<int64_t>(at * kNanosPerSecond);
    ev.service = service.name;
    ev.variant = variant->variant;
    ev.variantName = variant->name;
    ev.attributes.emplace_back("feature_flag.key", SimulatorConfig::flagKey(service.name));
    ev.provider = profile.provider;
    ev.requestModel = profile.model;
    ev.responseModel = profile.model;
    ev.taskType = taskProfile->name;

    const double u = rng.uniform();
    const double rateLimit = m_config.rateLimitProbability * variant->errorFactor;
    const double serverError = rateLimit + m_config.serverErrorProbability * variant->errorFactor;
    const double timeout = serverError + m_config.timeoutProbability * variant->errorFactor;
    if (rng.uniform() < outageProbability) {
        ev.status = CallStatus::Error;
        ev.errorType = "503";
        ev.latencyMs = 20.0 + 30.0 * rng.uniform();
    } else if (u < rateLimit) {
        ev.status = CallStatus::Error;
        ev.errorType = "429";
        ev.latencyMs = 40.0 + 120.0 * rng.uniform();
    } else if (u < serverError) {
        ev.status = CallStatus::Error;
        ev.errorType = "500";
        ev.latencyMs = 200.0 + 800.0 * rng.uniform();
    } else if (u < timeout) {
        ev.status = CallStatus::Error;
        ev.errorType = "timeout";
        ev.latencyMs = m_config.timeoutSeconds * 1000.0;
    }
    if (ev.isError()) {
        // Failed calls are not billed: zero usage, reported as such.
        ev.inputTokens = 0;
        ev.outputTokens = 0;
        return ev;
    }

    const auto prefix = service.cachedPrefixTokens;
    const double lengthZ = rng.normal();
    ev.inputTokens = prefix
        + std::llround(variant->inputTokensFactor * taskProfile->inputTokensMedian
                       * std::exp(taskProfile->inputTokensSigma * lengthZ));
    if (rng.uniform() < service.cacheHitRate)
        ev.cacheReadTokens = prefix;
    else if (profile.provider == "anthropic")
        ev.cacheWriteTokens = prefix; // Anthropic bills writing the prompt cache
    int64_t output = std::max<int64_t>(
        1,
        std::llround(taskProfile->outputTokensMedian
                     * std::exp(taskProfile->outputTokensSigma * rng.normal())));
    ev.finishReason = "stop";
    if (variant->variant.maxTokens && output >= *variant->variant.maxTokens) {
        output = *variant->variant.maxTokens;
        ev.finishReason = "length";
    }
    ev.outputTokens = output;

    // Prefill grows with the uncached input; decoding speed has its own jitter.
    const double uncached = static_cast<double>(ev.inputTokens - ev.cacheReadTokens);
    const double ttft = profile.ttftSeconds * (1.0 + uncached / 20000.0)
        * std::exp(0.25 * rng.normal()) * latencyFactor;
    const double speed = profile.outputTokensPerSecond * std::exp(0.15 * rng.normal());
    ev.ttftMs = ttft * 1000.0;
    ev.latencyMs = (ttft + static_cast<double>(output) / speed * latencyFactor) * 1000.0;

    const double difficulty = promptDifficulty(*taskProfile, lengthZ, rng.normal());
    const bool good = rng.uniform() < goodAnswerProbability(profile.skill(), difficulty);
    const double score
        = (good ? 0.75 + 0.25 * rng.uniform() : 0.45 * rng.uniform()) * variant->qualityFactor;
    ev.evaluations.push_back({"answer_quality", score});
    if (rng.uniform() < m_config.feedbackProbability)
        ev.userFeedback
            = (rng.uniform() < 0.9) == good; // 10% of feedback disagrees with the grader
    return ev;
}

} // namespace llmopt
