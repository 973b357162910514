#pragma once

#include "embedded_resources.h"
#include "event_store.h"
#include "llm_event.h"
#include "price_table.h"
#include "stream_processor.h"

#include <string>
#include <vector>

// A database as the engine leaves it: `events` priced from the built-in price
// table (all but `unpricedModel`'s, so that some calls have no price), stored,
// and their one-minute service/variant windows stored too. Returns the
// events that came too late for their window (0 for time-ordered input).
inline uint64_t storeEventsAndWindows(const std::string& path,
                                      std::vector<llmopt::LlmEvent>& events,
                                      const std::string& unpricedModel = "gemini-1.5-flash")
{
    using namespace llmopt;
    const PriceTable prices = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
    StreamProcessor windows(WindowSpec{}, Grouping::ServiceVariant);
    for (LlmEvent& e : events) {
        if (e.variant.model != unpricedModel)
            e.costUsd = prices.cost(e);
        windows.add(e);
    }
    EventStore store(path);
    store.insert(events);
    std::vector<WindowResult> closed = windows.takeClosed();
    for (WindowResult& w : windows.flush())
        closed.push_back(std::move(w));
    store.addWindows(groupingName(Grouping::ServiceVariant), closed);
    return windows.lateEvents();
}
