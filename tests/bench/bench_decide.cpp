// Per-request decisions (docs/benchmarks.md): DecisionService::decide in
// process, and POST /api/v1/decide over loopback at a fixed request rate,
// each request timed from when it was due (so a stall delays the whole queue
// behind it and shows up in the percentiles instead of hiding).
#include "daemon_api.h"
#include "decision_service.h"
#include "embedded_resources.h"
#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "price_table.h"
#include "support/http_client.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

RoutingConfig chat()
{
    RoutingConfig c;
    c.service = "chat";
    c.taskTypes = {"faq", "troubleshooting", "summarize", "code"};
    c.reward.perUsd = 20;
    for (const char* model :
         {"gpt-4o", "gpt-4o-mini", "claude-3-haiku", "gemini-1.5-flash", "llama-3-70b-instruct"})
        c.variants.push_back({model, model, "v1", {{"temperature", 0.2}}});
    return c;
}

double percentile(std::vector<double>& v, double p)
{
    const size_t k = std::min(v.size() - 1, size_t(p * double(v.size())));
    std::nth_element(v.begin(), v.begin() + long(k), v.end());
    return v[k];
}

} // namespace

int main(int argc, char** argv)
{
    const double rate = argc > 1 ? std::atof(argv[1]) : 5000;
    const double seconds = argc > 2 ? std::atof(argv[2]) : 10;
    const int clients = argc > 3 ? std::atoi(argv[3]) : 4;

    DecisionService decisions({chat()}, 7);
    {
        std::vector<DecisionRecord> log;
        std::vector<double> ns;
        const char* tasks[] = {"faq", "troubleshooting", "summarize", "code"};
        for (int i = 0; i < 200000; ++i) {
            const auto start = Clock::now();
            const auto d = decisions.decide("chat", {tasks[i % 4], 300 + i % 2000, 12.0}, i);
            ns.push_back(
                double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start)
                           .count()));
            if (i % 2 == 0)
                decisions.feedback(d->id, 0.8, 0.001, 900, i);
            if (i % 1000 == 999) // the engine thread drains the log every round
                decisions.takeLog(log);
        }
        std::printf("in process: DecisionService::decide (lock, LinUCB over 5 variants, log)\n");
        std::printf("  p50 %.0f ns   p99 %.0f ns   p99.9 %.0f ns   (target p99 ≤ 2000 ns)\n\n",
                    percentile(ns, 0.5), percentile(ns, 0.99), percentile(ns, 0.999));
    }

    EventStore store(":memory:");
    IngestQueue queue(100000);
    EngineLoop engine(queue, store, PriceTable::fromJson(embeddedPriceTable(), "prices.json"),
                      {{}, {}, &decisions, {}, {}, {}, {}});
    engine.start();
    DaemonApi api({"127.0.0.1", 0, "", ""}, engine, queue, {nullptr, nullptr, &decisions});
    api.start();

    const std::string body
        = R"({"service": "chat", "context": {"task_type": "faq", "input_tokens": 420}})";
    std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));
    std::vector<int> failures(static_cast<size_t>(clients));
    const auto begin = Clock::now() + std::chrono::milliseconds(100);
    const auto interval = std::chrono::duration<double>(double(clients) / rate);
    const int perClient = int(rate * seconds / clients);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            HttpClient client(api.port());
            const auto offset = std::chrono::duration<double>(1.0 / rate * c);
            for (int i = 0; i < perClient; ++i) {
                const auto due
                    = begin + std::chrono::duration_cast<Clock::duration>(offset + interval * i);
                std::this_thread::sleep_until(due);
                const auto response = client.request("POST", "/api/v1/decide", body);
                const auto done = Clock::now();
                failures[size_t(c)] += response.status != 200;
                latencies[size_t(c)].push_back(
                    std::chrono::duration<double, std::micro>(done - due).count());
            }
        });
    for (auto& t : threads)
        t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    std::vector<double> all;
    int failed = 0;
    for (int c = 0; c < clients; ++c) {
        all.insert(all.end(), latencies[size_t(c)].begin(), latencies[size_t(c)].end());
        failed += failures[size_t(c)];
    }
    api.stop();
    queue.close();
    engine.stopAfterDrain();
    std::printf("POST /api/v1/decide: %zu requests at %.0f/s offered over %d keep-alive "
                "connections (%.0f/s achieved), %d failed\n",
                all.size(), rate, clients, double(all.size()) / elapsed, failed);
    std::printf(
        "  p50 %.0f µs   p99 %.0f µs   p99.9 %.0f µs   max %.0f µs   (target p99 ≤ 1000 µs)\n",
        percentile(all, 0.5), percentile(all, 0.99), percentile(all, 0.999),
        *std::max_element(all.begin(), all.end()));
    std::printf("  decisions logged to the store: %zu\n", store.decisions("chat", 1 << 30).size());
}
