#pragma once

#include <cstdint>
#include <deque>
#include <vector>

namespace llmopt {

// ADWIN — adaptive windowing (Bifet & Gavaldà, "Learning from time-changing
// data with adaptive windowing", SDM 2007), the ADWIN2 variant: the window is
// kept as an exponential histogram (at most `maxBuckets` buckets of each size
// 2^i), so memory and time per value are O(log W). Whenever two sub-windows'
// means differ by more than the Hoeffding/Bernstein bound for confidence δ,
// the older part is dropped and a drift is signalled. Parameters and bound as
// in the river library (δ = 0.002, checks every 32 values after a grace
// period of 10, sub-windows of at least 5).
class Adwin {
public:
    struct Options {
        double delta = 0.002;
        int clock = 32;
        int maxBuckets = 5;
        int minWindowLength = 5;
        int gracePeriod = 10;
    };

    Adwin();
    explicit Adwin(Options options);

    // Adds a value; true when it revealed a change (the window shrank).
    bool update(double value);

    uint64_t width() const { return m_width; }
    double mean() const { return m_width ? m_total / double(m_width) : 0.0; }
    double variance() const { return m_width ? m_m2 / double(m_width) : 0.0; }
    uint64_t detections() const { return m_detections; }

private:
    struct Bucket {
        double total = 0.0;
        double m2 = 0.0; // sum of squared deviations from the bucket's mean
        uint64_t count = 0;
    };
    void compress();
    bool detect();
    void dropOldest();

    Options m_options;
    // m_rows[i] holds buckets of 2^i values, oldest first.
    std::vector<std::deque<Bucket>> m_rows;
    uint64_t m_width = 0;
    double m_total = 0.0;
    double m_m2 = 0.0;
    uint64_t m_seen = 0;
    uint64_t m_detections = 0;
};

} // namespace llmopt
