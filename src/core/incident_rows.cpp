// Row-level parsing of incident CSV records into columns.
#include "core/incident_rows.hpp"

#include "core/calendar_date.hpp"
#include "core/csv_records.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sw {

std::optional<double> parseNumber(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
        t.remove_suffix(1);
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    if (t.empty())
        return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || ptr != t.data() + t.size())
        return std::nullopt;
    return v;
}

IncidentTable makeIncidentTable(const IncidentSchema& schema) {
    IncidentTable t;
    for (std::size_t i = 0; i < schema.text_names.size(); ++i)
        t.text.emplace_back(schema.text_names[i], schema.text_plain[i]
                                                      ? StringColumn::Kind::Plain
                                                      : StringColumn::Kind::Dictionary);
    return t;
}

IncidentRowBuilder::IncidentRowBuilder(const IncidentSchema& s) : s_(s) {
    out_.table = makeIncidentTable(s);
    out_.table.files.emplace_back();
}

void IncidentRowBuilder::add(std::vector<std::string_view>& f, std::uint64_t line) {
    const IncidentSchema& s = s_;
    IncidentTable& t = out_.table;
    ++out_.records;
    const bool by_postcode = s.postcode_col >= 0 && s.postcodes;
    const auto xc = static_cast<std::size_t>(by_postcode ? s.postcode_col : s.x_col);
    const auto yc = static_cast<std::size_t>(by_postcode ? s.postcode_col : s.y_col);
    if (f.size() != s.field_count) {
        // Tolerate a missing trailing empty field, reject anything else.
        if (!(f.size() + 1 == s.field_count && f.size() > std::max(xc, yc))) {
            out_.rejected.add(
                "wrong number of fields (expected " + std::to_string(s.field_count) + ")", line);
            return;
        }
        f.emplace_back();
    }
    std::optional<double> vx, vy;
    if (by_postcode) {
        const std::string_view pc = f[xc];
        if (pc.find_first_not_of(" \t") == std::string_view::npos)
            return out_.rejected.add("no postcode", line);
        const auto key = postcodeKey(pc);
        const PostcodePoint* at = key ? s.postcodes->find(*key) : nullptr;
        if (!at) {
            if (out_.unknown_postcodes.size() < 5)
                out_.unknown_postcodes.emplace_back(std::string(pc), line);
            return out_.rejected.add(key ? "postcode not in the postcode file" : "not a postcode",
                                     line);
        }
        vx = at->easting;
        vy = at->northing;
        out_.terminated_postcodes += at->terminated ? 1 : 0;
        ++out_.by_postcode;
    } else {
        const std::string_view fx = f[xc], fy = f[yc];
        if (fx.empty() || fy.empty())
            return out_.rejected.add("no coordinates", line);
        vx = parseNumber(fx);
        vy = parseNumber(fy);
    }
    if (!vx || !vy)
        return out_.rejected.add("unparsable coordinate", line);
    if (!std::isfinite(*vx) || !std::isfinite(*vy))
        return out_.rejected.add("coordinate not finite (NaN or infinity)", line);
    if (s.coords == CoordKind::LonLat && (std::abs(*vx) > 180.0 || std::abs(*vy) > 90.0))
        return out_.rejected.add("longitude/latitude out of range", line);
    MonthIndex m = kNoMonth;
    std::optional<DayNumber> d;
    std::optional<int> minute;
    if (s.month_col >= 0) {
        std::string_view fm = f[static_cast<std::size_t>(s.month_col)];
        if (fm.empty())
            return out_.rejected.add("no month or date", line);
        std::optional<std::string> uk; // a month/day/year date, put day first
        if (s.month_first && (uk = dayFirstFromMonthFirst(fm)))
            fm = *uk;
        auto pm = parseMonth(fm);
        if (!pm)
            pm = parseDateAsMonth(fm);
        if (!pm && !s.month_first && looksMonthFirst(fm))
            return out_.rejected.add("date not day/month/year (month/day/year? give --date-order "
                                     "mdy)",
                                     line);
        if (!pm)
            return out_.rejected.add("unparsable month or date", line);
        m = *pm;
        d = parseDateAsDay(fm); // a partner's date keeps its day, and its time
        if (d)
            minute = parseTimeOfDay(fm);
    }
    t.x.push_back(*vx);
    t.y.push_back(*vy);
    t.month.push_back(m);
    if (d) { // the first dated row starts the column; month-only rows before it get none
        t.day.resize(t.month.size() - 1, kNoDay);
        t.day.push_back(*d);
    } else if (!t.day.empty()) {
        t.day.push_back(kNoDay);
    }
    if (minute) {
        t.minute.resize(t.month.size() - 1, -1);
        t.minute.push_back(static_cast<std::int16_t>(*minute));
    } else if (!t.minute.empty()) {
        t.minute.push_back(-1);
    }
    t.ward.push_back(kOutsideWards);
    t.line.push_back(static_cast<std::uint32_t>(line));
    t.file.push_back(0);
    const std::string_view ft = s.type_col >= 0 ? f[static_cast<std::size_t>(s.type_col)] : "";
    t.crime_type.push(ft.empty() ? std::string_view("Unspecified") : ft);
    for (std::size_t i = 0; i < s.text_cols.size(); ++i)
        t.text[i].push(f[static_cast<std::size_t>(s.text_cols[i])]);
}

ParsedRows parseIncidentRows(std::string_view data, const IncidentSchema& s, char delimiter) {
    IncidentRowBuilder builder(s);
    builder.rows().table.reserve(data.size() / 160 + 16);
    CsvRecordReader reader(data, delimiter);
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        if (reader.unterminatedQuote())
            builder.reject("unterminated quoted field", reader.recordLine());
        else if (reader.recordBytes() > kMaxRecordBytes)
            builder.reject("line longer than 1 MiB (the limit)", reader.recordLine());
        else
            builder.add(f, reader.recordLine());
    }
    builder.rows().lines = reader.linesConsumed();
    return std::move(builder.rows());
}

} // namespace sw
