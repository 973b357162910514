#include "reference_tracker.h"

namespace llmopt {

ReferenceTracker::ReferenceTracker(int referenceWindows, int currentWindows)
    : m_referenceWindows(referenceWindows)
    , m_currentWindows(currentWindows)
{
}

std::optional<ReferenceTracker::Comparison> ReferenceTracker::add(const WindowResult& window)
{
    auto it = m_keys.find(window.key);
    if (it == m_keys.end())
        it = m_keys.emplace(window.key, KeyState()).first;
    KeyState& state = it->second;
    if (state.referenceWindows < m_referenceWindows) {
        if (state.referenceWindows == 0)
            state.referenceStart = window.startUnixNano;
        state.reference.merge(window.stats);
        state.referenceEnd = window.endUnixNano;
        ++state.referenceWindows;
        return std::nullopt;
    }
    state.recent.push_back(window);
    if (state.recent.size() > size_t(m_currentWindows))
        state.recent.pop_front();
    if (state.recent.size() < size_t(m_currentWindows))
        return std::nullopt;
    Comparison c;
    c.reference = &state.reference;
    for (const WindowResult& w : state.recent)
        c.current.merge(w.stats);
    c.referenceStartUnixNano = state.referenceStart;
    c.referenceEndUnixNano = state.referenceEnd;
    c.currentStartUnixNano = state.recent.front().startUnixNano;
    return c;
}

bool ReferenceTracker::raise(const std::string& key, const std::string& metric, int level)
{
    int& raised = m_keys[key].raised[metric];
    if (level <= 0) {
        raised = 0;
        return false;
    }
    if (level <= raised)
        return false;
    raised = level;
    return true;
}

} // namespace llmopt
