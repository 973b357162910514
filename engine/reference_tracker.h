#pragma once

#include "stream_processor.h"
#include "window_stats.h"

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace llmopt {

// What the comparing analyzers (performance, cost, quality, drift) keep per
// key: a reference — the key's first `referenceWindows` windows, merged — and
// its latest `currentWindows` windows; and the level each of its findings was
// raised at, so that a finding is raised once per episode.
class ReferenceTracker {
public:
    ReferenceTracker(int referenceWindows, int currentWindows);

    struct Comparison {
        const WindowStats* reference; // valid until the next add()
        WindowStats current; // the latest windows, merged
        int64_t referenceStartUnixNano = 0;
        int64_t referenceEndUnixNano = 0;
        int64_t currentStartUnixNano = 0;
    };
    // Adds a closed window of its key; returns the comparison once the key has
    // its reference and `currentWindows` windows after it.
    std::optional<Comparison> add(const WindowResult& window);

    // Whether a finding at `level` (0: none; higher: more severe) for this key
    // and metric is news — above the level raised last in this episode. Level 0
    // ends the episode.
    bool raise(const std::string& key, const std::string& metric, int level);

private:
    struct KeyState {
        WindowStats reference;
        int referenceWindows = 0;
        int64_t referenceStart = 0;
        int64_t referenceEnd = 0;
        std::deque<WindowResult> recent;
        std::map<std::string, int> raised;
    };
    int m_referenceWindows;
    int m_currentWindows;
    std::unordered_map<std::string, KeyState> m_keys;
};

} // namespace llmopt
