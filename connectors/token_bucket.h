#pragma once

#include <chrono>

namespace llmopt {

// Admits at most `ratePerSecond` requests per second on average, and at most
// `burst` at once after a quiet spell. A rate of 0 or less admits everything.
// Not thread-safe: one owner (the client's worker thread) asks it.
class TokenBucket {
public:
    using Clock = std::chrono::steady_clock;

    TokenBucket(double ratePerSecond, double burst, Clock::time_point now);

    // Takes a token if one is there.
    bool tryTake(Clock::time_point now);
    // When the next token will be there (now, if it is).
    Clock::time_point nextTokenAt(Clock::time_point now);

private:
    void refill(Clock::time_point now);

    double m_rate;
    double m_burst;
    double m_tokens;
    Clock::time_point m_last;
};

} // namespace llmopt
