#include "xoshiro256.h"

#include <stdexcept>

namespace llmopt {

Xoshiro256::Xoshiro256(uint64_t seed)
{
    for (uint64_t& word : m_s) {
        seed += 0x9e3779b97f4a7c15;
        uint64_t z = seed;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        word = z ^ (z >> 31);
    }
}

Xoshiro256::Xoshiro256(const std::array<uint64_t, 4>& state)
    : m_s(state)
{
    if (state == std::array<uint64_t, 4>{})
        throw std::invalid_argument("xoshiro256: the all-zero state never leaves zero");
}

} // namespace llmopt
