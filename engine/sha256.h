#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace llmopt {

// SHA-256 (FIPS 180-4). The engine links no crypto library, and the audit
// log's hash chain needs nothing more than this one digest.
class Sha256 {
public:
    using Digest = std::array<uint8_t, 32>;

    Sha256();
    void update(std::string_view data);
    // The digest of everything passed to update(); the object then starts over.
    Digest finish();

    static std::string toHex(const Digest& digest);
    // Lower-case hex of the digest of `data`.
    static std::string hexDigest(std::string_view data);

private:
    void reset();
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> m_state{};
    std::array<uint8_t, 64> m_block{};
    size_t m_blockSize = 0; // bytes waiting in m_block
    uint64_t m_length = 0; // bytes hashed so far
};

} // namespace llmopt
