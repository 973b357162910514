#pragma once

#include "actuator.h"
#include "audit_log.h"
#include "event_store.h"
#include "llm_event.h"
#include "policy_publisher.h"
#include "policy_sink.h"
#include "simulator.h"

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

// The actuator on a real database, fed by the canary simulator in simulated
// time, for tests and the rollout benchmark.
namespace canary {

using namespace llmopt;

constexpr int64_t kSecond = 1'000'000'000LL;
constexpr int64_t kStart = 1'780'000'000LL * kSecond;

// A policy target that keeps what it is sent, or refuses it while told to.
class RecordingSink : public PolicySink {
public:
    std::string name() const override { return "recording sink"; }
    Result publish(const PolicyDocument& document) override
    {
        std::lock_guard lock(mutex);
        if (refusing || document.version >= refuseFrom)
            return {false, "HTTP 503 from the test target"};
        documents.push_back(document);
        return {true, "kept"};
    }
    std::optional<PolicyDocument> last()
    {
        std::lock_guard lock(mutex);
        if (documents.empty())
            return std::nullopt;
        return documents.back();
    }
    std::mutex mutex;
    std::vector<PolicyDocument> documents;
    bool refusing = false;
    uint64_t refuseFrom = UINT64_MAX; // refuses this policy version and later ones
};

// The simulator routes by what `sink` last received, as an application
// following the flag would; `other` is a second target (a webhook, say).
// following the flag would.
struct Loop {
    Loop(const std::string& path, const std::string& candidate, Actuator::Options options,
         uint64_t seed = 11, double requestsPerSecond = 400)
        : store(path)
        , audit(path)
        , sink(std::make_shared<RecordingSink>())
        , other(std::make_shared<RecordingSink>())
        , publisher({sink, other}, {5, 20})
        , actuator(store, &audit, publisher, std::move(options), kStart)
        , simulator(SimulatorConfig::canary(seed, kStart, candidate, requestsPerSecond))
    {
    }

    // Waits (in real time) for the sinks to take what the actuator published.
    void settle()
    {
        const uint64_t version = actuator.policy().version;
        const auto taken = [&](RecordingSink& s) {
            const auto last = s.last();
            return s.refusing || version >= s.refuseFrom || (last && last->version >= version);
        };
        for (int i = 0; i < 400 && !(taken(*sink) && taken(*other)); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        for (int i = 0; i < 400 && !publisher.acknowledged(version) && !sink->refusing
             && !other->refusing && version < other->refuseFrom;
             ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (auto document = sink->last())
            for (const ServicePolicy& s : document->services) {
                std::vector<std::pair<std::string, double>> weights;
                for (const auto& [variant, percent] : s.weights)
                    weights.emplace_back(variant, percent);
                simulator.setWeights(s.service, weights);
            }
    }

    // Runs `seconds` of traffic, one tick per simulated second, until `done`.
    template <typename Done> bool run(int seconds, Done done)
    {
        std::vector<LlmEvent> events;
        for (int i = 0; i < seconds; ++i) {
            now += kSecond;
            events.clear();
            simulator.generateUntil(now, events);
            for (LlmEvent& e : events) {
                if (!e.isError()) // the collector's job in the engine: a plain price here
                    e.costUsd = 2.5e-6 * double(e.inputTokens) + 1e-5 * double(e.outputTokens);
                actuator.add(e);
                canaryServed += e.variantName == "gpt-4o/v4" ? 1 : 0;
            }
            actuator.tick(now);
            settle();
            actuator.tick(now);
            if (done())
                return true;
        }
        return false;
    }

    ActuatorCommand command(ActuatorCommand::Kind kind, int64_t rollout = 0)
    {
        ActuatorCommand c;
        c.kind = kind;
        c.actor = "alice@ws-1";
        c.rolloutId = rollout;
        c.service = "support-chat";
        c.stable = "gpt-4o/v3";
        c.candidate = "gpt-4o/v4";
        return c;
    }

    const RolloutRecord& first() { return rollouts.emplace_back(actuator.rollouts().front()); }

    int64_t now = kStart;
    uint64_t canaryServed = 0; // calls the candidate answered
    EventStore store;
    AuditLog audit;
    std::shared_ptr<RecordingSink> sink;
    std::shared_ptr<RecordingSink> other;
    PolicyPublisher publisher;
    Actuator actuator;
    Simulator simulator;
    std::deque<RolloutRecord> rollouts; // what first() returned, kept alive for the caller
};

} // namespace canary
