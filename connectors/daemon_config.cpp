#include "daemon_config.h"

#include "flagd_file_sink.h"
#include "price_table.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <variant>
#include <yaml-cpp/yaml.h>

namespace llmopt {

namespace {

// A duration given in seconds, kept in nanoseconds.
struct Seconds {
    int64_t* nanos;
};
using Budgets = std::map<std::string, CostAnalyzer::Budget>;
using Target = std::variant<bool*, int*, int64_t*, uint64_t*, double*, Seconds, std::string*,
                            std::vector<std::string>*, std::vector<double>*,
                            std::map<std::string, std::string>*, std::map<std::string, double>*,
                            Budgets*, std::vector<ExperimentDefinition>*,
                            std::vector<RoutingConfig>*, std::vector<ThresholdRule>*>;

struct Key {
    const char* name;
    Target target;
    const char* help; // what a valid value looks like
    // Numbers (each element of a list of numbers) must lie in [min, max].
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
};

constexpr const char* kWindows = "1–10000 windows";
constexpr const char* kAlpha = "a significance level such as 0.001 (above 0, at most 0.5)";
constexpr const char* kFraction = "a fraction 0–1";
constexpr const char* kCount = "a whole number";
constexpr const char* kLimit = "a limit in standard deviations, 0.1–100";

std::vector<Key> keysOf(DaemonConfig& c)
{
    return {
        {"storage.path", &c.storage.path, "a file path"},
        {"storage.retention_days", &c.storage.retentionDays, "a whole number of days ≥ 1"},
        {"prices", &c.pricesFile, "a price table file"},
        {"otlp.http.enabled", &c.otlpHttp.enabled, "true or false"},
        {"otlp.http.address", &c.otlpHttp.address, "an IP address such as 127.0.0.1"},
        {"otlp.http.port", &c.otlpHttp.port, "a port number 0–65535"},
        {"otlp.http.max_body_bytes", &c.otlpHttp.maxBodyBytes, "a byte count ≥ 1024"},
        {"otlp.http.bearer_token", &c.otlpHttp.bearerToken, "a string"},
        {"otlp.http.threads", &c.otlpHttp.threads, "1–64"},
        {"otlp.http.tls_certificate", &c.otlpHttp.tlsCertificate, "a PEM certificate (chain) file"},
        {"otlp.http.tls_private_key", &c.otlpHttp.tlsPrivateKey, "a PEM private key file"},
        {"kafka.enabled", &c.kafka.enabled, "true or false"},
        {"kafka.brokers", &c.kafka.brokers, "host:port[,host:port…]"},
        {"kafka.group_id", &c.kafka.groupId, "a consumer group name"},
        {"kafka.topics", &c.kafka.topics, "a list of topic names"},
        {"kafka.log_topics", &c.kafka.logTopics, "a list of topic names"},
        {"kafka.encoding", &c.kafka.encoding, "otlp_proto, otlp_json or flat_json"},
        {"kafka.dead_letter_topic", &c.kafka.deadLetterTopic, "a topic name, or empty"},
        {"kafka.properties", &c.kafka.properties, "a map of librdkafka settings"},
        {"api.enabled", &c.api.enabled, "true or false"},
        {"api.address", &c.api.address, "an IP address such as 127.0.0.1"},
        {"api.port", &c.api.port, "a port number 0–65535"},
        {"api.bearer_token", &c.api.bearerToken, "a string"},
        {"engine.queue_capacity_events", &c.queueCapacityEvents, "a count ≥ 1000"},
        {"budgets", &c.analysis.cost.budgets,
         "a map of service name to {daily_usd: N, monthly_usd: N} (USD, 0 for none)"},
        {"experiments", &c.experiments,
         "a list of {key, control, weights, metric, alpha, power, minimum_effect} (or service "
         "and variant_ids instead of a feature flag)"},
        {"routing", &c.routing,
         "a list of {service, task_types, reward: {per_usd, per_second}, variants: [{name, "
         "model, prompt_version, params}]}"},
        {"rules", &c.rules,
         "a list of {name, metric, comparison, trigger, clear, for_windows, cool_down_seconds, "
         "min_requests, service, variant, analyzer, finding_metric, action, to_variant}"},
        {"actuator.operators", &c.actuator.options.operators,
         "a list of user or user@host names (empty: anyone who can reach the GUI or the API)"},
        {"actuator.weights", &c.actuator.weights,
         "a rising list of canary weights in percent below 100, e.g. [1, 5, 25, 50]", 1, 99},
        {"actuator.confirm_before_promotion", &c.actuator.confirmBeforePromotion, "true or false"},
        {"actuator.min_samples_per_analysis", &c.actuator.options.plan.minSamplesPerAnalysis,
         "canary calls per analysis, 10–10000000", 10, 1e7},
        {"actuator.failure_limit", &c.actuator.options.plan.failureLimit,
         "failed analyses tolerated, 0–100", 0, 100},
        {"actuator.inconclusive_limit", &c.actuator.options.plan.inconclusiveLimit,
         "inconclusive analyses tolerated, 0–100", 0, 100},
        {"actuator.guardrails.max_error_rate", &c.actuator.options.guardrails.maxErrorRate,
         kFraction, 0, 1},
        {"actuator.guardrails.max_spend_per_hour_usd",
         &c.actuator.options.guardrails.maxSpendPerHourUsd, "USD an hour ≥ 0 (0: none)", 0, 1e12},
        {"actuator.guardrails.quality_floor", &c.actuator.options.guardrails.qualityFloor,
         "a mean quality 0–1 (0: none)", 0, 1},
        {"actuator.guardrails.max_weight_step", &c.actuator.options.guardrails.maxWeightStep,
         "percentage points 1–100", 1, 100},
        {"actuator.allowed_change.error_rate", &c.actuator.options.allowedErrorRateIncrease,
         "a relative rise ≥ 0 (0.25: up to 1.25 times the stable rate)", 0, 1000},
        {"actuator.allowed_change.latency", &c.actuator.options.allowedLatencyIncrease,
         "a relative rise ≥ 0 (0.2: 20 % slower)", 0, 1000},
        {"actuator.allowed_change.cost", &c.actuator.options.allowedCostIncrease,
         "a relative rise ≥ 0", 0, 1000},
        {"actuator.allowed_change.quality", &c.actuator.options.allowedQualityDecrease,
         "a relative fall 0–1", 0, 1},
        {"actuator.sequential_alpha", &c.actuator.options.sequentialAlpha, kAlpha, 1e-12, 0.5},
        {"actuator.flagd_file", &c.actuator.flagdFile, "a file path (empty: none)"},
        {"actuator.webhook.url", &c.actuator.webhook.url,
         "an http:// or https:// URL (empty: none)"},
        {"actuator.webhook.method", &c.actuator.webhook.method, "PUT or POST"},
        {"actuator.webhook.secret", &c.actuator.webhook.secret,
         "the HMAC-SHA256 key (better given as LLMOPT_ACTUATOR_WEBHOOK_SECRET)"},
        {"actuator.webhook.timeout_ms", &c.actuator.webhook.timeoutMs, "100–600000 ms", 100, 6e5},
        {"actuator.webhook.max_attempts", &c.actuator.webhook.maxAttempts, "1–100", 1, 100},
        {"actuator.kafka.enabled", &c.actuator.kafkaEnabled, "true or false"},
        {"actuator.kafka.brokers", &c.actuator.kafka.brokers, "host:port[,host:port…]"},
        {"actuator.kafka.topic", &c.actuator.kafka.topic, "a (log-compacted) topic name"},
        {"actuator.kafka.properties", &c.actuator.kafka.properties, "a map of librdkafka settings"},
        {"decisions.horizon_windows", &c.decisions.horizonWindows, "10–100000 windows", 10, 100000},
        {"decisions.max_quality_loss", &c.decisions.maxQualityLoss,
         "a fraction of the best quality, 0–1 (0.02: within 2 %)", 0, 1},
        {"decisions.min_scored", &c.decisions.minScored, kCount, 1, 1e9},
        {"decisions.min_monthly_savings_usd", &c.decisions.minMonthlySavingsUsd, "USD a month ≥ 0",
         0, 1e12},
        {"decisions.latency_slo_ms", &c.decisions.latencySloMs,
         "a map of service name to a p95 latency in ms (> 0)", 1e-3, 1e9},
        {"analysis.window_seconds", Seconds{&c.analysis.windows.sizeNanos}, "1–86400 seconds", 1,
         86400},
        {"analysis.max_out_of_order_seconds", Seconds{&c.analysis.windows.maxOutOfOrderNanos},
         "0–3600 seconds", 0, 3600},
        {"analysis.allowed_lateness_seconds", Seconds{&c.analysis.windows.allowedLatenessNanos},
         "0–86400 seconds", 0, 86400},
        {"analysis.performance.reference_windows", &c.analysis.performance.referenceWindows,
         kWindows, 1, 10000},
        {"analysis.performance.current_windows", &c.analysis.performance.currentWindows, kWindows,
         1, 10000},
        {"analysis.performance.alpha", &c.analysis.performance.alpha, kAlpha, 1e-12, 0.5},
        {"analysis.performance.quantile", &c.analysis.performance.quantile, "0.5–0.999", 0.5,
         0.999},
        {"analysis.performance.min_relative_shift", &c.analysis.performance.minRelativeShift,
         kFraction, 0, 1},
        {"analysis.performance.min_error_rate_change", &c.analysis.performance.minErrorRateChange,
         kFraction, 0, 1},
        {"analysis.performance.min_calls", &c.analysis.performance.minCalls, kCount, 1, 1e9},
        {"analysis.cost.reference_windows", &c.analysis.cost.referenceWindows, kWindows, 1, 10000},
        {"analysis.cost.current_windows", &c.analysis.cost.currentWindows, kWindows, 1, 10000},
        {"analysis.cost.alpha", &c.analysis.cost.alpha, kAlpha, 1e-12, 0.5},
        {"analysis.cost.min_relative_change", &c.analysis.cost.minRelativeChange, kFraction, 0, 1},
        {"analysis.cost.min_priced", &c.analysis.cost.minPriced, kCount, 1, 1e9},
        {"analysis.cost.alert_fractions", &c.analysis.cost.alertFractions,
         "a list of budget fractions such as [0.5, 0.8, 1.0] (each 0.01–10)", 0.01, 10},
        {"analysis.quality.reference_windows", &c.analysis.quality.referenceWindows, kWindows, 1,
         10000},
        {"analysis.quality.current_windows", &c.analysis.quality.currentWindows, kWindows, 1,
         10000},
        {"analysis.quality.alpha", &c.analysis.quality.alpha, kAlpha, 1e-12, 0.5},
        {"analysis.quality.min_change", &c.analysis.quality.minChange, kFraction, 0, 1},
        {"analysis.quality.min_scored", &c.analysis.quality.minScored, kCount, 1, 1e9},
        {"analysis.drift.reference_windows", &c.analysis.drift.referenceWindows, kWindows, 1,
         10000},
        {"analysis.drift.current_windows", &c.analysis.drift.currentWindows, kWindows, 1, 10000},
        {"analysis.drift.alpha", &c.analysis.drift.alpha, kAlpha, 1e-12, 0.5},
        {"analysis.drift.psi_moderate", &c.analysis.drift.psiModerate, "a PSI level, 0–10", 0, 10},
        {"analysis.drift.psi_major", &c.analysis.drift.psiMajor, "a PSI level, 0–10", 0, 10},
        {"analysis.drift.min_calls", &c.analysis.drift.minCalls, kCount, 1, 1e9},
        {"analysis.drift.adwin_delta", &c.analysis.drift.adwin.delta, kAlpha, 1e-12, 0.5},
        {"analysis.drift.page_hinkley.min_instances", &c.analysis.drift.pageHinkley.minInstances,
         kCount, 1, 1e9},
        {"analysis.drift.page_hinkley.delta", &c.analysis.drift.pageHinkley.delta,
         "a tolerated change ≥ 0", 0, 1e9},
        {"analysis.drift.page_hinkley.threshold", &c.analysis.drift.pageHinkley.threshold,
         "a threshold λ > 0", 1e-9, 1e12},
        {"analysis.drift.page_hinkley.alpha", &c.analysis.drift.pageHinkley.alpha,
         "a forgetting factor 0.5–1", 0.5, 1},
        {"analysis.drift.quiet_calls", &c.analysis.drift.quietCalls, kCount, 0, 1e12},
        {"analysis.anomaly.baseline_windows", &c.analysis.anomaly.baselineWindows,
         "3–10000 windows", 3, 10000},
        {"analysis.anomaly.min_baseline", &c.analysis.anomaly.minBaseline, "3–10000 windows", 3,
         10000},
        {"analysis.anomaly.robust_z", &c.analysis.anomaly.robustZ, kLimit, 0.1, 100},
        {"analysis.anomaly.ewma_lambda", &c.analysis.anomaly.ewmaLambda, "a weight 0.01–1", 0.01,
         1},
        {"analysis.anomaly.ewma_l", &c.analysis.anomaly.ewmaL, kLimit, 0.1, 100},
        {"analysis.anomaly.cusum_k", &c.analysis.anomaly.cusumK, "an allowance 0–10 σ", 0, 10},
        {"analysis.anomaly.cusum_h", &c.analysis.anomaly.cusumH, kLimit, 0.1, 100},
        {"analysis.anomaly.consecutive", &c.analysis.anomaly.consecutive, "1–100 points", 1, 100},
        {"analysis.anomaly.min_requests", &c.analysis.anomaly.minRequests, kCount, 1, 1e9},
    };
}

[[noreturn]] void bad(const std::string& origin, const Key& key, const std::string& value)
{
    throw ConfigError(origin + ": " + key.name + " = \"" + value + "\" is not valid; expected "
                      + key.help);
}

// A number within the key's range, or ConfigError.
double number(const Key& key, const std::string& text, const std::string& origin)
{
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || !(v >= key.min && v <= key.max))
        bad(origin, key, text);
    return v;
}

// Sets a key from text (environment variables and YAML scalars alike).
void assignText(const Key& key, const std::string& text, const std::string& origin)
{
    std::visit(
        [&](auto target) {
            using T = std::remove_pointer_t<decltype(target)>;
            if constexpr (std::is_same_v<T, bool>) {
                if (text == "true" || text == "1" || text == "yes")
                    *target = true;
                else if (text == "false" || text == "0" || text == "no")
                    *target = false;
                else
                    bad(origin, key, text);
            } else if constexpr (
                std::is_same_v<T,
                               int> || std::is_same_v<T, int64_t> || std::is_same_v<T, uint64_t>) {
                const double v = number(key, text, origin);
                if (v != std::floor(v) || v < double(std::numeric_limits<T>::min())
                    || v >= double(std::numeric_limits<T>::max()))
                    bad(origin, key, text);
                *target = static_cast<T>(v);
            } else if constexpr (std::is_same_v<T, double>) {
                *target = number(key, text, origin);
            } else if constexpr (std::is_same_v<T, Seconds>) {
                *target.nanos = static_cast<int64_t>(std::llround(number(key, text, origin) * 1e9));
            } else if constexpr (std::is_same_v<T, std::string>) {
                *target = text;
            } else if constexpr (std::is_same_v<
                                     T,
                                     std::vector<
                                         std::string>> || std::is_same_v<T, std::vector<double>>) {
                target->clear();
                std::stringstream in(text);
                for (std::string item; std::getline(in, item, ',');) {
                    if constexpr (std::is_same_v<T, std::vector<double>>)
                        target->push_back(number(key, item, origin));
                    else if (!item.empty())
                        target->push_back(item);
                }
            } else {
                throw ConfigError(origin + ": " + key.name
                                  + " cannot be set from text; use the config file");
            }
        },
        key.target);
}

// One entry of `experiments`, every field checked with the key named.
ExperimentDefinition experimentFrom(const YAML::Node& node, size_t index, const std::string& origin)
{
    const std::string where = origin + ": experiments[" + std::to_string(index) + "]";
    if (!node.IsMap())
        throw ConfigError(where + " is not a map; expected {key: …, metric: …}");
    ExperimentDefinition d;
    auto number = [&](const YAML::Node& v, const std::string& field, double low, double high) {
        double x = std::nan("");
        try {
            x = v.as<double>();
        } catch (const YAML::Exception&) {
        }
        if (!(x >= low && x <= high))
            throw ConfigError(where + "." + field + " is not valid; expected a number from "
                              + std::to_string(low) + " to " + std::to_string(high));
        return x;
    };
    for (const auto& field : node) {
        const std::string name = field.first.as<std::string>();
        const YAML::Node& v = field.second;
        if (name == "key")
            d.key = v.as<std::string>();
        else if (name == "service")
            d.service = v.as<std::string>();
        else if (name == "variant_ids" && v.IsSequence())
            for (const auto& id : v)
                d.variantIds.push_back(id.as<std::string>());
        else if (name == "control")
            d.control = v.as<std::string>();
        else if (name == "weights" && v.IsMap())
            for (const auto& w : v)
                d.weights[w.first.as<std::string>()]
                    = number(w.second, "weights." + w.first.as<std::string>(), 0, 1e9);
        else if (name == "metric") {
            const auto metric = experimentMetricFromName(v.as<std::string>());
            if (!metric)
                throw ConfigError(where + ".metric \"" + v.as<std::string>()
                                  + "\" is not valid; expected quality, success_rate, "
                                    "error_rate, cost_per_request or latency");
            d.metric = *metric;
        } else if (name == "alpha")
            d.alpha = number(v, name, 1e-9, 0.5);
        else if (name == "power")
            d.power = number(v, name, 0.05, 0.9999);
        else if (name == "minimum_effect")
            d.minimumEffect = number(v, name, 0, 1e12);
        else
            throw ConfigError(where + ": unknown key \"" + name
                              + "\"; known keys: key, service, variant_ids, control, weights, "
                                "metric, alpha, power, minimum_effect");
    }
    if (d.key.empty())
        throw ConfigError(where
                          + " has no key; name the feature flag (feature_flag.key) or the "
                            "experiment");
    if (d.service.empty() != d.variantIds.empty())
        throw ConfigError(where
                          + ": set service and variant_ids together (a split by variant "
                            "ids), or neither (a feature flag)");
    return d;
}

// A YAML scalar as JSON: booleans and numbers as such, the rest as text.
nlohmann::json scalarJson(const YAML::Node& node)
{
    const std::string& text = node.Scalar();
    if (node.Tag() != "!") { // unquoted
        if (text == "true" || text == "false")
            return text == "true";
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec == std::errc() && end == text.data() + text.size())
            return v;
    }
    return text;
}

// One entry of `routing`, every field checked with the key named.
RoutingConfig routingFrom(const YAML::Node& node, size_t index, const std::string& origin)
{
    const std::string where = origin + ": routing[" + std::to_string(index) + "]";
    if (!node.IsMap())
        throw ConfigError(where + " is not a map; expected {service: …, variants: […]}");
    RoutingConfig r;
    auto weight = [&](const YAML::Node& v, const std::string& field) {
        double x = -1;
        try {
            x = v.as<double>();
        } catch (const YAML::Exception&) {
        }
        if (!(x >= 0) || !std::isfinite(x))
            throw ConfigError(where + ".reward." + field
                              + " is not valid; expected a number ≥ 0 (quality per unit)");
        return x;
    };
    for (const auto& field : node) {
        const std::string name = field.first.as<std::string>();
        const YAML::Node& v = field.second;
        if (name == "service") {
            r.service = v.as<std::string>();
        } else if (name == "task_types" && v.IsSequence()) {
            for (const auto& t : v)
                r.taskTypes.push_back(t.as<std::string>());
        } else if (name == "reward" && v.IsMap()) {
            for (const auto& w : v) {
                const std::string what = w.first.as<std::string>();
                if (what == "per_usd")
                    r.reward.perUsd = weight(w.second, what);
                else if (what == "per_second")
                    r.reward.perSecond = weight(w.second, what);
                else
                    throw ConfigError(where + ".reward: unknown key \"" + what
                                      + "\"; known keys: per_usd, per_second");
            }
        } else if (name == "variants" && v.IsSequence()) {
            for (size_t i = 0; i < v.size(); ++i) {
                const YAML::Node& item = v[i];
                const std::string at = where + ".variants[" + std::to_string(i) + "]";
                if (!item.IsMap() || !item["name"] || !item["model"])
                    throw ConfigError(at + " needs at least name and model");
                RoutedVariant rv;
                rv.name = item["name"].as<std::string>();
                rv.model = item["model"].as<std::string>();
                if (item["prompt_version"])
                    rv.promptVersion = item["prompt_version"].as<std::string>();
                if (const YAML::Node params = item["params"]; params && params.IsMap())
                    for (const auto& p : params)
                        if (p.second.IsScalar())
                            rv.params[p.first.as<std::string>()] = scalarJson(p.second);
                r.variants.push_back(std::move(rv));
            }
        } else {
            throw ConfigError(where + ": unknown or malformed key \"" + name
                              + "\"; known keys: service, task_types (a list), reward (a map), "
                                "variants (a list)");
        }
    }
    if (r.service.empty())
        throw ConfigError(where + " has no service; name the service.name it routes");
    if (r.variants.size() < 2)
        throw ConfigError(where + " (" + r.service
                          + ") needs at least two variants to choose between");
    return r;
}

// One entry of `rules`; ThresholdRule::validate() has the last word.
ThresholdRule ruleFrom(const YAML::Node& node, size_t index, const std::string& origin)
{
    const std::string where = origin + ": rules[" + std::to_string(index) + "]";
    if (!node.IsMap())
        throw ConfigError(where + " is not a map; expected {name: …, metric: …, trigger: …}");
    ThresholdRule r;
    auto number = [&](const YAML::Node& v, const std::string& field) {
        double x = std::nan("");
        try {
            x = v.as<double>();
        } catch (const YAML::Exception&) {
        }
        if (!std::isfinite(x))
            throw ConfigError(where + "." + field + " is not a number");
        return x;
    };
    for (const auto& field : node) {
        const std::string name = field.first.as<std::string>();
        const YAML::Node& v = field.second;
        if (!v.IsScalar())
            throw ConfigError(where + "." + name + " must be a single value");
        if (name == "name")
            r.name = v.Scalar();
        else if (name == "service")
            r.service = v.Scalar();
        else if (name == "variant")
            r.variant = v.Scalar();
        else if (name == "metric")
            r.metric = v.Scalar();
        else if (name == "analyzer")
            r.analyzer = v.Scalar();
        else if (name == "finding_metric")
            r.findingMetric = v.Scalar();
        else if (name == "comparison")
            r.comparison = v.Scalar();
        else if (name == "trigger")
            r.trigger = number(v, name);
        else if (name == "clear")
            r.clear = number(v, name);
        else if (name == "for_windows")
            r.forWindows = int(number(v, name));
        else if (name == "cool_down_seconds")
            r.coolDownSeconds = number(v, name);
        else if (name == "min_requests")
            r.minRequests = uint64_t(std::max(0.0, number(v, name)));
        else if (name == "action")
            r.action = v.Scalar();
        else if (name == "to_variant")
            r.toVariant = v.Scalar();
        else
            throw ConfigError(where + ": unknown key \"" + name
                              + "\"; known keys: name, service, variant, metric, analyzer, "
                                "finding_metric, comparison, trigger, clear, for_windows, "
                                "cool_down_seconds, min_requests, action, to_variant");
    }
    if (const std::string problem = r.validate(); !problem.empty())
        throw ConfigError(where + ": " + problem);
    return r;
}

void assignYaml(const Key& key, const YAML::Node& node, const std::string& origin)
{
    if (std::holds_alternative<std::vector<ThresholdRule>*>(key.target)) {
        if (!node.IsSequence() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* list = std::get<std::vector<ThresholdRule>*>(key.target);
        list->clear();
        for (size_t i = 0; i < node.size(); ++i)
            list->push_back(ruleFrom(node[i], i, origin));
        return;
    }
    if (std::holds_alternative<std::vector<RoutingConfig>*>(key.target)) {
        if (!node.IsSequence() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* list = std::get<std::vector<RoutingConfig>*>(key.target);
        list->clear();
        for (size_t i = 0; i < node.size(); ++i)
            list->push_back(routingFrom(node[i], i, origin));
        return;
    }
    if (std::holds_alternative<std::vector<ExperimentDefinition>*>(key.target)) {
        if (!node.IsSequence() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* list = std::get<std::vector<ExperimentDefinition>*>(key.target);
        list->clear();
        for (size_t i = 0; i < node.size(); ++i)
            list->push_back(experimentFrom(node[i], i, origin));
        return;
    }
    if (std::holds_alternative<std::vector<std::string>*>(key.target) && node.IsSequence()) {
        auto* list = std::get<std::vector<std::string>*>(key.target);
        list->clear();
        for (const auto& item : node)
            list->push_back(item.as<std::string>());
        return;
    }
    if (std::holds_alternative<std::vector<double>*>(key.target) && node.IsSequence()) {
        auto* list = std::get<std::vector<double>*>(key.target);
        list->clear();
        for (const auto& item : node) {
            if (!item.IsScalar())
                bad(origin, key, YAML::Dump(node));
            list->push_back(number(key, item.Scalar(), origin));
        }
        return;
    }
    if (std::holds_alternative<std::map<std::string, double>*>(key.target)) {
        if (!node.IsMap() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* map = std::get<std::map<std::string, double>*>(key.target);
        for (const auto& kv : node) {
            if (!kv.second.IsScalar())
                bad(origin, key, YAML::Dump(node));
            (*map)[kv.first.as<std::string>()] = number(key, kv.second.Scalar(), origin);
        }
        return;
    }
    if (std::holds_alternative<std::map<std::string, std::string>*>(key.target)) {
        if (!node.IsMap() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* map = std::get<std::map<std::string, std::string>*>(key.target);
        for (const auto& kv : node)
            (*map)[kv.first.as<std::string>()] = kv.second.as<std::string>();
        return;
    }
    if (std::holds_alternative<Budgets*>(key.target)) {
        if (!node.IsMap() && !node.IsNull())
            bad(origin, key, YAML::Dump(node));
        auto* budgets = std::get<Budgets*>(key.target);
        for (const auto& service : node) {
            const std::string name = service.first.as<std::string>();
            if (!service.second.IsMap())
                bad(origin, key, YAML::Dump(node));
            CostAnalyzer::Budget& b = (*budgets)[name];
            for (const auto& field : service.second) {
                const std::string what = field.first.as<std::string>();
                double* target = what == "daily_usd" ? &b.dailyUsd
                    : what == "monthly_usd"          ? &b.monthlyUsd
                                                     : nullptr;
                double value = -1;
                try {
                    value = field.second.as<double>();
                } catch (const YAML::Exception&) {
                }
                if (!target || !(value >= 0))
                    throw ConfigError(origin + ": budgets." + name + "." + what
                                      + " is not valid; expected daily_usd or monthly_usd, a "
                                        "number of USD ≥ 0");
                *target = value;
            }
        }
        return;
    }
    if (!node.IsScalar())
        bad(origin, key, YAML::Dump(node));
    assignText(key, node.Scalar(), origin);
}

void walk(const YAML::Node& node, const std::string& prefix, std::vector<Key>& keys,
          const std::string& origin)
{
    for (const auto& kv : node) {
        const std::string name = prefix + kv.first.as<std::string>();
        auto key
            = std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return name == k.name; });
        if (key != keys.end()) {
            assignYaml(*key, kv.second, origin);
        } else if (kv.second.IsMap() && std::any_of(keys.begin(), keys.end(), [&](const Key& k) {
                       return std::string(k.name).rfind(name + ".", 0) == 0;
                   })) {
            walk(kv.second, name + ".", keys, origin);
        } else {
            std::string known;
            for (const Key& k : keys)
                known += std::string(known.empty() ? "" : ", ") + k.name;
            throw ConfigError(origin + ": unknown key \"" + name + "\"; known keys: " + known);
        }
    }
}

void validate(const DaemonConfig& c, const std::string& origin)
{
    auto fail = [&](const std::string& what) { throw ConfigError(origin + ": " + what); };
    for (const auto& [name, port] :
         {std::pair{"otlp.http.port", c.otlpHttp.port}, {"api.port", c.api.port}})
        if (port < 0 || port > 65535)
            fail(std::string(name) + " must be 0–65535");
    for (const auto& [name, address] :
         {std::pair{"otlp.http.address", c.otlpHttp.address}, {"api.address", c.api.address}}) {
        boost::system::error_code ec;
        boost::asio::ip::make_address(address, ec);
        if (ec)
            fail(std::string(name) + " \"" + address + "\" is not an IP address");
    }
    if (c.otlpHttp.enabled && c.api.enabled && c.otlpHttp.port != 0
        && c.otlpHttp.port == c.api.port)
        fail("otlp.http.port and api.port are both " + std::to_string(c.api.port)
             + "; give them different ports");
    if (c.otlpHttp.tlsCertificate.empty() != c.otlpHttp.tlsPrivateKey.empty())
        fail("set both otlp.http.tls_certificate and otlp.http.tls_private_key, or neither");
    if (c.storage.retentionDays < 1)
        fail("storage.retention_days must be at least 1");
    if (c.otlpHttp.maxBodyBytes < 1024)
        fail("otlp.http.max_body_bytes must be at least 1024");
    if (c.otlpHttp.threads < 1 || c.otlpHttp.threads > 64)
        fail("otlp.http.threads must be 1–64");
    if (c.queueCapacityEvents < 1000)
        fail("engine.queue_capacity_events must be at least 1000");
    const std::vector<std::string> encodings{"otlp_proto", "otlp_json", "flat_json"};
    if (std::find(encodings.begin(), encodings.end(), c.kafka.encoding) == encodings.end())
        fail("kafka.encoding \"" + c.kafka.encoding
             + "\" is not otlp_proto, otlp_json or flat_json");
    if (!c.kafka.logTopics.empty() && c.kafka.encoding == "flat_json")
        fail("kafka.log_topics needs kafka.encoding otlp_proto or otlp_json (flat_json events "
             "carry their evaluations inline)");
    const AnalysisPipeline::Options& a = c.analysis;
    if (a.anomaly.minBaseline > a.anomaly.baselineWindows)
        fail("analysis.anomaly.min_baseline (" + std::to_string(a.anomaly.minBaseline)
             + ") is larger than analysis.anomaly.baseline_windows ("
             + std::to_string(a.anomaly.baselineWindows) + "); lower it or keep more windows");
    if (a.drift.psiModerate >= a.drift.psiMajor)
        fail("analysis.drift.psi_moderate must be below analysis.drift.psi_major");
    for (size_t i = 0; i < c.actuator.weights.size(); ++i)
        if (i > 0 && c.actuator.weights[i] <= c.actuator.weights[i - 1])
            fail("actuator.weights must rise, e.g. [1, 5, 25, 50]");
    if (c.actuator.webhook.method != "PUT" && c.actuator.webhook.method != "POST")
        fail("actuator.webhook.method must be PUT or POST");
    if (const std::string problem = c.actuator.options.plan.validate(c.actuator.options.guardrails);
        !problem.empty())
        fail("actuator: " + problem);
    if (c.kafka.enabled && c.kafka.topics.empty())
        fail("kafka.topics is empty; name at least one topic (the Collector's default is "
             "otlp_spans)");
}

} // namespace

std::vector<std::shared_ptr<PolicySink>> DaemonConfig::policySinks() const
{
    std::vector<std::shared_ptr<PolicySink>> sinks;
    if (!actuator.flagdFile.empty())
        sinks.push_back(std::make_shared<FlagdFileSink>(actuator.flagdFile));
    if (!actuator.webhook.url.empty())
        sinks.push_back(std::make_shared<WebhookSink>(actuator.webhook));
    if (actuator.kafkaEnabled)
        sinks.push_back(std::make_shared<KafkaPolicySink>(actuator.kafka));
    return sinks;
}

std::string DaemonConfig::environmentName(const std::string& key)
{
    std::string name = "LLMOPT_";
    for (char ch : key)
        name += ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return name;
}

DaemonConfig DaemonConfig::parse(
    const std::string& yaml, const std::string& origin,
    const std::function<std::optional<std::string>(const std::string&)>& environment)
{
    DaemonConfig c;
    std::vector<Key> keys = keysOf(c);
    try {
        const YAML::Node root = YAML::Load(yaml);
        if (root.IsMap())
            walk(root, "", keys, origin);
        else if (!root.IsNull())
            throw ConfigError(origin + ": expected a map of settings at the top level");
    } catch (const YAML::Exception& e) {
        throw ConfigError(origin + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    for (const Key& key : keys) {
        const std::string variable = environmentName(key.name);
        if (auto value = environment(variable))
            assignText(key, *value, variable);
    }
    std::vector<int> weights;
    for (double w : c.actuator.weights)
        weights.push_back(static_cast<int>(std::lround(w)));
    const uint64_t minSamples = c.actuator.options.plan.minSamplesPerAnalysis;
    const int failures = c.actuator.options.plan.failureLimit;
    const int inconclusive = c.actuator.options.plan.inconclusiveLimit;
    c.actuator.options.plan = RolloutPlan::fromWeights(weights, c.actuator.confirmBeforePromotion);
    c.actuator.options.plan.minSamplesPerAnalysis = minSamples;
    c.actuator.options.plan.failureLimit = failures;
    c.actuator.options.plan.inconclusiveLimit = inconclusive;
    validate(c, origin);
    return c;
}

DaemonConfig
DaemonConfig::load(const std::string& path,
                   const std::function<std::optional<std::string>(const std::string&)>& environment)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(path + ": cannot read the configuration file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path, environment);
}

} // namespace llmopt
