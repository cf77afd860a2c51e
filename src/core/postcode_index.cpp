// Postcode keys and the sorted index.
#include "core/postcode_index.hpp"

#include <algorithm>

namespace sw {

std::optional<std::uint64_t> postcodeKey(std::string_view t) {
    char c[8];
    std::size_t n = 0;
    for (char ch : t) {
        if (ch == ' ' || ch == '\t' || ch == '"')
            continue;
        if (ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
        const bool alnum = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (!alnum || n == 7)
            return std::nullopt;
        c[n++] = ch;
    }
    // Outward code (2-4) + inward code (digit, letter, letter).
    if (n < 5 || c[n - 3] < '0' || c[n - 3] > '9' || c[n - 2] < 'A' || c[n - 1] < 'A' || c[0] < 'A')
        return std::nullopt;
    std::uint64_t k = n; // the length, so "A1 1AA" and "A11 1AA" differ
    for (std::size_t i = 0; i < n; ++i)
        k = k * 37 + static_cast<std::uint64_t>(c[i] <= '9' ? c[i] - '0' + 1 : c[i] - 'A' + 11);
    return k;
}

std::size_t PostcodeIndex::finish() {
    std::stable_sort(points_.begin(), points_.end(),
                     [](const PostcodePoint& a, const PostcodePoint& b) { return a.key < b.key; });
    const std::size_t before = points_.size();
    points_.erase(
        std::unique(points_.begin(), points_.end(),
                    [](const PostcodePoint& a, const PostcodePoint& b) { return a.key == b.key; }),
        points_.end());
    return before - points_.size();
}

const PostcodePoint* PostcodeIndex::find(std::uint64_t key) const {
    const auto it =
        std::lower_bound(points_.begin(), points_.end(), key,
                         [](const PostcodePoint& p, std::uint64_t k) { return p.key < k; });
    return it != points_.end() && it->key == key ? &*it : nullptr;
}

} // namespace sw
