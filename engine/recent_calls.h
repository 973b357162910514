#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace llmopt {

// Which aggregate row the recent calls were counted in, by trace id + span id,
// so that an evaluation arriving later (a log record) can be credited to the
// same row. Bounded: remembers at least the last `capacity` calls and at most
// twice as many, in two generations of flat open-addressing tables (no
// allocation per call). Keys are 64-bit hashes: two remembered calls sharing
// one — odds about 1e-9 at this size — would credit a score to the wrong row
// of the live view (the store keeps every evaluation exactly).
class RecentCalls {
public:
    explicit RecentCalls(size_t capacity);

    void remember(std::string_view traceId, std::string_view spanId, uint32_t row);
    std::optional<uint32_t> find(std::string_view traceId, std::string_view spanId) const;

private:
    struct Slot {
        uint64_t key = 0; // 0: empty
        uint32_t row = 0;
    };
    struct Table {
        std::vector<Slot> cells;
        size_t size = 0;
        const Slot* find(uint64_t key) const;
        Slot& slotFor(uint64_t key);
    };
    static uint64_t keyOf(std::string_view traceId, std::string_view spanId);

    size_t m_capacity;
    Table m_current;
    Table m_previous;
};

} // namespace llmopt
