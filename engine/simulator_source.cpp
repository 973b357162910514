#include "simulator_source.h"

#include "ingest_queue.h"
#include "llm_event.h"
#include "policy_document.h"
#include "price_table.h"
#include "simulator.h"

#include <chrono>
#include <stdexcept>

namespace llmopt {

namespace {

int64_t nowUnixNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

SimulatorSource::SimulatorSource(Options options, IngestQueue& queue, PriceChanger changePrices)
    : m_options(std::move(options))
    , m_queue(queue)
    , m_changePrices(std::move(changePrices))
{
}

PolicySink::Result SimulatorSource::publish(const PolicyDocument& document)
{
    std::lock_guard lock(m_mutex);
    for (const ServicePolicy& p : document.services) {
        auto& weights = m_followed[p.service];
        weights.clear();
        for (const auto& [variant, percent] : p.weights)
            weights.emplace_back(variant, percent);
    }
    m_followedChanged = true;
    return {true, "the demo routes by policy version " + std::to_string(document.version)};
}

SimulatorSource::~SimulatorSource()
{
    stop();
}

void SimulatorSource::start()
{
    if (isRunning())
        return;
    // The scenario plays over an hour from the start of the backfilled half
    // hour: its input drift lies in the history (with a reference before it),
    // the latency incident, outage and price cut come live.
    auto scenario = Scenario::named(m_options.scenario, 3600.0);
    if (!scenario)
        throw std::invalid_argument("unknown scenario \"" + m_options.scenario + "\"");
    if (!m_simulator) { // restarted after a stop: continues where it was
        const int64_t start = nowUnixNano() - int64_t(m_options.backfillSeconds) * 1'000'000'000LL;
        auto config = SimulatorConfig::demo(m_options.seed, start);
        config.rateScale = m_options.rateScale;
        config.scenario = std::move(*scenario);
        m_simulator = std::make_unique<Simulator>(std::move(config));
        std::lock_guard lock(m_mutex);
        m_followedChanged = !m_followed.empty(); // a policy published before the start
    }
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void SimulatorSource::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::vector<std::string> SimulatorSource::notes() const
{
    std::lock_guard lock(m_mutex);
    return m_notes;
}

uint64_t SimulatorSource::pushedBack() const
{
    std::lock_guard lock(m_mutex);
    return m_pushedBack;
}

void SimulatorSource::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        tick(nowUnixNano());
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.tickMilliseconds),
                        [this] { return m_stopping; });
    }
}

void SimulatorSource::tick(int64_t now)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_followedChanged)
            for (const auto& [service, weights] : m_followed)
                m_simulator->setWeights(service, weights);
        m_followedChanged = false;
    }
    for (const ScenarioEvent& e : m_simulator->takeStartedScenarioEvents(now)) {
        if (e.kind == ScenarioEvent::Kind::PriceChange)
            m_changePrices([model = e.target, factor = e.magnitude](PriceTable& table) {
                const ModelPrice* old = table.find(model);
                if (!old)
                    return;
                ModelPrice changed = *old;
                changed.inputPerMTok *= factor;
                changed.outputPerMTok *= factor;
                if (changed.cacheReadPerMTok)
                    *changed.cacheReadPerMTok *= factor;
                if (changed.cacheWritePerMTok)
                    *changed.cacheWritePerMTok *= factor;
                changed.source = "demo scenario";
                table.setPrice(changed);
            });
        std::lock_guard lock(m_mutex);
        m_notes.push_back(e.describe());
    }
    m_simulator->generateUntil(now, m_held);
    if (m_held.empty())
        return;
    IngestBatch batch;
    batch.source = "demo";
    batch.events = std::move(m_held);
    m_held.clear();
    if (!m_queue.tryPush(std::move(batch))) {
        m_held = std::move(batch.events); // untouched when refused
        std::lock_guard lock(m_mutex);
        ++m_pushedBack;
    }
}

} // namespace llmopt
