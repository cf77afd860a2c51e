// The secret that location masking draws its moves from, kept per user so a place moves to the
// same point in every run: "<config>/streetweek/location-mask.key" (created on first use from
// the system's random source, readable by its owner only).
#pragma once

#include <cstdint>
#include <string>

namespace sw {

struct MaskKey {
    std::uint64_t key = 0;
    bool persistent = false; // false: no config folder; a key for this run only
    std::string path;        // where it is kept (empty when not persistent)
};

MaskKey loadMaskKey();

} // namespace sw
