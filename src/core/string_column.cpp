// Dictionary and plain string column storage.
#include "core/string_column.hpp"

#include <cassert>

namespace sw {

StringColumn::StringColumn(std::string name, Kind kind) : name_(std::move(name)), kind_(kind) {
    if (kind_ == Kind::Dictionary) {
        values_.emplace_back();
        index_.emplace(std::string(), 0);
    }
}

std::uint32_t StringColumn::intern(std::string_view value) {
    if (auto it = index_.find(value); it != index_.end())
        return it->second;
    const auto code = static_cast<std::uint32_t>(values_.size());
    values_.emplace_back(value);
    index_.emplace(std::string(value), code);
    return code;
}

void StringColumn::push(std::string_view value) {
    if (kind_ == Kind::Dictionary) {
        codes_.push_back(value.empty() ? 0 : intern(value));
    } else {
        arena_.append(value);
        ends_.push_back(arena_.size());
    }
}

void StringColumn::pushEmpty(std::size_t count) {
    if (kind_ == Kind::Dictionary)
        codes_.insert(codes_.end(), count, 0);
    else
        ends_.insert(ends_.end(), count, arena_.size());
}

std::string_view StringColumn::at(std::size_t row) const {
    if (kind_ == Kind::Dictionary)
        return values_[codes_[row]];
    const std::uint64_t begin = row == 0 ? 0 : ends_[row - 1];
    return std::string_view(arena_).substr(begin, ends_[row] - begin);
}

std::int64_t StringColumn::findCode(std::string_view value) const {
    assert(kind_ == Kind::Dictionary && "findCode on a plain column");
    auto it = index_.find(value);
    return it == index_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

void StringColumn::append(const StringColumn& other) {
    assert(kind_ == other.kind_ && "appending columns of different kinds");
    if (kind_ == Kind::Dictionary) {
        std::vector<std::uint32_t> remap(other.values_.size());
        for (std::size_t i = 0; i < other.values_.size(); ++i)
            remap[i] = i == 0 ? 0 : intern(other.values_[i]);
        codes_.reserve(codes_.size() + other.codes_.size());
        for (auto c : other.codes_)
            codes_.push_back(remap[c]);
    } else {
        const std::uint64_t base = arena_.size();
        arena_.append(other.arena_);
        ends_.reserve(ends_.size() + other.ends_.size());
        for (auto e : other.ends_)
            ends_.push_back(base + e);
    }
}

void StringColumn::reserve(std::size_t rows) {
    if (kind_ == Kind::Dictionary)
        codes_.reserve(rows);
    else
        ends_.reserve(rows);
}

std::size_t StringColumn::memoryBytes() const {
    std::size_t bytes = codes_.capacity() * sizeof(std::uint32_t) + arena_.capacity() +
                        ends_.capacity() * sizeof(std::uint64_t);
    for (const auto& v : values_)
        bytes += sizeof(std::string) * 2 + v.capacity() + 32;
    return bytes;
}

} // namespace sw
