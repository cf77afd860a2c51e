// Cutting the loaded incidents to the study area, line for line.
#include "session/district_cut.hpp"

#include "core/text.hpp"
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
        auto text = io::readTextFile(path, std::size_t(8) << 30);
        if (!text)
            return text.failure();
        const std::string& s = text.value();
        std::vector<std::uint32_t>& lines = keep[f];
        std::sort(lines.begin(), lines.end());
        std::size_t pos = 0;
        std::uint32_t number = 0;
        auto next = lines.begin();
        while (pos < s.size()) {
            const auto nl = s.find('\n', pos);
            const std::size_t end = nl == std::string::npos ? s.size() : nl + 1;
            ++number;
            std::string_view line(s.data() + pos, end - pos);
            if (number == 1) {
                std::string header(trim(line));
                if (startsWith(header, "\xEF\xBB\xBF"))
                    header.erase(0, 3);
                if (out.header.empty()) {
                    out.header = header;
                    out.csv = header + "\r\n";
                } else if (header != out.header) {
                    return badRequest(path + ": its header differs from " + t.files[0] +
                                      "'s; cut files of one kind at a time");
                }
            } else if (next != lines.end() && *next == number) {
                out.csv.append(line);
                if (line.empty() || line.back() != '\n')
                    out.csv += "\r\n";
                ++out.rows;
                ++next;
            }
            pos = end;
        }
        ++out.files;
    }
    return out;
}

} // namespace sw
