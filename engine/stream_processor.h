#pragma once

#include "window_stats.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmopt {

struct LlmEvent;

// What a window's events are grouped by.
enum class Grouping {
    Service,
    Variant, // variant id
    ServiceVariant, // service/variant id
    Model,
    ExperimentArm, // feature_flag.key=feature_flag.result.variant; events without a flag are not
                   // counted
};
// The key of `event` under `grouping`, written into `out`; false when the
// event has no such key.
bool groupingKey(Grouping grouping, const LlmEvent& event, std::string& out);
std::string_view groupingName(Grouping grouping);

struct WindowSpec {
    enum class Kind { Tumbling, Hopping, Session };
    Kind kind = Kind::Tumbling;
    int64_t sizeNanos = 60'000'000'000LL; // tumbling and hopping
    int64_t slideNanos = 10'000'000'000LL; // hopping: a new window every slide
    int64_t gapNanos = 300'000'000'000LL; // session: a pause this long ends a session
    // The watermark trails the newest event time by this much: events up to
    // this far out of order are still on time.
    int64_t maxOutOfOrderNanos = 5'000'000'000LL;
    // A window is kept open this long after the watermark passed its end;
    // events later than that are counted as late, per key, and not added.
    int64_t allowedLatenessNanos = 30'000'000'000LL;
    // A key without open windows and without events for this long is forgotten.
    int64_t idleKeyNanos = 600'000'000'000LL;
};

struct WindowResult {
    std::string key;
    int64_t startUnixNano = 0;
    int64_t endUnixNano = 0; // exclusive
    WindowStats stats;
    // Events of this key that came after their windows had closed, since the
    // key's previous result (they are in the store, not in any window).
    uint64_t lateEvents = 0;
};

// Event-time windows per key (DESIGN.md, StreamProcessor): tumbling, hopping
// (sliding) and session windows; a watermark with bounded out-of-orderness;
// allowed lateness; late events counted per key and reported with the key's
// next result; idle keys expire. State is proportional to active keys × open
// windows, never to events. Not thread-safe: the engine thread owns it.
class StreamProcessor {
public:
    StreamProcessor(WindowSpec spec, Grouping grouping);

    // False when the event has no key under the grouping or came too late.
    bool add(const LlmEvent& event);
    // Windows closed since the last call (watermark past end + allowed
    // lateness), oldest end first.
    std::vector<WindowResult> takeClosed();
    // Closes every open window (end of the input).
    std::vector<WindowResult> flush();

    int64_t watermark() const { return m_watermark; }
    uint64_t lateEvents() const { return m_lateTotal; }
    size_t activeKeys() const { return m_keys.size(); }
    size_t openWindows() const;
    const WindowSpec& spec() const { return m_spec; }
    Grouping grouping() const { return m_grouping; }

private:
    struct Session {
        int64_t start = 0;
        int64_t last = 0; // newest event time
        WindowStats stats;
    };
    struct KeyState {
        std::map<int64_t, WindowStats> windows; // by start (tumbling, hopping)
        std::vector<Session> sessions; // sorted by start (session windows)
        int64_t lastEventUnixNano = 0;
        uint64_t late = 0;
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    bool addToTimeWindows(KeyState& state, const LlmEvent& event);
    bool addToSessions(KeyState& state, const LlmEvent& event);
    void sweep(bool all);
    int64_t closesAt(int64_t end) const { return end + m_spec.allowedLatenessNanos; }

    WindowSpec m_spec;
    Grouping m_grouping;
    std::unordered_map<std::string, KeyState, Hash, std::equal_to<>> m_keys;
    std::string m_key; // reused
    int64_t m_watermark = INT64_MIN;
    int64_t m_nextClose = INT64_MAX; // no open window closes before this
    uint64_t m_lateTotal = 0;
    std::vector<WindowResult> m_closed;
};

} // namespace llmopt
