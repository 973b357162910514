#include "experiment_runner.h"

#include "answer_metrics.h"
#include "event_store.h"
#include "experiment_plan.h"
#include "provider_client.h"
#include "sha256.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <set>

namespace llmopt::offline {

using nlohmann::json;

std::string_view runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::NotStarted:
        return "not_started";
    case RunStatus::Running:
        return "running";
    case RunStatus::Paused:
        return "paused";
    case RunStatus::Completed:
        return "completed";
    case RunStatus::Cancelled:
        return "cancelled";
    case RunStatus::SpendCapReached:
        return "spend_cap_reached";
    case RunStatus::Failed:
        break;
    }
    return "failed";
}

namespace {

class NoCredentials : public CredentialSource {
public:
    std::optional<std::string> apiKey(const std::string&) const override { return std::nullopt; }
    std::string howToSet(const std::string& provider) const override
    {
        return "configure a key for " + provider;
    }
};

int64_t nowUnixNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string dollars(double usd)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "$%.4f", usd);
    return buffer;
}

// The prompt's version in the variant: a digest of the system and user
// templates, so that an edited prompt is a different variant.
std::string promptVersion(const ExperimentArm& arm)
{
    return "p-" + Sha256::hexDigest(arm.system.text() + '\0' + arm.prompt.text()).substr(0, 12);
}

// Trace and span id derived from what the call is for, so that the same
// call stored twice (a crash between the event and its outcome) is one row.
void identify(LlmEvent& event, const std::string& key)
{
    const std::string digest = Sha256::hexDigest(key);
    event.traceId = digest.substr(0, 32);
    event.spanId = digest.substr(32, 16);
}

} // namespace

struct ExperimentRunner::Impl {
    // One (arm, item) in flight: its call, then its judges' calls.
    struct Item {
        size_t arm = 0;
        size_t item = 0;
        double reservedUsd = 0.0;
        std::string input; // the user prompt sent
        ChatResult call;
        json scores = json::object();
        std::vector<LlmEvent> judgeEvents;
        size_t judgesPending = 0;
        bool cancelled = false;
    };
    // A finished call handed from a client's worker thread to run().
    struct Finished {
        std::shared_ptr<Item> item;
        int judge = -1; // index into metrics, -1: the arm's own call
        ChatResult result;
    };

    Impl(const std::string& path, ExperimentDefinition def, ExperimentDataset data,
         PriceTable priceTable, Options opts)
        : definition(std::move(def))
        , dataset(std::move(data))
        , prices(std::move(priceTable))
        , options(std::move(opts))
        , metrics(definition.metrics)
        , store(path)
    {
    }

    ExperimentDefinition definition;
    ExperimentDataset dataset;
    PriceTable prices;
    Options options;
    AnswerMetrics metrics;
    EventStore store; // used by run()'s thread only
    int64_t experimentId = 0;
    uint64_t itemsPerArm = 0;
    std::vector<double> plannedCostPerItem; // per arm; -1: unknown

    std::atomic<bool> paused{false};
    std::atomic<bool> cancelled{false};

    // Hand-over from the clients' worker threads.
    std::mutex queueMutex;
    std::condition_variable queueReady;
    std::deque<Finished> queue;

    mutable std::mutex progressMutex;
    RunProgress progressState;
    std::string messageText;

    // run()'s own state.
    struct Task {
        size_t arm;
        size_t item;
    };
    std::vector<Task> tasks;
    size_t next = 0;
    int inFlight = 0;
    double spentUsd = 0.0;
    double reservedUsd = 0.0;
    // A refusal that every call would get alike (a missing or refused key, no
    // quota left, an unknown model or endpoint): the run stops at the first.
    std::string setupError;
    uint64_t unpriced = 0;
    std::vector<double> observedCost; // per arm, this run's priced items
    std::vector<uint64_t> observedItems;
    bool capReached = false;

    // Last: destroyed first, so that their callbacks never see a dead queue.
    std::map<std::string, std::unique_ptr<ProviderClient>> clients;

    ProviderClient& client(const std::string& provider) { return *clients.at(provider); }

    void addClient(const std::string& provider)
    {
        if (provider.empty() || clients.count(provider))
            return;
        ProviderClient::Options o;
        o.kind = providerKind(provider);
        o.name = provider;
        if (const auto it = options.baseUrls.find(provider); it != options.baseUrls.end())
            o.baseUrl = it->second;
        if (o.kind == ProviderKind::OpenAiCompatible && o.baseUrl.empty())
            throw ConfigError("provider \"" + provider
                              + "\" is an OpenAI-compatible server: give its base URL (--base-url-"
                              + provider + " URL)");
        o.maxConcurrency = definition.concurrency;
        o.requestsPerSecond = options.requestsPerSecond;
        o.maxAttempts = options.maxAttempts;
        o.initialBackoffMs = options.initialBackoffMs;
        o.maxBackoffMs = options.maxBackoffMs;
        o.timeoutMs = options.timeoutMs;
        std::shared_ptr<const CredentialSource> credentials = options.credentials;
        if (!credentials)
            credentials = std::make_shared<NoCredentials>();
        clients.emplace(provider, std::make_unique<ProviderClient>(o, credentials));
    }

    std::string judgeProvider(const MetricSpec& spec, const ExperimentArm& arm) const
    {
        return spec.judgeProvider.empty() ? arm.provider : spec.judgeProvider;
    }

    void hand(Finished finished)
    {
        {
            std::lock_guard lock(queueMutex);
            queue.push_back(std::move(finished));
        }
        queueReady.notify_all();
    }

    void setStatus(RunStatus status)
    {
        std::lock_guard lock(progressMutex);
        progressState.status = status;
    }

    void report()
    {
        RunProgress copy;
        {
            std::lock_guard lock(progressMutex);
            progressState.spentUsd = spentUsd;
            progressState.unpricedCalls = unpriced;
            if (progressState.status == RunStatus::Running && paused)
                progressState.status = RunStatus::Paused;
            else if (progressState.status == RunStatus::Paused && !paused)
                progressState.status = RunStatus::Running;
            copy = progressState;
        }
        if (options.onProgress)
            options.onProgress(copy);
    }

    // The expected cost of one item of an arm: what this run's items cost so
    // far, else the plan's figure (whose output is an upper bound), else 0.
    double estimate(size_t arm) const
    {
        if (observedItems[arm] > 0)
            return observedCost[arm] / double(observedItems[arm]);
        return std::max(0.0, plannedCostPerItem[arm]);
    }

    void price(LlmEvent& event)
    {
        event.costUsd = prices.cost(event);
        const std::optional<double> cost = event.costUsd ? event.costUsd : event.reportedCostUsd;
        if (cost)
            spentUsd += *cost;
        else if (event.inputTokens != 0 || event.outputTokens != 0)
            ++unpriced; // a call that was billed but whose price is unknown
    }

    void submit(const Task& task, double reserved)
    {
        auto item = std::make_shared<Item>();
        item->arm = task.arm;
        item->item = task.item;
        item->reservedUsd = reserved;
        const ExperimentArm& arm = definition.arms[task.arm];
        const DatasetItem& data = dataset.items()[task.item];
        ChatRequest request;
        request.model = arm.model;
        try {
            item->input = arm.prompt.render(data.variables, data.id);
            if (!arm.system.empty())
                request.system = arm.system.render(data.variables, data.id);
        } catch (const std::exception& e) {
            Finished f{item, -1, {}};
            f.result.error = e.what();
            f.result.event.status = CallStatus::Error;
            f.result.event.errorType = "invalid_item";
            hand(std::move(f));
            return;
        }
        request.messages = {{"user", item->input}};
        if (arm.params.temperature)
            request.params["temperature"] = *arm.params.temperature;
        if (arm.params.topP)
            request.params["top_p"] = *arm.params.topP;
        if (arm.params.maxTokens)
            request.params["max_tokens"] = *arm.params.maxTokens;
        client(arm.provider).submit(std::move(request), [this, item](ChatResult result) {
            hand({item, -1, std::move(result)});
        });
    }

    std::string eventKey(const Item& item) const
    {
        return std::to_string(experimentId) + '/' + definition.arms[item.arm].name + '/'
            + dataset.items()[item.item].id;
    }

    // The arm's answer arrived: score it and ask the judges.
    void answered(const std::shared_ptr<Item>& item, ChatResult result)
    {
        const ExperimentArm& arm = definition.arms[item->arm];
        const DatasetItem& data = dataset.items()[item->item];
        LlmEvent& event = result.event;
        if (event.errorType == "cancelled") {
            drop(*item);
            return;
        }
        // Not an outcome of the item: nothing is stored, so that the rerun
        // after the fix asks again, and the run stops instead of spending
        // the whole dataset on the same refusal.
        static const std::set<std::string> kSetup
            = {"invalid_configuration", "401", "403", "404", "insufficient_quota"};
        if (!result.ok() && kSetup.count(event.errorType)) {
            if (setupError.empty())
                setupError = result.error;
            cancelled = true;
            for (auto& [name, client] : clients)
                client->cancelAll();
            drop(*item);
            return;
        }
        event.service = "experiment:" + definition.name;
        event.variant = {arm.model, promptVersion(arm), arm.params.temperature, arm.params.topP,
                         arm.params.maxTokens};
        event.variantName = arm.name;
        if (event.requestModel.empty())
            event.requestModel = arm.model;
        if (event.provider.empty())
            event.provider = arm.provider;
        if (event.timeUnixNano == 0)
            event.timeUnixNano = nowUnixNano();
        event.attributes.emplace_back("llmopt.experiment.id", std::to_string(experimentId));
        event.attributes.emplace_back("llmopt.experiment.arm", arm.name);
        event.attributes.emplace_back("llmopt.experiment.item", data.id);
        identify(event, eventKey(*item));
        price(event);
        item->call = std::move(result);
        if (!item->call.ok()) {
            finish(item);
            return;
        }
        item->scores = metrics.score(item->call.text, data.reference, event);
        for (size_t m = 0; m < definition.metrics.size(); ++m) {
            const MetricSpec& spec = definition.metrics[m];
            if (spec.kind != MetricKind::Judge)
                continue;
            item->scores[spec.name] = nullptr; // until the judge answers
            ChatRequest request;
            request.model = spec.judgeModel;
            try {
                request.messages = {{"user",
                                     spec.judgePrompt(item->input, item->call.text,
                                                      data.reference.value_or(""), data.id)}};
            } catch (const std::exception&) {
                continue; // the score stays null
            }
            if (cancelled) {
                drop(*item);
                return;
            }
            ++item->judgesPending;
            client(judgeProvider(spec, arm))
                .submit(std::move(request), [this, item, m](ChatResult r) {
                    hand({item, int(m), std::move(r)});
                });
        }
        if (item->judgesPending == 0)
            finish(item);
    }

    void judged(const std::shared_ptr<Item>& item, size_t metric, ChatResult result)
    {
        --item->judgesPending;
        LlmEvent& event = result.event;
        if (event.errorType == "cancelled")
            item->cancelled = true;
        if (!item->cancelled) {
            const MetricSpec& spec = definition.metrics[metric];
            const ExperimentArm& arm = definition.arms[item->arm];
            event.service = "experiment:" + definition.name + ":judge";
            event.variant = {spec.judgeModel, "judge:" + spec.name, {}, {}, {}};
            event.variantName = "judge " + spec.name;
            event.operation = "judge";
            if (event.requestModel.empty())
                event.requestModel = spec.judgeModel;
            if (event.provider.empty())
                event.provider = judgeProvider(spec, arm);
            if (event.timeUnixNano == 0)
                event.timeUnixNano = nowUnixNano();
            event.attributes.emplace_back("llmopt.experiment.id", std::to_string(experimentId));
            event.attributes.emplace_back("llmopt.experiment.arm", arm.name);
            event.attributes.emplace_back("llmopt.experiment.item", dataset.items()[item->item].id);
            identify(event, eventKey(*item) + "/judge/" + spec.name);
            price(event);
            if (result.ok())
                if (const auto score = AnswerMetrics::parseJudgeScore(result.text))
                    item->scores[spec.name] = *score;
            item->judgeEvents.push_back(std::move(event));
        }
        if (item->judgesPending > 0)
            return;
        if (item->cancelled)
            drop(*item);
        else
            finish(item);
    }

    // A call cancelled in flight: nothing is stored, a rerun asks again.
    void drop(Item& item)
    {
        if (item.judgesPending > 0) {
            item.cancelled = true; // wait for the other judges
            return;
        }
        --inFlight;
        reservedUsd -= item.reservedUsd;
    }

    void finish(const std::shared_ptr<Item>& item)
    {
        const ExperimentArm& arm = definition.arms[item->arm];
        const DatasetItem& data = dataset.items()[item->item];
        ExperimentItemResult row;
        row.experimentId = experimentId;
        row.arm = arm.name;
        row.itemId = data.id;
        row.attempt = std::max(1, item->call.attempts);
        row.status = item->call.ok() ? "ok" : "error: " + item->call.error;
        row.answer = item->call.text;
        row.scores = item->call.ok() ? item->scores : json::object();
        std::vector<LlmEvent> events;
        if (item->call.attempts > 0 || item->call.ok()) {
            row.eventId = item->call.event.eventId();
            events.push_back(item->call.event);
        }
        for (LlmEvent& e : item->judgeEvents)
            events.push_back(std::move(e));
        row.createdUnixNano = nowUnixNano();
        {
            EventStore::Transaction transaction(store);
            if (!events.empty())
                store.insert(events);
            store.addExperimentResult(row);
            transaction.commit();
        }
        double cost = 0.0;
        for (const LlmEvent& e : events)
            if (const auto c = e.costUsd ? e.costUsd : e.reportedCostUsd)
                cost += *c;
        observedCost[item->arm] += cost;
        ++observedItems[item->arm];
        --inFlight;
        reservedUsd -= item->reservedUsd;
        {
            std::lock_guard lock(progressMutex);
            RunProgress::Arm& p = progressState.arms[item->arm];
            ++p.done;
            if (!item->call.ok())
                ++p.errors;
        }
        report();
    }

    void process(Finished f)
    {
        if (f.judge < 0)
            answered(f.item, std::move(f.result));
        else
            judged(f.item, size_t(f.judge), std::move(f.result));
    }

    RunStatus loop()
    {
        const std::optional<double> cap = definition.spendCapUsd;
        const int concurrency = std::max(1, definition.concurrency);
        while (true) {
            while (!cancelled && !paused && !capReached && next < tasks.size()
                   && inFlight < concurrency) {
                const Task task = tasks[next];
                const double expected = estimate(task.arm);
                if (cap && spentUsd + reservedUsd + expected > *cap) {
                    capReached = true;
                    break;
                }
                ++next;
                ++inFlight;
                reservedUsd += expected;
                submit(task, expected);
            }
            std::deque<Finished> batch;
            {
                std::unique_lock lock(queueMutex);
                if (queue.empty()) {
                    if (inFlight == 0 && (cancelled || capReached || next >= tasks.size()))
                        break;
                    queueReady.wait_for(lock, std::chrono::milliseconds(100));
                }
                batch.swap(queue);
            }
            for (Finished& f : batch)
                process(std::move(f));
            if (batch.empty())
                report(); // pause and resume show without an outcome
        }
        if (cancelled)
            return RunStatus::Cancelled;
        if (capReached && next < tasks.size())
            return RunStatus::SpendCapReached;
        return RunStatus::Completed;
    }
};

ExperimentRunner::ExperimentRunner(const std::string& databasePath, ExperimentDefinition definition,
                                   ExperimentDataset dataset, PriceTable prices, Options options)
{
    const std::vector<std::string> problems = definition.validate(&dataset);
    if (!problems.empty()) {
        std::string text = "experiment \"" + definition.name + "\" cannot run:";
        for (const std::string& p : problems)
            text += "\n  " + p;
        throw ConfigError(text);
    }
    d = std::make_unique<Impl>(databasePath, std::move(definition), std::move(dataset),
                               std::move(prices), std::move(options));
    const ExperimentDefinition& def = d->definition;
    const ExperimentPlan plan = ExperimentPlan::compute(def, d->dataset, d->prices);
    d->itemsPerArm = plan.itemsPerArm;
    if (d->itemsPerArm == 0)
        throw ConfigError("experiment \"" + def.name + "\" has no plan"
                          + (plan.problems.empty() ? std::string() : ": " + plan.problems.front()));
    for (const ArmPlan& a : plan.arms)
        d->plannedCostPerItem.push_back(a.costUsd ? *a.costUsd / double(plan.itemsPerArm) : -1.0);
    d->plannedCostPerItem.resize(def.arms.size(), -1.0);
    for (const ExperimentArm& arm : def.arms) {
        d->addClient(arm.provider);
        for (const MetricSpec& spec : def.metrics)
            if (spec.kind == MetricKind::Judge)
                d->addClient(d->judgeProvider(spec, arm));
    }
    d->experimentId = d->store.saveExperimentDefinition(def, nowUnixNano());

    // What earlier runs left: those items are not asked again.
    const size_t items = std::min<size_t>(d->itemsPerArm, d->dataset.size());
    std::vector<std::set<std::string>> done(def.arms.size());
    for (size_t a = 0; a < def.arms.size(); ++a) {
        for (std::string& id : d->store.completedItems(d->experimentId, def.arms[a].name))
            done[a].insert(std::move(id));
        RunProgress::Arm p;
        p.name = def.arms[a].name;
        p.total = items;
        d->progressState.arms.push_back(p);
    }
    std::set<std::pair<std::string, std::string>> errors;
    for (const ExperimentItemResult& r : d->store.experimentResults(d->experimentId))
        if (r.status != "ok")
            errors.emplace(r.arm, r.itemId);
    for (size_t i = 0; i < items; ++i)
        for (size_t a = 0; a < def.arms.size(); ++a) {
            const std::string& id = d->dataset.items()[i].id;
            if (done[a].count(id)) {
                ++d->progressState.arms[a].done;
                if (errors.count({def.arms[a].name, id}))
                    ++d->progressState.arms[a].errors;
            } else {
                d->tasks.push_back({a, i});
            }
        }
    d->observedCost.assign(def.arms.size(), 0.0);
    d->observedItems.assign(def.arms.size(), 0);
}

ExperimentRunner::~ExperimentRunner()
{
    if (d)
        d->cancelled = true;
}

int64_t ExperimentRunner::experimentId() const
{
    return d->experimentId;
}

uint64_t ExperimentRunner::itemsPerArm() const
{
    return d->itemsPerArm;
}

RunStatus ExperimentRunner::run()
{
    d->setStatus(d->paused ? RunStatus::Paused : RunStatus::Running);
    d->report();
    RunStatus status = RunStatus::Failed;
    std::string message;
    try {
        status = d->loop();
    } catch (const std::exception& e) {
        // The store failed: end the calls in flight, keep what was stored.
        d->cancelled = true;
        for (auto& [name, client] : d->clients)
            client->cancelAll();
        for (auto& [name, client] : d->clients)
            client->waitIdle();
        message = std::string("the run stopped: ") + e.what();
    }
    uint64_t remaining = 0;
    uint64_t errors = 0;
    {
        std::lock_guard lock(d->progressMutex);
        for (const RunProgress::Arm& a : d->progressState.arms) {
            remaining += a.total - std::min(a.total, a.done);
            errors += a.errors;
        }
    }
    const std::string spent = dollars(d->spentUsd);
    if (!d->setupError.empty()) {
        status = RunStatus::Failed;
        message = "the run stopped: " + d->setupError
            + "; the calls it refused are not stored — fix it and run again";
    }
    switch (status) {
    case RunStatus::Completed:
        message = "completed: every planned item has an outcome (" + std::to_string(errors)
            + " errors); spent " + spent + " in this run";
        break;
    case RunStatus::Cancelled:
        message = "cancelled with " + std::to_string(remaining) + " calls to go; spent " + spent
            + "; run again to resume";
        break;
    case RunStatus::SpendCapReached:
        message = "spend cap " + dollars(*d->definition.spendCapUsd) + " reached: spent " + spent
            + ", the next calls would pass it; " + std::to_string(remaining)
            + " calls not run — raise spend_cap_usd and run again to resume";
        break;
    default:
        break;
    }
    if (d->unpriced > 0)
        message += "; " + std::to_string(d->unpriced)
            + " calls have no price (their model is not in the price table) and are not counted";
    {
        std::lock_guard lock(d->progressMutex);
        d->messageText = message;
    }
    d->setStatus(status);
    d->report();
    return status;
}

void ExperimentRunner::pause()
{
    d->paused = true;
    d->queueReady.notify_all();
}

void ExperimentRunner::resume()
{
    d->paused = false;
    d->queueReady.notify_all();
}

void ExperimentRunner::cancel()
{
    d->cancelled = true;
    for (auto& [name, client] : d->clients)
        client->cancelAll();
    d->queueReady.notify_all();
}

RunProgress ExperimentRunner::progress() const
{
    std::lock_guard lock(d->progressMutex);
    return d->progressState;
}

std::string ExperimentRunner::message() const
{
    std::lock_guard lock(d->progressMutex);
    return d->messageText;
}

ProviderKind ExperimentRunner::providerKind(const std::string& provider)
{
    if (provider == "openai")
        return ProviderKind::OpenAi;
    if (provider == "anthropic")
        return ProviderKind::Anthropic;
    return ProviderKind::OpenAiCompatible;
}

} // namespace llmopt::offline
