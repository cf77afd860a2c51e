// Cutting the loaded incidents to the study area, line for line.
#include "session/district_cut.hpp"

#include "core/csv_records.hpp"
#include "core/text.hpp"
#include "core/text_decoding.hpp"
#include "io/text_file.hpp"

#include <algorithm>

namespace sw {

Result<CutResult> cutToStudyArea(const Session& session) {
    if (session.wards().empty())
        return badRequest("cutting to the district needs --wards (the study area)");
    const IncidentTable& t = session.incidents();
    // The lines to keep, per source file, in file order.
    std::vector<std::vector<std::uint32_t>> keep(t.files.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t.ward[i] >= 0)
            keep[t.file[i]].push_back(t.line[i]);
    CutResult out;
    for (std::size_t f = 0; f < t.files.size(); ++f) {
        const std::string& path = t.files[f];
        if (!endsWithIgnoreCase(path, ".csv"))
            return badRequest(path + ": only CSV files can be cut line for line");
        auto raw = io::readTextFile(path, std::size_t(8) << 30);
        if (!raw)
            return raw.failure();
        // Decoded as the loader decoded it (UTF-16, CR-only line ends), so that line numbers
        // agree; whole records are copied, a quoted field's line breaks included.
        std::string s;
        TextDecoder decoder;
        decoder.decode(raw.value(), s);
        std::vector<std::uint32_t>& lines = keep[f];
        std::sort(lines.begin(), lines.end());
        auto next = lines.begin();
        CsvRecordReader reader(s, guessDelimiter(std::string_view(s).substr(0, s.find('\n'))));
        std::vector<std::string_view> fields;
        bool first = true;
        while (reader.next(fields)) {
            const std::string_view record = reader.recordText();
            if (first) {
                first = false;
                const std::string header(trim(record));
                if (out.header.empty()) {
                    out.header = header;
                    out.csv = header + "\r\n";
                } else if (header != out.header) {
                    return badRequest(path + ": its header differs from " + t.files[0] +
                                      "'s; cut files of one kind at a time");
                }
                continue;
            }
            while (next != lines.end() && *next < reader.recordLine())
                ++next;
            if (next == lines.end() || *next != reader.recordLine())
                continue;
            std::string_view body = record;
            while (!body.empty() && (body.back() == '\n' || body.back() == '\r'))
                body.remove_suffix(1);
            out.csv.append(body);
            out.csv += "\r\n";
            ++out.rows;
            ++next;
        }
        ++out.files;
    }
    return out;
}

} // namespace sw
