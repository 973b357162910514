#include "recent_calls.h"

#include <bit>
#include <functional>

namespace llmopt {

RecentCalls::RecentCalls(size_t capacity)
    : m_capacity(capacity)
{
    // Load factor at most 1/2, a power of two so that the slot is a mask away.
    const size_t cells = std::bit_ceil(capacity * 2);
    m_current.cells.resize(cells);
    m_previous.cells.resize(cells);
}

uint64_t RecentCalls::keyOf(std::string_view traceId, std::string_view spanId)
{
    const std::hash<std::string_view> hash;
    const uint64_t key = hash(traceId) * 0x9e3779b97f4a7c15ULL ^ hash(spanId);
    return key == 0 ? 1 : key;
}

const RecentCalls::Slot* RecentCalls::Table::find(uint64_t key) const
{
    const size_t mask = cells.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (cells[i].key == key)
            return &cells[i];
        if (cells[i].key == 0)
            return nullptr;
    }
}

RecentCalls::Slot& RecentCalls::Table::slotFor(uint64_t key)
{
    const size_t mask = cells.size() - 1;
    size_t i = key & mask;
    while (cells[i].key != 0 && cells[i].key != key)
        i = (i + 1) & mask;
    return cells[i];
}

void RecentCalls::remember(std::string_view traceId, std::string_view spanId, uint32_t row)
{
    if (traceId.empty() || spanId.empty())
        return; // an evaluation can only name a call by its trace and span id
    if (m_current.size >= m_capacity) {
        std::swap(m_current, m_previous);
        std::fill(m_current.cells.begin(), m_current.cells.end(), Slot{});
        m_current.size = 0;
    }
    const uint64_t key = keyOf(traceId, spanId);
    Slot& slot = m_current.slotFor(key);
    if (slot.key == 0) {
        slot.key = key;
        ++m_current.size;
    }
    slot.row = row;
}

std::optional<uint32_t> RecentCalls::find(std::string_view traceId, std::string_view spanId) const
{
    const uint64_t key = keyOf(traceId, spanId);
    if (const Slot* s = m_current.find(key))
        return s->row;
    if (const Slot* s = m_previous.find(key))
        return s->row;
    return std::nullopt;
}

} // namespace llmopt
