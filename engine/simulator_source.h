#pragma once

#include "policy_sink.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace llmopt {

class IngestQueue;
class PriceTable;
class Simulator;
struct LlmEvent;

// The embedded demo feed as a source like the others: the simulator run in
// real time on its own thread, pushing what it generates into the engine's
// queue as source "demo". History of `backfillSeconds` is generated at start
// so that charts are populated at once; a price change in the scenario is
// applied to the engine's price table.
class SimulatorSource : public PolicySink {
public:
    struct Options {
        std::string scenario = "demo";
        uint64_t seed = 1;
        int backfillSeconds = 1800;
        int tickMilliseconds = 100;
        double rateScale = 1.0;
    };

    // How a price change of the scenario reaches the engine (EngineLoop::changePrices).
    using PriceChanger = std::function<void(std::function<void(PriceTable&)>)>;

    SimulatorSource(Options options, IngestQueue& queue, PriceChanger changePrices);
    ~SimulatorSource();
    SimulatorSource(const SimulatorSource&) = delete;
    SimulatorSource& operator=(const SimulatorSource&) = delete;

    void start(); // throws std::invalid_argument for an unknown scenario
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    // Scenario events that have started, oldest first.
    std::vector<std::string> notes() const;
    // Ticks whose events waited because the engine's queue was full.
    uint64_t pushedBack() const;

    // The demo plays the application too: it routes each service by the
    // newest published policy, as an OpenFeature SDK evaluating the flag
    // would, so that a rollout approved in the workbench moves its traffic.
    std::string name() const override { return "demo feed"; }
    Result publish(const PolicyDocument& document) override;

private:
    void run();
    void tick(int64_t now);

    Options m_options;
    IngestQueue& m_queue;
    PriceChanger m_changePrices;
    // Weights per service from the newest policy, applied at the next tick.
    std::map<std::string, std::vector<std::pair<std::string, double>>> m_followed;
    bool m_followedChanged = false;
    std::unique_ptr<Simulator> m_simulator;
    std::vector<LlmEvent> m_held; // refused by a full queue, offered again next tick
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::vector<std::string> m_notes;
    uint64_t m_pushedBack = 0;
};

} // namespace llmopt
