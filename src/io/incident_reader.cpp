// Incident file reading: a parallel CSV reader over GDAL's virtual file API (so files inside
// .zip or .gz archives work too), and GDAL/OGR for every other vector format.
#include "io/incident_reader.hpp"

#include "core/csv_records.hpp"
#include "core/incident_rows.hpp"
#include "core/parallel.hpp"
#include "core/text_decoding.hpp"
#include "io/gdal_setup.hpp"
#include "io/input_files.hpp"
#include "io/vector_source.hpp"

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace sw::io {
namespace {

constexpr std::size_t kBlockBytes = 16u << 20; // read size per block

struct VsiCloser {
    void operator()(VSILFILE* f) const {
        if (f)
            VSIFCloseL(f);
    }
};

bool isCsvPath(const std::string& path) {
    return endsWithIgnoreCase(path, ".csv") || endsWithIgnoreCase(path, ".tsv") ||
           endsWithIgnoreCase(path, ".csv.gz") || endsWithIgnoreCase(path, ".txt");
}

// Parses the complete records in `data` on several threads and appends them in order.
// `cuts` (from recordCuts) split it into runs of whole records, one a thread.
void parseBlock(std::string_view data, const std::vector<std::size_t>& cuts,
                const IncidentSchema& schema, char delim, unsigned threads,
                std::uint64_t first_line, IncidentFile& out) {
    const std::size_t parts = cuts.size() - 1;
    std::vector<ParsedRows> parsed(parts);
    parallelChunks(parts, 1, threads, [&](std::size_t b, std::size_t, std::size_t) {
        parsed[b] = parseIncidentRows(data.substr(cuts[b], cuts[b + 1] - cuts[b]), schema, delim);
    });
    std::uint64_t line = first_line;
    for (auto& p : parsed) {
        p.table.files = out.table.files; // file index 0 is this file
        out.table.append(p.table, static_cast<std::uint32_t>(line));
        out.report.rejected.merge(p.rejected, line);
        out.report.rows_read += p.records;
        out.by_postcode += p.by_postcode;
        out.terminated_postcodes += p.terminated_postcodes;
        for (const auto& [value, at] : p.unknown_postcodes)
            if (out.unknown_postcodes.size() < 5)
                out.unknown_postcodes.emplace_back(value, at + line);
        line += p.lines;
    }
}

// Raw blocks of a file through GDAL's virtual file API, decoded (UTF-16 to UTF-8, CR-only line
// ends to LF) and appended to a buffer.
class BlockReader {
  public:
    // `size_hint`: the file's size when known, so a small file does not pay for a 16 MiB buffer.
    BlockReader(VSILFILE* f, Progress* progress, std::uint64_t size_hint)
        : f_(f), progress_(progress),
          block_(size_hint > 0
                     ? static_cast<std::size_t>(std::min<std::uint64_t>(size_hint + 1, kBlockBytes))
                     : kBlockBytes) {}
    // Appends the next decoded block to `buf`; 0 at the end of the file.
    std::size_t readMore(std::string& buf) {
        if (raw_.size() < block_)
            raw_.resize(block_);
        const std::size_t got = VSIFReadL(raw_.data(), 1, block_, f_);
        raw_bytes_ += got;
        if (progress_)
            progress_->add(got);
        const std::size_t before = buf.size();
        decoder_.decode(std::string_view(raw_.data(), got), buf);
        return got == 0 ? 0 : std::max<std::size_t>(1, buf.size() - before);
    }
    std::uint64_t rawBytes() const { return raw_bytes_; }
    const TextDecoder& decoder() const { return decoder_; }

  private:
    VSILFILE* f_;
    Progress* progress_;
    std::size_t block_;
    std::string raw_;
    std::uint64_t raw_bytes_ = 0;
    TextDecoder decoder_;
};

std::string mib(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

// The header record: its fields, where the data starts, and the delimiter; or why not.
struct CsvHeader {
    std::vector<std::string> names; // owned: the reader that split them is gone
    std::size_t end = 0;
    std::uint64_t lines = 0;
    char delim = ',';
};

Result<CsvHeader> readHeader(const std::string& buf, bool eof) {
    const auto nl = buf.find('\n');
    if ((nl == std::string::npos && !eof) || (nl != std::string::npos && nl > kMaxLineBytes))
        return Error{"line 1 (the header) is longer than " + mib(kMaxLineBytes) +
                     " (the limit): is this a CSV file?"};
    CsvHeader h;
    h.end = nl == std::string::npos ? buf.size() : nl + 1;
    h.delim = guessDelimiter(std::string_view(buf).substr(0, h.end));
    CsvRecordReader reader(std::string_view(buf).substr(0, h.end), h.delim);
    std::vector<std::string_view> split;
    reader.next(split);
    h.names.assign(split.begin(), split.end());
    h.lines = reader.linesConsumed();
    if (h.names.size() > kMaxColumns)
        return Error{"line 1: the header has " + std::to_string(h.names.size()) +
                     " columns; the limit is " + std::to_string(kMaxColumns)};
    return h;
}

void readCsv(const std::string& path, const IncidentReadOptions& opt, Progress* progress,
             IncidentFile& out) {
    if (const std::string problem = fileProblem(path); !problem.empty()) {
        out.report.error = path + ": " + problem;
        return;
    }
    const std::string vpath = vsiPath(path);
    std::unique_ptr<VSILFILE, VsiCloser> f(VSIFOpenL(vpath.c_str(), "rb"));
    if (!f) {
        out.report.error = path + ": cannot open the file (" + lastGdalError() + ")";
        return;
    }
    VSIStatBufL st{};
    if (VSIStatL(vpath.c_str(), &st) != 0)
        st.st_size = 0;
    if (progress && progress->total() == 0) // one file on its own; a loader sets the total
        progress->setTotal(static_cast<std::uint64_t>(st.st_size));

    BlockReader reader(f.get(), progress, static_cast<std::uint64_t>(st.st_size));
    std::string buf;
    bool eof = reader.readMore(buf) == 0;
    if (buf.empty()) {
        out.report.error = path + ": the file is empty";
        return;
    }
    // Header: the first record (read more until one whole line is in, up to the limit).
    while (!eof && buf.find('\n') == std::string::npos && buf.size() <= kMaxLineBytes)
        eof = reader.readMore(buf) == 0;
    auto header = readHeader(buf, eof);
    if (!header) {
        out.report.error = path + ": " + header.error();
        return;
    }
    const CsvHeader& h = header.value();
    const std::vector<std::string_view> fields(h.names.begin(), h.names.end());
    const PoliceUkFile kind = policeUkFileKind(fields);
    if (kind == PoliceUkFile::Outcomes) {
        out.report.format = "police.uk outcomes CSV";
        out.report.skipped = "the outcomes of crimes, not incidents: not loaded";
        return;
    }
    if (kind == PoliceUkFile::StopAndSearch && !opt.stop_and_search) {
        out.report.format = "police.uk stop and search CSV";
        out.report.skipped = "stop and search records, not crimes: not loaded (--stop-and-search, "
                             "or the Data panel's check box, loads them as a layer of their own)";
        return;
    }
    auto schema = detectIncidentSchema(fields, opt.columns, opt.postcodes);
    if (!schema) {
        out.report.error = path + ": line 1: " + schema.error();
        return;
    }
    const IncidentSchema& s = schema.value();
    out.report.format = s.police_uk                           ? "police.uk street-level CSV"
                        : kind == PoliceUkFile::StopAndSearch ? "police.uk stop and search CSV"
                                                              : "CSV";
    out.source_crs = s.postcode_col >= 0             ? "EPSG:27700" // postcode files' grid
                     : s.coords == CoordKind::LonLat ? "EPSG:4326"
                                                     : opt.xy_crs;
    if (!reader.decoder().conversions().empty())
        out.report.warnings.push_back(path + ": " + reader.decoder().conversions());
    for (const auto& w : s.warnings)
        out.report.warnings.push_back(path + ": " + w);
    if (s.postcode_col >= 0)
        out.report.warnings.push_back(
            path + ": no coordinates: rows placed by their postcode ('" +
            s.header[static_cast<std::size_t>(s.postcode_col)] + "') through " +
            opt.postcodes->path + " (" + opt.postcodes->format +
            "); a postcode's centroid places an incident to within a few hundred metres");
    else if (s.coords == CoordKind::Projected && !s.police_uk)
        out.report.warnings.push_back(path + ": columns '" +
                                      s.header[static_cast<std::size_t>(s.x_col)] + "'/'" +
                                      s.header[static_cast<std::size_t>(s.y_col)] +
                                      "' read as easting/northing in " + opt.xy_crs);
    if (s.month_col < 0)
        out.report.warnings.push_back(path +
                                      ": no month or date column found; incidents have no month "
                                      "and are left out of period filters");
    out.table = makeIncidentTable(s);
    out.table.files.push_back(path);
    // Reserve for the whole file from the header block's bytes per row, so appending parsed
    // blocks does not reallocate (and copy) the columns as they grow.
    if (st.st_size > 0 && buf.size() > h.end) {
        const std::size_t sample_rows =
            std::max<std::size_t>(1, countNewlines(std::string_view(buf).substr(h.end)));
        const double bytes_per_row =
            static_cast<double>(buf.size() - h.end) / static_cast<double>(sample_rows);
        out.table.reserve(std::min<std::size_t>(
            static_cast<std::size_t>(static_cast<double>(st.st_size) / bytes_per_row * 1.02) + 16,
            50'000'000));
    }

    const unsigned threads = std::max(1u, resolveThreads(static_cast<int>(opt.threads)));
    std::uint64_t line = h.lines + 1; // next physical line number
    std::size_t start = h.end;
    bool skipping = false; // dropping the rest of an over-long line
    for (;;) {
        std::string_view pending = std::string_view(buf).substr(start);
        std::size_t end = pending.size();
        const auto cuts = recordCuts(pending, h.delim, threads, eof ? nullptr : &end);
        if (end > 0) {
            const std::string_view block = pending.substr(0, end);
            parseBlock(block, cuts, s, h.delim, threads, line - 1, out);
            line += countNewlines(block);
            start += end;
            if (!eof)
                continue; // what is left may be the start of an over-long line: check it first
        } else if (!eof && pending.size() > kMaxLineBytes) {
            // One line over the limit (or an unclosed quote): rejected; read on after it.
            out.report.rejected.add("line longer than " + mib(kMaxLineBytes) + " (the limit)",
                                    line);
            ++out.report.rows_read;
            const auto nl = pending.find('\n');
            if (nl != std::string_view::npos) {
                start += nl + 1;
                ++line;
                continue;
            }
            start = buf.size();
            skipping = true;
        }
        if (eof)
            break;
        if (progress && progress->cancelled()) {
            out.report.error = path + ": loading cancelled";
            return;
        }
        if (reader.rawBytes() > kMaxFileBytes) {
            out.report.warnings.push_back(path + ": stopped after " + mib(kMaxFileBytes) +
                                          " (the limit for one file); the rest was not read");
            break;
        }
        buf.erase(0, start);
        start = 0;
        eof = reader.readMore(buf) == 0;
        if (skipping) {
            const auto nl = buf.find('\n');
            buf.erase(0, nl == std::string::npos ? buf.size() : nl + 1);
            if (nl != std::string::npos) {
                skipping = false;
                ++line;
            }
        }
    }
    out.report.rows_kept = out.table.size();
    if (s.postcode_col >= 0) {
        if (out.terminated_postcodes)
            out.report.warnings.push_back(
                path + ": " + std::to_string(out.terminated_postcodes) + " of " +
                std::to_string(out.by_postcode) +
                " rows have a terminated postcode (no longer in use): placed at its last "
                "centroid and counted");
        if (!out.unknown_postcodes.empty()) {
            std::string first;
            for (const auto& [value, at] : out.unknown_postcodes)
                first += (first.empty() ? "" : ", ") +
                         ("'" + value + "' (line " + std::to_string(at) + ")");
            out.report.warnings.push_back(path +
                                          ": postcodes the postcode file does not hold "
                                          "(rejected), the first: " +
                                          first);
        }
    }
    if (kind == PoliceUkFile::StopAndSearch) {
        const std::size_t col =
            out.table.addTextColumn(kRecordKindColumn, StringColumn::Kind::Dictionary);
        StringColumn filled(kRecordKindColumn, StringColumn::Kind::Dictionary);
        for (std::size_t i = 0; i < out.table.size(); ++i)
            filled.push(kStopAndSearchKind);
        out.table.text[col] = std::move(filled);
    }
    if (out.report.rows_read == 0)
        out.report.warnings.push_back(path + ": the file has a header but no data rows");
}

std::string fieldText(OGRFeature& feat, int i) {
    if (!feat.IsFieldSetAndNotNull(i))
        return {};
    return feat.GetFieldAsString(i);
}

void readVector(const std::string& path, const IncidentReadOptions& opt, Progress* progress,
                IncidentFile& out) {
    auto src = openVectorSource(path);
    if (!src) {
        out.report.error = src.error();
        return;
    }
    OGRLayer* layer = src.value().layer(0);
    out.report.format = src.value().format;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int nf = defn->GetFieldCount();
    // A header of the attribute fields plus the geometry's x and y.
    std::vector<std::string> names;
    for (int i = 0; i < nf; ++i)
        names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    names.emplace_back("__x");
    names.emplace_back("__y");
    std::vector<std::string_view> header(names.begin(), names.end());
    CsvColumnOptions cols = opt.columns;
    cols.x = "__x";
    cols.y = "__y";
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    cols.lonlat_hint = srs == nullptr || srs->IsGeographic();
    auto schema = detectIncidentSchema(header, cols);
    if (!schema) {
        out.report.error = path + ": " + schema.error();
        return;
    }
    if (srs) {
        char* wkt = nullptr;
        const char* wkt_opts[] = {"FORMAT=WKT2_2018", nullptr};
        srs->exportToWkt(&wkt, wkt_opts);
        out.source_crs = srs->IsGeographic() ? "EPSG:4326" : (wkt ? wkt : "");
        // Geographic CRSs other than WGS84 keep their own definition.
        if (srs->IsGeographic() && srs->GetAuthorityCode(nullptr) &&
            std::string(srs->GetAuthorityCode(nullptr)) != "4326" && wkt)
            out.source_crs = wkt;
        CPLFree(wkt);
    } else {
        out.source_crs = "EPSG:4326";
        out.report.warnings.push_back(
            path + ": the layer has no CRS; coordinates read as WGS84 longitude/latitude");
    }
    IncidentRowBuilder builder(schema.value());
    // Progress in the file's bytes (as CSV files count it), spread over its features.
    const std::uint64_t bytes = inputBytes(path);
    const auto features =
        static_cast<std::uint64_t>(std::max<GIntBig>(1, layer->GetFeatureCount(FALSE)));
    if (progress && progress->total() == 0)
        progress->setTotal(bytes);
    std::uint64_t reported = 0;
    std::vector<std::string> values(static_cast<std::size_t>(nf) + 2);
    std::vector<std::string_view> fields;
    std::uint64_t number = 0;
    layer->ResetReading();
    for (auto& feat : *layer) {
        ++number;
        const OGRGeometry* g = feat->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            builder.reject("no geometry", number);
            continue;
        }
        if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
            builder.reject("not a point geometry", number);
            continue;
        }
        const auto* p = g->toPoint();
        for (int i = 0; i < nf; ++i)
            values[static_cast<std::size_t>(i)] = fieldText(*feat, i);
        char num[64];
        std::snprintf(num, sizeof num, "%.17g", p->getX());
        values[static_cast<std::size_t>(nf)] = num;
        std::snprintf(num, sizeof num, "%.17g", p->getY());
        values[static_cast<std::size_t>(nf) + 1] = num;
        fields.assign(values.begin(), values.end());
        builder.add(fields, number);
        if (progress) {
            const std::uint64_t due = bytes * std::min(number, features) / features;
            progress->add(due - reported);
            reported = due;
        }
    }
    ParsedRows& rows = builder.rows();
    out.table = std::move(rows.table);
    out.table.files = {path};
    out.report.rejected = std::move(rows.rejected);
    out.report.rows_read = rows.records;
    out.report.rows_kept = out.table.size();
    if (out.report.rows_read == 0)
        out.report.warnings.push_back(path + ": the layer has no features");
}

} // namespace

IncidentFile readIncidentFile(const std::string& path, const IncidentReadOptions& opt,
                              Progress* progress) {
    ensureGdal();
    IncidentFile out;
    out.report.path = path;
    if (isCsvPath(path))
        readCsv(path, opt, progress, out);
    else
        readVector(path, opt, progress, out);
    if (!out.report.error.empty())
        out.table = IncidentTable{};
    return out;
}

} // namespace sw::io
