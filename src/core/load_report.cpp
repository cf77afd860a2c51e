// Reject log bookkeeping and formatting.
#include "core/load_report.hpp"

#include <algorithm>

namespace sw {

void RejectLog::add(std::string_view reason, std::uint64_t line) {
    auto it = std::find_if(reasons_.begin(), reasons_.end(),
                           [&](const RejectReason& r) { return r.reason == reason; });
    if (it == reasons_.end()) {
        reasons_.push_back(RejectReason{std::string(reason), 0, {}});
        it = std::prev(reasons_.end());
    }
    ++it->count;
    if (it->first_lines.size() < kMaxLines)
        it->first_lines.push_back(line);
}

void RejectLog::merge(const RejectLog& other, std::uint64_t line_offset) {
    for (const auto& r : other.reasons_) {
        auto it = std::find_if(reasons_.begin(), reasons_.end(),
                               [&](const RejectReason& x) { return x.reason == r.reason; });
        if (it == reasons_.end()) {
            reasons_.push_back(RejectReason{r.reason, 0, {}});
            it = std::prev(reasons_.end());
        }
        it->count += r.count;
        for (auto line : r.first_lines) {
            if (it->first_lines.size() >= kMaxLines)
                break;
            it->first_lines.push_back(line + line_offset);
        }
    }
}

std::uint64_t RejectLog::total() const {
    std::uint64_t n = 0;
    for (const auto& r : reasons_)
        n += r.count;
    return n;
}

std::string describeReason(const RejectReason& r, std::string_view unit) {
    std::string s = r.reason + ": " + std::to_string(r.count);
    if (!r.first_lines.empty()) {
        s += " (" + std::string(unit) + (r.first_lines.size() > 1 ? "s " : " ");
        for (std::size_t i = 0; i < r.first_lines.size(); ++i) {
            if (i)
                s += ", ";
            s += std::to_string(r.first_lines[i]);
        }
        if (r.count > r.first_lines.size())
            s += ", ...";
        s += ")";
    }
    return s;
}

} // namespace sw
