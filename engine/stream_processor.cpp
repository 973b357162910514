#include "stream_processor.h"

#include "llm_event.h"

#include <algorithm>

namespace llmopt {

namespace {

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

bool groupingKey(Grouping grouping, const LlmEvent& e, std::string& out)
{
    switch (grouping) {
    case Grouping::Service:
        out.assign(e.service);
        return true;
    case Grouping::Variant:
        out = e.variant.id();
        return true;
    case Grouping::ServiceVariant:
        out.assign(e.service).append(1, '/').append(e.variant.id());
        return true;
    case Grouping::Model:
        out.assign(e.variant.model);
        return true;
    case Grouping::ExperimentArm:
        for (const auto& [key, value] : e.attributes)
            if (key == "feature_flag.key" && !e.variantName.empty()) {
                out.assign(value).append(1, '=').append(e.variantName);
                return true;
            }
        return false;
    }
    return false;
}

std::string_view groupingName(Grouping grouping)
{
    switch (grouping) {
    case Grouping::Service:
        return "service";
    case Grouping::Variant:
        return "variant";
    case Grouping::ServiceVariant:
        return "service_variant";
    case Grouping::Model:
        return "model";
    case Grouping::ExperimentArm:
        return "experiment_arm";
    }
    return "";
}

StreamProcessor::StreamProcessor(WindowSpec spec, Grouping grouping)
    : m_spec(spec)
    , m_grouping(grouping)
{
    if (m_spec.kind == WindowSpec::Kind::Tumbling)
        m_spec.slideNanos = m_spec.sizeNanos;
}

bool StreamProcessor::add(const LlmEvent& e)
{
    if (!groupingKey(m_grouping, e, m_key))
        return false;
    m_watermark = std::max(m_watermark, e.timeUnixNano - m_spec.maxOutOfOrderNanos);
    if (m_watermark >= m_nextClose)
        sweep(false);
    auto it = m_keys.find(std::string_view(m_key));
    if (it == m_keys.end())
        it = m_keys.emplace(m_key, KeyState{}).first;
    KeyState& state = it->second;
    state.lastEventUnixNano = std::max(state.lastEventUnixNano, e.timeUnixNano);
    const bool added = m_spec.kind == WindowSpec::Kind::Session ? addToSessions(state, e)
                                                                : addToTimeWindows(state, e);
    if (!added) {
        ++state.late;
        ++m_lateTotal;
    }
    return added;
}

bool StreamProcessor::addToTimeWindows(KeyState& state, const LlmEvent& e)
{
    const int64_t t = e.timeUnixNano;
    bool added = false;
    // Every window [start, start + size) with start a multiple of the slide that holds t.
    for (int64_t start = floorDiv(t, m_spec.slideNanos) * m_spec.slideNanos;
         start > t - m_spec.sizeNanos; start -= m_spec.slideNanos) {
        const int64_t closes = closesAt(start + m_spec.sizeNanos);
        if (closes <= m_watermark)
            continue; // this window has closed
        state.windows[start].add(e);
        m_nextClose = std::min(m_nextClose, closes);
        added = true;
    }
    return added;
}

bool StreamProcessor::addToSessions(KeyState& state, const LlmEvent& e)
{
    const int64_t t = e.timeUnixNano;
    const int64_t gap = m_spec.gapNanos;
    if (closesAt(t + gap) <= m_watermark)
        return false; // a session of this event alone would have closed already
    std::vector<Session>& sessions = state.sessions;
    // Sessions are apart by more than the gap, so at most two take the event:
    // one ending before it and one starting after it (it bridges them).
    Session* joined = nullptr;
    for (size_t i = 0; i < sessions.size();) {
        Session& s = sessions[i];
        if (t < s.start - gap || t > s.last + gap) {
            ++i;
            continue;
        }
        if (!joined) {
            joined = &s;
            ++i;
            continue;
        }
        joined->start = std::min(joined->start, s.start);
        joined->last = std::max(joined->last, s.last);
        joined->stats.merge(s.stats);
        sessions.erase(sessions.begin() + static_cast<long>(i));
    }
    if (!joined) {
        const auto at = std::lower_bound(sessions.begin(), sessions.end(), t,
                                         [](const Session& s, int64_t v) { return s.start < v; });
        Session fresh;
        fresh.start = fresh.last = t;
        joined = &*sessions.insert(at, std::move(fresh));
    }
    joined->start = std::min(joined->start, t);
    joined->last = std::max(joined->last, t);
    joined->stats.add(e);
    m_nextClose = std::min(m_nextClose, closesAt(joined->last + gap));
    return true;
}

void StreamProcessor::sweep(bool all)
{
    const size_t firstNew = m_closed.size();
    m_nextClose = INT64_MAX;
    auto emit = [&](const std::string& key, KeyState& state, int64_t start, int64_t end,
                    WindowStats&& stats) {
        m_closed.push_back({key, start, end, std::move(stats), state.late});
        state.late = 0;
    };
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        KeyState& state = it->second;
        for (auto w = state.windows.begin(); w != state.windows.end();) {
            const int64_t end = w->first + m_spec.sizeNanos;
            if (all || closesAt(end) <= m_watermark) {
                emit(it->first, state, w->first, end, std::move(w->second));
                w = state.windows.erase(w);
            } else {
                m_nextClose = std::min(m_nextClose, closesAt(end));
                ++w;
            }
        }
        for (auto s = state.sessions.begin(); s != state.sessions.end();) {
            const int64_t end = s->last + m_spec.gapNanos;
            if (all || closesAt(end) <= m_watermark) {
                emit(it->first, state, s->start, end, std::move(s->stats));
                s = state.sessions.erase(s);
            } else {
                m_nextClose = std::min(m_nextClose, closesAt(end));
                ++s;
            }
        }
        const bool idle = state.windows.empty() && state.sessions.empty()
            && (all || state.lastEventUnixNano + m_spec.idleKeyNanos <= m_watermark);
        if (!idle) {
            ++it;
            continue;
        }
        if (state.late > 0) // late events with no window left to report them with
            emit(it->first, state, m_watermark, m_watermark, WindowStats());
        it = m_keys.erase(it);
    }
    std::stable_sort(m_closed.begin() + static_cast<long>(firstNew), m_closed.end(),
                     [](const WindowResult& a, const WindowResult& b) {
                         return a.endUnixNano != b.endUnixNano ? a.endUnixNano < b.endUnixNano
                                                               : a.key < b.key;
                     });
}

std::vector<WindowResult> StreamProcessor::takeClosed()
{
    std::vector<WindowResult> out;
    out.swap(m_closed);
    return out;
}

std::vector<WindowResult> StreamProcessor::flush()
{
    sweep(true);
    return takeClosed();
}

size_t StreamProcessor::openWindows() const
{
    size_t n = 0;
    for (const auto& [key, state] : m_keys)
        n += state.windows.size() + state.sessions.size();
    return n;
}

} // namespace llmopt
