// Merging identical coordinates.
#include "core/merged_locations.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace sw {
namespace {

struct Key {
    std::uint64_t x, y;
    bool operator==(const Key&) const = default;
};
struct KeyHash {
    std::size_t operator()(const Key& k) const {
        return std::hash<std::uint64_t>()(k.x * 0x9E3779B97F4A7C15ull ^ k.y);
    }
};
Key keyOf(double x, double y) {
    Key k{};
    std::memcpy(&k.x, &x, 8);
    std::memcpy(&k.y, &y, 8);
    return k;
}

} // namespace

WeightedPoints mergeLocations(const WeightedPoints& p) {
    std::unordered_map<Key, std::size_t, KeyHash> at;
    at.reserve(p.x.size());
    WeightedPoints out;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        const double w = p.w.empty() ? 1.0 : p.w[i];
        const auto [it, fresh] = at.try_emplace(keyOf(p.x[i], p.y[i]), out.x.size());
        if (fresh) {
            out.x.push_back(p.x[i]);
            out.y.push_back(p.y[i]);
            out.w.push_back(w);
        } else {
            out.w[it->second] += w;
        }
    }
    return out;
}

bool worthMerging(const WeightedPoints& p) {
    const std::size_t n = p.x.size(), sample = std::min<std::size_t>(n, 8192);
    if (sample < 2)
        return false;
    std::unordered_map<Key, int, KeyHash> seen;
    seen.reserve(sample);
    std::size_t repeats = 0;
    for (std::size_t s = 0; s < sample; ++s) {
        const std::size_t i = s * n / sample;
        repeats += !seen.try_emplace(keyOf(p.x[i], p.y[i]), 0).second;
    }
    return repeats * 10 >= sample;
}

} // namespace sw
