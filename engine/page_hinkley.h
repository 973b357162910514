#pragma once

#include <cstdint>

namespace llmopt {

// Page–Hinkley test (Page 1954; Hinkley 1971) for a change in the mean of a
// stream, in both directions: with x̄ the running mean,
//   m⁺ = α·m⁺ + (x − x̄ − δ),  alarm when m⁺ − min m⁺ > λ  (the mean rose),
//   m⁻ = α·m⁻ + (x − x̄ + δ),  alarm when max m⁻ − m⁻ > λ  (the mean fell),
// after at least `minInstances` values; α < 1 forgets old deviations. After an
// alarm the test starts over. Defaults as in the river library.
class PageHinkley {
public:
    enum class Direction { Both, Up, Down };
    struct Options {
        int minInstances = 30;
        double delta = 0.005;
        double threshold = 50.0; // λ
        double alpha = 1.0 - 0.0001;
        Direction direction = Direction::Both;
    };
    enum class Alarm { None, Increase, Decrease };

    PageHinkley();
    explicit PageHinkley(Options options);

    Alarm update(double value);
    uint64_t detections() const { return m_detections; }

private:
    void reset();

    Options m_options;
    uint64_t m_count = 0;
    double m_mean = 0.0;
    double m_sumUp = 0.0;
    double m_minUp = 0.0;
    double m_sumDown = 0.0;
    double m_maxDown = 0.0;
    uint64_t m_detections = 0;
};

} // namespace llmopt
