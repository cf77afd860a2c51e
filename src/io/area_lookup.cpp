// Area-to-ward lookup reading.
#include "io/area_lookup.hpp"

#include "core/csv_records.hpp"
#include "core/text.hpp"
#include "io/text_file.hpp"

#include <regex>

namespace sw::io {

Result<AreaLookup> readAreaLookup(const std::string& path) {
    AreaLookup out;
    out.report.path = path;
    out.report.format = "area-to-ward lookup CSV";
    auto text = readTextFile(path);
    if (!text)
        return text.failure();
    const std::string& data = text.value();
    CsvRecordReader reader(data, guessDelimiter(std::string_view(data).substr(0, data.find('\n'))));
    std::vector<std::string_view> f;
    if (!reader.next(f))
        return Error{path + ": the file is empty"};
    static const std::regex ward_re("^wd[0-9]{0,2}cd$", std::regex::icase);
    static const std::regex code_re("^[a-z]+[0-9]{0,2}cd$", std::regex::icase);
    int area = -1, ward = -1;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const std::string name(trim(f[i]));
        if (ward < 0 && std::regex_match(name, ward_re))
            ward = static_cast<int>(i);
        else if (area < 0 && std::regex_match(name, code_re) && !startsWith(lower(name), "lad"))
            area = static_cast<int>(i);
    }
    if (area < 0 || ward < 0)
        return Error{path + ": line 1: not an area-to-ward lookup (needs an area code column such "
                            "as LSOA21CD and a ward code column such as WD23CD)"};
    out.area_column = std::string(trim(f[static_cast<std::size_t>(area)]));
    out.ward_column = std::string(trim(f[static_cast<std::size_t>(ward)]));
    const auto a = static_cast<std::size_t>(area), w = static_cast<std::size_t>(ward);
    while (reader.next(f)) {
        ++out.report.rows_read;
        const std::uint64_t line = reader.recordLine();
        if (f.size() <= std::max(a, w) || trim(f[a]).empty() || trim(f[w]).empty()) {
            out.report.rejected.add("no area or ward code", line);
            continue;
        }
        const auto [it, fresh] =
            out.ward_of.emplace(std::string(trim(f[a])), std::string(trim(f[w])));
        if (!fresh) {
            out.report.rejected.add("area code given before (the first is kept)", line);
            continue;
        }
        ++out.report.rows_kept;
    }
    if (out.ward_of.empty())
        return Error{path + ": the lookup has no rows"};
    return out;
}

} // namespace sw::io
