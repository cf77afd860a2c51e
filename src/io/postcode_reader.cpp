// Postcode directory reading.
#include "io/postcode_reader.hpp"

#include "core/csv_records.hpp"
#include "core/incident_rows.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "io/text_file.hpp"

#include <algorithm>

namespace sw::io {

namespace {

int columnOf(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (equalsIgnoreCase(header[i], n))
                return static_cast<int>(i);
    return -1;
}

} // namespace

PostcodeFile readPostcodeFile(const std::string& path) {
    PostcodeFile out;
    out.report.path = path;
    out.index.path = path;
    auto text = readTextFile(path, std::size_t{4} << 30); // the full ONSPD is about 1.3 GB
    if (!text) {
        out.report.error = text.error();
        return out;
    }
    CsvRecordReader reader(text.value());
    std::vector<std::string_view> f;
    if (!reader.next(f)) {
        out.report.error = path + ": the postcode file is empty";
        return out;
    }
    std::vector<std::string> header;
    for (auto v : f)
        header.emplace_back(trim(v));
    int pc = columnOf(header, {"pcds", "pcd", "pcd2", "postcode"});
    int e = columnOf(header, {"oseast1m", "eastings", "easting"});
    int n = columnOf(header, {"osnrth1m", "northings", "northing"});
    const int lat = columnOf(header, {"lat", "latitude"}),
              lon = columnOf(header, {"long", "lon", "longitude"});
    const int term = columnOf(header, {"doterm"});
    bool headerless = false;
    if (pc < 0 && f.size() >= 4 && postcodeKey(f[0]) && parseNumber(f[2]) && parseNumber(f[3])) {
        headerless = true; // OS Code-Point Open as published: no header line
        pc = 0;
        e = 2;
        n = 3;
        out.index.format = "OS Code-Point Open";
    } else if (pc >= 0 && columnOf(header, {"oseast1m"}) >= 0) {
        out.index.format = "ONS Postcode Directory or NSPL";
    } else if (pc >= 0 && e >= 0) {
        out.index.format = "OS Code-Point Open";
    } else if (pc >= 0 && lat >= 0 && lon >= 0) {
        out.index.format = "postcodes with latitude and longitude";
    }
    const bool grid = e >= 0 && n >= 0;
    if (pc < 0 || (!grid && (lat < 0 || lon < 0))) {
        out.report.error = path +
                           ": line 1: not a postcode file (looked for pcds/pcd or Postcode with "
                           "oseast1m/osnrth1m, Eastings/Northings or lat/long)";
        return out;
    }
    out.report.format = out.index.format;
    out.index.crs = grid ? "EPSG:27700" : "EPSG:4326";
    const int xc = grid ? e : lon, yc = grid ? n : lat;
    const std::size_t need = static_cast<std::size_t>(std::max({pc, xc, yc, term})) + 1;
    // Rows parsed on every core, in line-aligned parts (postcode files hold no quoted line
    // breaks), each into its own points and rejections, joined in order.
    struct Part {
        std::vector<PostcodePoint> points;
        RejectLog rejected;
        std::uint64_t rows = 0, first_line = 0, lines = 0;
    };
    const std::string_view body =
        std::string_view(text.value())
            .substr(std::min(text.value().size(), static_cast<std::size_t>(reader.recordBytes())));
    const unsigned threads = std::max(1u, resolveThreads(0));
    std::vector<std::size_t> cuts = {0};
    for (unsigned t = 1; t < threads; ++t) {
        std::size_t at = body.size() * t / threads;
        at = body.find('\n', at);
        cuts.push_back(at == std::string_view::npos ? body.size() : at + 1);
    }
    cuts.push_back(body.size());
    std::vector<Part> parts(threads);
    parallelChunks(threads, 1, threads, [&](std::size_t b, std::size_t, std::size_t) {
        Part& part = parts[b];
        const std::string_view chunk = body.substr(cuts[b], cuts[b + 1] - cuts[b]);
        part.points.reserve(chunk.size() / 50);
        CsvRecordReader r(chunk);
        std::vector<std::string_view> fields;
        while (r.next(fields)) {
            ++part.rows;
            const std::uint64_t line = r.recordLine();
            if (fields.size() < need) {
                part.rejected.add("too few fields", line);
                continue;
            }
            const auto key = postcodeKey(fields[static_cast<std::size_t>(pc)]);
            if (!key) {
                part.rejected.add("not a postcode", line);
                continue;
            }
            const auto x = parseNumber(fields[static_cast<std::size_t>(xc)]);
            const auto y = parseNumber(fields[static_cast<std::size_t>(yc)]);
            // ONSPD marks a postcode without a grid reference by empty fields (or lat 99.99).
            if (!x || !y || (!grid && *y > 90)) {
                part.rejected.add("no grid reference", line);
                continue;
            }
            part.points.push_back(
                {*key, *x, *y, term >= 0 && !trim(fields[static_cast<std::size_t>(term)]).empty()});
        }
        part.lines = r.linesConsumed();
    });
    // The first record: a data row in a headerless file.
    std::uint64_t line = 1;
    if (headerless) {
        ++out.report.rows_read;
        const auto key = postcodeKey(f[0]);
        out.index.add({*key, *parseNumber(f[2]), *parseNumber(f[3]), false});
    }
    std::size_t total = 0;
    for (const auto& p : parts)
        total += p.points.size();
    out.index.points().reserve(total + 1);
    for (auto& p : parts) {
        out.report.rows_read += p.rows;
        out.report.rejected.merge(p.rejected, line);
        for (const auto& pt : p.points)
            out.index.add(pt);
        line += p.lines;
    }
    if (const std::size_t repeats = out.index.finish())
        out.report.warnings.push_back(path + ": " + std::to_string(repeats) +
                                      " postcodes given more than once; the first is used");
    out.report.rows_kept = out.index.size();
    if (out.index.size() == 0)
        out.report.error = path + ": no usable postcode rows";
    return out;
}

} // namespace sw::io
