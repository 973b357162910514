#include "sha256.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace llmopt {

namespace {

// FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
constexpr uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// FIPS 180-4, 5.3.3: the first 32 bits of the fractional parts of the square
// roots of the first 8 primes.
constexpr std::array<uint32_t, 8> kInitialState = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

} // namespace

Sha256::Sha256()
{
    reset();
}

void Sha256::reset()
{
    m_state = kInitialState;
    m_blockSize = 0;
    m_length = 0;
}

void Sha256::compress(const uint8_t* block)
{
    uint32_t w[64];
    for (int t = 0; t < 16; ++t) // big-endian words, independent of the host's byte order
        w[t] = uint32_t(block[4 * t]) << 24 | uint32_t(block[4 * t + 1]) << 16
            | uint32_t(block[4 * t + 2]) << 8 | uint32_t(block[4 * t + 3]);
    for (int t = 16; t < 64; ++t) {
        const uint32_t s0 = std::rotr(w[t - 15], 7) ^ std::rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const uint32_t s1 = std::rotr(w[t - 2], 17) ^ std::rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3], e = m_state[4],
             f = m_state[5], g = m_state[6], h = m_state[7];
    for (int t = 0; t < 64; ++t) {
        const uint32_t sum1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
        const uint32_t choose = (e & f) ^ (~e & g);
        const uint32_t t1 = h + sum1 + choose + kRoundConstants[t] + w[t];
        const uint32_t sum0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
        const uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t t2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

void Sha256::update(std::string_view data)
{
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    size_t left = data.size();
    m_length += left;
    if (m_blockSize > 0) {
        const size_t take = std::min(left, m_block.size() - m_blockSize);
        std::memcpy(m_block.data() + m_blockSize, p, take);
        m_blockSize += take;
        p += take;
        left -= take;
        if (m_blockSize < m_block.size())
            return;
        compress(m_block.data());
        m_blockSize = 0;
    }
    for (; left >= m_block.size(); p += m_block.size(), left -= m_block.size())
        compress(p);
    std::memcpy(m_block.data(), p, left);
    m_blockSize = left;
}

Sha256::Digest Sha256::finish()
{
    // FIPS 180-4, 5.1.1: a 1 bit, zeros up to 56 mod 64 bytes, the length in bits (64-bit
    // big-endian).
    const uint64_t bits = m_length * 8;
    m_block[m_blockSize++] = 0x80;
    if (m_blockSize > 56) {
        std::memset(m_block.data() + m_blockSize, 0, m_block.size() - m_blockSize);
        compress(m_block.data());
        m_blockSize = 0;
    }
    std::memset(m_block.data() + m_blockSize, 0, 56 - m_blockSize);
    for (int i = 0; i < 8; ++i)
        m_block[56 + i] = uint8_t(bits >> (56 - 8 * i));
    compress(m_block.data());
    Digest digest;
    for (size_t i = 0; i < m_state.size(); ++i)
        for (size_t j = 0; j < 4; ++j)
            digest[4 * i + j] = uint8_t(m_state[i] >> (24 - 8 * j));
    reset();
    return digest;
}

std::string Sha256::toHex(const Digest& digest)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * digest.size());
    for (const uint8_t byte : digest) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
    }
    return out;
}

std::string Sha256::hexDigest(std::string_view data)
{
    Sha256 hash;
    hash.update(data);
    return toHex(hash.finish());
}

} // namespace llmopt
