#pragma once

#include "credential_source.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "price_table.h"
#include "provider_protocol.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace llmopt::offline {

enum class RunStatus {
    NotStarted,
    Running,
    Paused,
    Completed, // every planned item of every arm has an outcome
    Cancelled, // cancel(): a rerun resumes
    SpendCapReached, // the next calls would have passed spend_cap_usd
    Failed, // nothing could run (the message says why)
};
std::string_view runStatusName(RunStatus status);

struct RunProgress {
    struct Arm {
        std::string name;
        uint64_t done = 0; // items with an outcome, earlier runs' included
        uint64_t total = 0; // planned items
        uint64_t errors = 0; // outcomes with status "error: …"
    };
    std::vector<Arm> arms;
    double spentUsd = 0.0; // this run's calls, judges' included, as priced
    uint64_t unpricedCalls = 0; // calls whose price is unknown (not in spentUsd)
    RunStatus status = RunStatus::NotStarted;
};

// Runs a stored offline experiment (docs/experiments.md, "Runner"): every
// arm answers the planned items (the dataset's first ExperimentPlan::itemsPerArm)
// through one ProviderClient per provider; each answer is scored with
// AnswerMetrics and the judge metrics (a second call to the judge model, read
// with parseJudgeScore), priced, stored as an LlmEvent (service
// "experiment:<name>", variant = the arm's model, prompt and parameters,
// variantName = the arm) and as one experiment_results row per item and arm.
//
// Resume: the definition is stored with saveExperimentDefinition (an
// unchanged definition keeps its id) and items in completedItems are not run
// again; a call cancelled in flight stores nothing, so a rerun asks it anew.
// A failed call is an outcome ("error: …") and the run goes on.
//
// Threads: run() blocks its caller and is the only user of the runner's own
// store connection; the clients' worker threads hand finished calls to it
// through a queue. pause(), resume() and cancel() may be called from any thread.
class ExperimentRunner {
public:
    struct Options {
        // provider name → base URL; required for OpenAI-compatible servers,
        // optional for "openai" and "anthropic" (their own URLs by default).
        std::map<std::string, std::string> baseUrls;
        std::shared_ptr<const CredentialSource> credentials; // null: no keys
        double requestsPerSecond = 0; // per provider; 0: no limit
        int maxAttempts = 5;
        int initialBackoffMs = 500;
        int maxBackoffMs = 20000;
        int timeoutMs = 60000;
        // Called on run()'s thread after every stored outcome (and at start and end).
        std::function<void(const RunProgress&)> onProgress;
    };

    // Stores the definition in the event database at `databasePath` and
    // computes the plan. Throws ConfigError when the definition is invalid
    // for the dataset, StoreError when the database cannot be opened.
    ExperimentRunner(const std::string& databasePath, ExperimentDefinition definition,
                     ExperimentDataset dataset, PriceTable prices, Options options);
    ~ExperimentRunner();
    ExperimentRunner(const ExperimentRunner&) = delete;
    ExperimentRunner& operator=(const ExperimentRunner&) = delete;

    int64_t experimentId() const;
    uint64_t itemsPerArm() const;

    // Runs until every planned item has an outcome, cancel(), or the spend
    // cap; returns how it ended. Call once per runner.
    RunStatus run();
    void pause(); // no new calls start; those in flight finish
    void resume();
    void cancel(); // ends calls in flight too; run() returns soon after

    RunProgress progress() const;
    // What the run came to, for the operator ("spend cap $5.00 reached …").
    std::string message() const;

    // "openai" → OpenAi, "anthropic" → Anthropic, anything else an
    // OpenAI-compatible server.
    static ProviderKind providerKind(const std::string& provider);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace llmopt::offline
