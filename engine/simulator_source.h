#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmopt {

class EngineLoop;
class IngestQueue;
class Simulator;
struct LlmEvent;

// The embedded demo feed as a source like the others: the simulator run in
// real time on its own thread, pushing what it generates into the engine's
// queue as source "demo". History of `backfillSeconds` is generated at start
// so that charts are populated at once; a price change in the scenario is
// applied to the engine's price table.
class SimulatorSource {
public:
    struct Options {
        std::string scenario = "demo";
        uint64_t seed = 1;
        int backfillSeconds = 1800;
        int tickMilliseconds = 100;
        double rateScale = 1.0;
    };

    SimulatorSource(Options options, IngestQueue& queue, EngineLoop& engine);
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

private:
    void run();
    void tick(int64_t now);

    Options m_options;
    IngestQueue& m_queue;
    EngineLoop& m_engine;
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
