// Event store ingest throughput: simulated events inserted in batches into a
// SQLite file (WAL). Prints events/s per batch size; median of several runs.
#include "collector.h"
#include "embedded_resources.h"
#include "event_store.h"
#include "llm_event.h"
#include "price_table.h"
#include "support/simulated_events.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace llmopt;

int main(int argc, char** argv)
{
    const size_t total = argc > 1 ? std::stoul(argv[1]) : 500000;
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
    const std::vector<LlmEvent> events = simulated::atLeast(total, 1);
    const PriceTable prices = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
    std::printf("events: %zu, repeats: %d (median reported)\n", total, repeats);
    std::printf("%-12s %-22s %14s\n", "batch size", "path", "events/s");

    const auto dir = std::filesystem::temp_directory_path() / "llmopt-bench";
    std::filesystem::create_directories(dir);
    for (size_t batchSize : {1000, 5000, 20000}) {
        for (bool throughCollector : {false, true}) {
            std::vector<double> rates;
            for (int r = 0; r < repeats; ++r) {
                const auto path = dir / "bench.sqlite";
                for (const char* suffix : {"", "-wal", "-shm"})
                    std::filesystem::remove(path.string() + suffix);
                EventStore store(path.string());
                Collector collector(store, prices);
                const auto t0 = std::chrono::steady_clock::now();
                for (size_t i = 0; i < events.size(); i += batchSize) {
                    const size_t end = std::min(events.size(), i + batchSize);
                    if (throughCollector) {
                        std::vector<LlmEvent> batch(events.begin() + long(i),
                                                    events.begin() + long(end));
                        collector.ingest(batch, "bench", 0);
                    } else {
                        store.insert(std::span<const LlmEvent>(events.data() + i, end - i));
                    }
                }
                const double s
                    = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                rates.push_back(double(events.size()) / s);
            }
            std::sort(rates.begin(), rates.end());
            std::printf("%-12zu %-22s %14.0f\n", batchSize,
                        throughCollector ? "collector+store" : "store.insert",
                        rates[rates.size() / 2]);
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
