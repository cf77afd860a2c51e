#include "session/sources_file.hpp"

#include "core/text.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <filesystem>

namespace sw {

namespace fs = std::filesystem;

std::optional<bool> parseDateOrder(const std::string& v) {
    if (v == "dmy" || v == "DMY")
        return false;
    if (v == "mdy" || v == "MDY")
        return true;
    return std::nullopt;
}

std::optional<MonthSpan> parseCovers(const std::string& v) {
    const auto dots = v.find("..");
    const auto from = parseMonth(v.substr(0, dots));
    const auto to = dots == std::string::npos ? from : parseMonth(v.substr(dots + 2));
    if (!from || !to || *to < *from || *to - *from >= 1200)
        return std::nullopt;
    return MonthSpan{*from, *to};
}

namespace {

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

std::optional<bool> yesNo(const std::string& v) {
    std::string l = v;
    std::transform(l.begin(), l.end(), l.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (l == "yes" || l == "true" || l == "1")
        return true;
    if (l == "no" || l == "false" || l == "0")
        return false;
    return std::nullopt;
}

struct Block {
    std::string name;
    std::size_t line = 0;
    std::vector<std::string> paths;
    SourceOptions options;
    std::vector<std::string> keys; // given once each
};

constexpr const char* kKeys = "path, x-field, y-field, lonlat, month-field, date-order, "
                              "type-field, postcode-field, xy-crs, covers, public";

} // namespace

Result<SourcesFile> parseSourcesFile(std::string_view text, const std::string& file,
                                     const std::string& base_dir) {
    std::vector<Block> blocks;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        const std::string_view raw =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        std::string line = trimmed(raw);
        if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line = trimmed(line.substr(3));
        if (line.empty() || line[0] == '#')
            continue;
        const std::string at = file + " line " + std::to_string(line_no) + ": ";
        if (line.front() == '[') {
            if (line.back() != ']' || trimmed(line.substr(1, line.size() - 2)).empty())
                return badRequest(at + "a source starts with its name in brackets, e.g. "
                                       "[Council ASB log]");
            Block b;
            b.name = trimmed(line.substr(1, line.size() - 2));
            b.line = line_no;
            for (const auto& o : blocks)
                if (equalsIgnoreCase(o.name, b.name))
                    return badRequest(at + "the source [" + b.name + "] is named twice (line " +
                                      std::to_string(o.line) + ")");
            blocks.push_back(std::move(b));
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            return badRequest(at + "expected 'key = value' or a [source] heading, got '" + line +
                              "'");
        const std::string key = trimmed(line.substr(0, eq));
        const std::string value = trimmed(line.substr(eq + 1));
        if (blocks.empty())
            return badRequest(at + "'" + key + "' before any [source] heading");
        Block& b = blocks.back();
        if (value.empty())
            return badRequest(at + "'" + key + "' has no value");
        if (key != "path") {
            if (std::find(b.keys.begin(), b.keys.end(), key) != b.keys.end())
                return badRequest(at + "'" + key + "' given twice for [" + b.name + "]");
            b.keys.push_back(key);
        }
        SourceOptions& o = b.options;
        auto columns = [&]() -> CsvColumnOptions& {
            if (!o.columns)
                o.columns.emplace();
            return *o.columns;
        };
        if (key == "path") {
            fs::path p(value);
            if (p.is_relative() && !base_dir.empty())
                p = fs::path(base_dir) / p;
            b.paths.push_back(p.lexically_normal().string());
        } else if (key == "x-field") {
            columns().x = value;
        } else if (key == "y-field") {
            columns().y = value;
        } else if (key == "month-field" || key == "date-field") {
            columns().month = value;
        } else if (key == "type-field") {
            columns().type = value;
        } else if (key == "postcode-field") {
            columns().postcode = value;
        } else if (key == "lonlat") {
            const auto yn = yesNo(value);
            if (!yn)
                return badRequest(at + "lonlat must be yes or no, got '" + value + "'");
            columns().lonlat_hint = *yn;
        } else if (key == "date-order") {
            const auto order = parseDateOrder(value);
            if (!order)
                return badRequest(at + "date-order must be dmy or mdy, got '" + value + "'");
            columns().month_first = *order;
        } else if (key == "xy-crs") {
            o.xy_crs = value;
        } else if (key == "covers") {
            o.covers = parseCovers(value);
            if (!o.covers)
                return badRequest(at + "covers " + value +
                                  ": give the months as FROM..TO, e.g. 2025-01..2025-06");
        } else if (key == "public") {
            const auto yn = yesNo(value);
            if (!yn)
                return badRequest(at + "public must be yes or no, got '" + value + "'");
            o.is_public = *yn;
        } else {
            return badRequest(at + "unknown key '" + key + "' (the keys are " + kKeys + ")");
        }
    }
    if (blocks.empty())
        return badRequest(file + ": no sources (a source starts with [its name], then path = ...)");
    SourcesFile out;
    for (auto& b : blocks) {
        if (b.paths.empty())
            return badRequest(file + " line " + std::to_string(b.line) + ": the source [" + b.name +
                              "] has no path");
        b.options.name = b.name;
        for (const auto& p : b.paths) {
            SourceOptions so = b.options;
            so.path = p;
            out.paths.push_back(p);
            out.sources.push_back(std::move(so));
        }
    }
    return out;
}

Result<SourcesFile> readSourcesFile(const std::string& path) {
    auto text = io::readTextFile(path, 1u << 20);
    if (!text)
        return text.failure();
    return parseSourcesFile(text.value(), path, fs::path(path).parent_path().string());
}

void addSources(LoadRequest& request, const SourcesFile& sources) {
    request.incident_paths.insert(request.incident_paths.end(), sources.paths.begin(),
                                  sources.paths.end());
    request.sources.insert(request.sources.end(), sources.sources.begin(), sources.sources.end());
}

} // namespace sw
