// A CSV output read back as rows of column -> value, for tests that check written tables.
#pragma once

#include "core/csv_records.hpp"
#include "test_support.hpp"

#include <map>
#include <string>
#include <vector>

namespace sw::test {

inline std::vector<std::map<std::string, std::string>> readCsv(const std::string& path) {
    const std::string text = readFile(path);
    CsvRecordReader r(text);
    std::vector<std::string_view> f;
    r.next(f);
    const std::vector<std::string> header(f.begin(), f.end());
    std::vector<std::map<std::string, std::string>> rows;
    while (r.next(f)) {
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i)
            row[header[i]] = std::string(f[i]);
        rows.push_back(row);
    }
    return rows;
}

} // namespace sw::test
