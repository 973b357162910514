#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <limits>

namespace llmopt {

// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
// generators", 2021), the random source of the bandits' decisions. Every draw
// costs the same few nanoseconds: std::mt19937_64 regenerates its 312-word
// state every 312 draws, a stall of about a microsecond that alone made up
// the decisions' p99. A UniformRandomBitGenerator, so the std distributions
// take it; the same seed gives the same stream on every platform.
class Xoshiro256 {
public:
    using result_type = uint64_t;

    // The state is filled from the seed by SplitMix64, as the authors advise.
    explicit Xoshiro256(uint64_t seed);
    // Resumes a saved state(), e.g. to replay a run's decisions; not all zero.
    explicit Xoshiro256(const std::array<uint64_t, 4>& state);

    const std::array<uint64_t, 4>& state() const { return m_s; }

    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

    result_type operator()()
    {
        const uint64_t result = std::rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = std::rotl(m_s[3], 45);
        return result;
    }

private:
    std::array<uint64_t, 4> m_s;
};

} // namespace llmopt
