// A named text column: dictionary-encoded for repetitive values, or plain for unique ids.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sw {

struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class StringColumn {
  public:
    enum class Kind { Dictionary, Plain };

    StringColumn(std::string name, Kind kind);

    const std::string& name() const { return name_; }
    Kind kind() const { return kind_; }
    std::size_t size() const { return kind_ == Kind::Dictionary ? codes_.size() : ends_.size(); }

    void push(std::string_view value);
    void pushEmpty(std::size_t count);
    std::string_view at(std::size_t row) const;

    // Dictionary columns only: the code of a row and the distinct values (code 0 is "").
    std::uint32_t code(std::size_t row) const { return codes_[row]; }
    const std::vector<std::string>& values() const { return values_; }
    // Code of a value, or -1 when the column never holds it (dictionary columns only).
    std::int64_t findCode(std::string_view value) const;

    // Appends all rows of another column of the same kind (codes remapped).
    void append(const StringColumn& other);
    void reserve(std::size_t rows);
    // Bytes held, for memory reports.
    std::size_t memoryBytes() const;

  private:
    std::uint32_t intern(std::string_view value);

    std::string name_;
    Kind kind_;
    std::vector<std::uint32_t> codes_;
    std::vector<std::string> values_;
    std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> index_;
    std::string arena_;
    std::vector<std::uint64_t> ends_;
};

} // namespace sw
