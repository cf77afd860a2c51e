// Incident table column management.
#include "core/incident_table.hpp"

#include <algorithm>
#include <cctype>

namespace sw {

std::vector<std::uint8_t> IncidentTable::rowsOfKind(std::string_view kind) const {
    const auto col = textColumn(kRecordKindColumn);
    if (!col)
        return kind.empty() ? std::vector<std::uint8_t>{} : std::vector<std::uint8_t>(size(), 0);
    const StringColumn& c = text[*col];
    const std::int64_t code = kind.empty() ? 0 : c.findCode(kind);
    std::vector<std::uint8_t> out(size(), 0);
    if (code < 0)
        return out;
    for (std::size_t i = 0; i < size(); ++i)
        out[i] = c.code(i) == static_cast<std::uint32_t>(code) ? 1 : 0;
    return out;
}

std::optional<std::size_t> IncidentTable::textColumn(std::string_view name) const {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (equalsIgnoreCase(text[i].name(), name))
            return i;
    return std::nullopt;
}

std::size_t IncidentTable::addTextColumn(const std::string& name, StringColumn::Kind kind) {
    text.emplace_back(name, kind);
    text.back().pushEmpty(size());
    return text.size() - 1;
}

void IncidentTable::append(const IncidentTable& o, std::uint32_t line_offset) {
    const std::size_t before = size();
    x.insert(x.end(), o.x.begin(), o.x.end());
    y.insert(y.end(), o.y.begin(), o.y.end());
    month.insert(month.end(), o.month.begin(), o.month.end());
    if (!day.empty() || !o.day.empty()) { // days where either has them, none elsewhere
        day.resize(before, INT32_MIN);
        if (o.day.empty())
            day.resize(before + o.size(), INT32_MIN);
        else
            day.insert(day.end(), o.day.begin(), o.day.end());
    }
    if (!minute.empty() || !o.minute.empty()) { // likewise the times of day
        minute.resize(before, -1);
        if (o.minute.empty())
            minute.resize(before + o.size(), -1);
        else
            minute.insert(minute.end(), o.minute.begin(), o.minute.end());
    }
    ward.insert(ward.end(), o.ward.begin(), o.ward.end());
    line.reserve(line.size() + o.line.size());
    for (auto l : o.line)
        line.push_back(l + line_offset);
    // Map the other table's files onto ours (same path -> same index).
    std::vector<std::uint16_t> file_map(o.files.size());
    for (std::size_t i = 0; i < o.files.size(); ++i) {
        auto it = std::find(files.begin(), files.end(), o.files[i]);
        if (it == files.end()) {
            files.push_back(o.files[i]);
            it = std::prev(files.end());
        }
        file_map[i] = static_cast<std::uint16_t>(it - files.begin());
    }
    file.reserve(file.size() + o.file.size());
    for (auto f : o.file)
        file.push_back(file_map[f]);
    crime_type.append(o.crime_type);

    std::vector<bool> filled(text.size(), false);
    for (const auto& col : o.text) {
        auto idx = textColumn(col.name());
        if (!idx) {
            text.emplace_back(col.name(), col.kind());
            text.back().pushEmpty(before);
            idx = text.size() - 1;
            filled.push_back(false);
        }
        if (text[*idx].kind() == col.kind()) {
            text[*idx].append(col);
        } else {
            for (std::size_t r = 0; r < col.size(); ++r)
                text[*idx].push(col.at(r));
        }
        filled[*idx] = true;
    }
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!filled[i])
            text[i].pushEmpty(o.size());
}

void IncidentTable::reserve(std::size_t rows) {
    x.reserve(rows);
    y.reserve(rows);
    month.reserve(rows);
    ward.reserve(rows);
    line.reserve(rows);
    file.reserve(rows);
    crime_type.reserve(rows);
    for (auto& t : text)
        t.reserve(rows);
}

std::optional<std::pair<MonthIndex, MonthIndex>> IncidentTable::monthRange() const {
    // Rows without a month (kNoMonth) do not widen the range.
    std::optional<std::pair<MonthIndex, MonthIndex>> out;
    for (MonthIndex m : month) {
        if (m == kNoMonth)
            continue;
        if (!out)
            out = std::make_pair(m, m);
        out->first = std::min(out->first, m);
        out->second = std::max(out->second, m);
    }
    return out;
}

Box IncidentTable::bounds() const {
    Box b = emptyBox();
    for (std::size_t i = 0; i < size(); ++i)
        expandBox(b, x[i], y[i]);
    return b;
}

std::size_t IncidentTable::memoryBytes() const {
    std::size_t bytes = x.capacity() * 8 + y.capacity() * 8 + month.capacity() * 4 +
                        ward.capacity() * 4 + line.capacity() * 4 + file.capacity() * 2 +
                        day.capacity() * 4 + minute.capacity() * 2 + crime_type.memoryBytes();
    for (const auto& t : text)
        bytes += t.memoryBytes();
    return bytes;
}

IncidentTable filterRows(const IncidentTable& t, const std::vector<std::uint8_t>& keep) {
    IncidentTable out;
    out.files = t.files;
    out.sources = t.sources;
    out.source_of_file = t.source_of_file;
    for (const auto& col : t.text)
        out.text.emplace_back(col.name(), col.kind());
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!keep[i])
            continue;
        out.x.push_back(t.x[i]);
        out.y.push_back(t.y[i]);
        out.month.push_back(t.month[i]);
        if (!t.day.empty())
            out.day.push_back(t.dayOf(i));
        if (!t.minute.empty())
            out.minute.push_back(static_cast<std::int16_t>(t.minuteOf(i)));
        out.ward.push_back(t.ward[i]);
        out.line.push_back(t.line[i]);
        out.file.push_back(t.file[i]);
        out.crime_type.push(t.crime_type.at(i));
        for (std::size_t c = 0; c < t.text.size(); ++c)
            out.text[c].push(t.text[c].at(i));
    }
    return out;
}

} // namespace sw
