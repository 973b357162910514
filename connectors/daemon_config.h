#pragma once

#include "actuator.h"
#include "analysis_pipeline.h"
#include "decision_engine.h"
#include "decision_service.h"
#include "experiment_analyzer.h"
#include "kafka_policy_sink.h"
#include "threshold_rules.h"
#include "webhook_sink.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace llmopt {

// Settings of the headless daemon (resources/config.example.yaml documents every key).
struct DaemonConfig {
    struct Storage {
        std::string path; // default: events.sqlite in the user's data folder
        int retentionDays = 30;
    } storage;
    std::string pricesFile;
    struct OtlpHttp {
        bool enabled = true;
        std::string address = "127.0.0.1";
        int port = 4318;
        int64_t maxBodyBytes = 16 * 1024 * 1024;
        std::string bearerToken;
        int threads = 1;
        std::string tlsCertificate; // PEM files; both set: HTTPS
        std::string tlsPrivateKey;
    } otlpHttp;
    struct Kafka {
        bool enabled = false;
        std::string brokers = "localhost:9092";
        std::string groupId = "llm-optimizer";
        std::vector<std::string> topics{"otlp_spans"};
        std::vector<std::string> logTopics; // OTLP log records: gen_ai.evaluation.result
        std::string encoding = "otlp_proto"; // otlp_proto | otlp_json | flat_json
        std::string deadLetterTopic;
        std::map<std::string, std::string> properties; // passed to librdkafka (SASL, SSL, …)
    } kafka;
    struct Api {
        bool enabled = true;
        std::string address = "127.0.0.1";
        int port = 8080;
        std::string bearerToken;
    } api;
    int64_t queueCapacityEvents = 200000;
    // Windows and the analyzers' parameters (`analysis.…`), and the spend
    // budgets per service (`budgets`) whose burn the cost analyzer forecasts.
    AnalysisPipeline::Options analysis;
    // Experiments as the operator planned them (`experiments`): split, control,
    // metric, α, power, minimum effect. Flags without an entry use the defaults.
    std::vector<ExperimentDefinition> experiments;
    // Per-request routing by contextual bandit (`routing`), served by
    // POST /api/v1/decide and /api/v1/feedback.
    std::vector<RoutingConfig> routing;
    // The cost–performance strategy (`decisions.…`): horizon, quality
    // tolerance, latency SLOs by service, least savings worth proposing.
    DecisionEngine::Options decisions;
    // Threshold heuristics (`rules`): alerts, fall-backs and rollout holds.
    std::vector<ThresholdRule> rules;
    // The actuator (`actuator.…`): the rollout plan, the judge's tolerances,
    // guardrails, who may command, and where policies are published.
    struct ActuatorSettings {
        Actuator::Options options;
        std::vector<double> weights{1, 5, 25, 50}; // each followed by an analysis
        bool confirmBeforePromotion = true; // a pause for an operator before 100 %
        std::string flagdFile; // empty: no flagd file
        WebhookSink::Options webhook; // url empty: no webhook
        bool kafkaEnabled = false;
        KafkaPolicySink::Options kafka;
    } actuator;

    // Reads YAML text (empty: all defaults), then LLMOPT_… variables from `environment`.
    // Throws ConfigError naming the key and the fix.
    static DaemonConfig
    parse(const std::string& yaml, const std::string& origin,
          const std::function<std::optional<std::string>(const std::string&)>& environment);
    static DaemonConfig
    load(const std::string& path,
         const std::function<std::optional<std::string>(const std::string&)>& environment);
    // The policy sinks `actuator.…` configures (flagd file, webhook, Kafka topic).
    std::vector<std::shared_ptr<PolicySink>> policySinks() const;

    // The variable that overrides a key: "otlp.http.port" → LLMOPT_OTLP_HTTP_PORT.
    static std::string environmentName(const std::string& key);
};

} // namespace llmopt
