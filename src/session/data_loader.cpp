// Loading pipeline: read -> choose CRS -> project -> repair -> assign wards -> population.
#include "session/data_loader.hpp"

#include "core/calendar_date.hpp"
#include "core/location_mask.hpp"
#include "core/parallel.hpp"
#include "geo/crs_transform.hpp"
#include "geo/polygon_repair.hpp"
#include "geo/voronoi_cells.hpp"
#include "geo/ward_locator.hpp"
#include "io/area_lookup.hpp"
#include "io/input_files.hpp"
#include "io/population_reader.hpp"
#include "io/postcode_reader.hpp"
#include "session/mask_key.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace sw {
namespace {

constexpr double kNearMargin_m = 5000.0; // "near the study area" for the swapped-axes check

// Paths as users know them: "/vsizip/a.zip/b.csv" -> "a.zip/b.csv".
std::string displayPath(const std::string& p) {
    for (const char* prefix : {"/vsizip/", "/vsigzip/"})
        if (p.rfind(prefix, 0) == 0)
            return p.substr(std::string(prefix).size());
    return p;
}

std::string fileLine(const FileReport& r, const char* unit) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%llu %s read, %llu kept, %llu rejected",
                  static_cast<unsigned long long>(r.rows_read), unit,
                  static_cast<unsigned long long>(r.rows_kept),
                  static_cast<unsigned long long>(r.rejected.total()));
    return displayPath(r.path) + (r.format.empty() ? "" : " (" + r.format + ")") + ": " + buf;
}

void appendFileLines(std::vector<std::string>& out, const FileReport& r, const char* unit,
                     const char* line_unit) {
    if (!r.error.empty()) {
        out.push_back("  ERROR " + r.error);
        return;
    }
    if (!r.skipped.empty()) {
        out.push_back("  " + displayPath(r.path) + (r.format.empty() ? "" : " (" + r.format + ")") +
                      ": skipped: " + r.skipped);
        return;
    }
    out.push_back("  " + fileLine(r, unit));
    for (const auto& reason : r.rejected.reasons())
        out.push_back("    rejected, " + describeReason(reason, line_unit));
    for (const auto& w : r.warnings)
        out.push_back("    warning: " + w);
}

void transformRing(const geo::CrsTransform& t, Ring& ring) {
    std::vector<double> x(ring.size()), y(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        x[i] = ring[i].x();
        y[i] = ring[i].y();
    }
    t.transform(x.data(), y.data(), x.size());
    for (std::size_t i = 0; i < ring.size(); ++i)
        ring[i] = Point(x[i], y[i]);
}

bool ringFinite(const Ring& r) {
    return std::all_of(r.begin(), r.end(),
                       [](const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); });
}

std::optional<std::pair<double, double>> toLonLat(const std::string& crs, double x, double y) {
    if (crs == "EPSG:4326")
        return std::make_pair(x, y);
    auto t = geo::CrsTransform::create(crs, "EPSG:4326");
    if (!t)
        return std::nullopt;
    t.value().transform(&x, &y, 1);
    if (!std::isfinite(x) || !std::isfinite(y))
        return std::nullopt;
    return std::make_pair(x, y);
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// Centre of the data in WGS84 degrees: the wards' bounds, else the first file's median point.
std::optional<std::pair<double, double>> dataCentre(const io::WardFile* wf,
                                                    const std::vector<io::IncidentFile>& files) {
    if (wf && !wf->wards.empty()) {
        Box b = emptyBox();
        for (const auto& w : wf->wards.wards) {
            Box part;
            bg::envelope(w.shape, part);
            bg::expand(b, part);
        }
        return toLonLat(wf->source_crs, (b.min_corner().x() + b.max_corner().x()) / 2,
                        (b.min_corner().y() + b.max_corner().y()) / 2);
    }
    for (const auto& f : files)
        if (!f.table.empty())
            return toLonLat(f.source_crs, median(f.table.x), median(f.table.y));
    return std::nullopt;
}

// Features that share a ward code are one ward (a ward drawn in parts, or a feature given
// twice): their union, said in the report, so the study area counts each place once.
std::vector<Ward> mergeSameCode(std::vector<Ward> wards, const std::string& path, LoadReport& rep) {
    std::vector<Ward> out;
    std::map<std::string, std::size_t> index;
    std::map<std::size_t, std::string> features;
    for (auto& w : wards) {
        const auto [it, fresh] = index.emplace(w.code, out.size());
        if (fresh) {
            features[out.size()] = std::to_string(w.feature);
            out.push_back(std::move(w));
            continue;
        }
        Ward& first = out[it->second];
        first.shape = geo::unionOf(first.shape, w.shape);
        features[it->second] += ", " + std::to_string(w.feature);
        rep.warnings.push_back(path + ": feature " + std::to_string(w.feature) +
                               " has the same ward code " + w.code + " as feature " +
                               std::to_string(first.feature) + " (" + first.name +
                               "): merged into one ward, its area counted once");
    }
    return out;
}

// Each incident's ward from its police.uk `LSOA code` through the lookup (for boundaries too
// coarse for points); incidents without a code, or with one the lookup or the wards lack,
// lie outside, counted in the report.
Status assignByArea(IncidentTable& t, const WardSet& wards, const io::AreaLookup& lookup,
                    LoadReport& rep) {
    const auto col = t.textColumn("LSOA code");
    if (!col)
        return badRequest("--assign-by lsoa: the incidents have no 'LSOA code' column");
    std::unordered_map<std::string, std::int32_t> ward_of_area;
    for (const auto& [area, ward] : lookup.ward_of)
        ward_of_area.emplace(area, wards.find(ward));
    std::size_t no_code = 0, unknown = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string_view code = t.text[*col].at(i);
        const auto it = code.empty() ? ward_of_area.end() : ward_of_area.find(std::string(code));
        t.ward[i] = it == ward_of_area.end() ? kOutsideWards : it->second;
        no_code += code.empty() ? 1 : 0;
        unknown += !code.empty() && it == ward_of_area.end() ? 1 : 0;
    }
    rep.warnings.push_back("incidents placed in wards by their LSOA code through " +
                           lookup.report.path + " (" + lookup.area_column + " -> " +
                           lookup.ward_column + "), not by their points" +
                           (no_code ? "; " + std::to_string(no_code) + " have no LSOA code" : "") +
                           (unknown ? "; " + std::to_string(unknown) +
                                          " have a code the lookup does not hold (older LSOA "
                                          "codes?)"
                                    : ""));
    return okStatus();
}

Status projectWards(io::WardFile& wf, const std::string& crs, LoadReport& rep) {
    std::optional<geo::CrsTransform> t;
    if (wf.source_crs != crs) {
        auto made = geo::CrsTransform::create(wf.source_crs, crs);
        if (!made)
            return Error{wf.report.path + ": " + made.error()};
        t = std::move(made.value());
    }
    std::vector<Ward> kept;
    for (auto& w : wf.wards.wards) {
        bool finite = true;
        for (auto& p : w.shape) {
            if (t) {
                transformRing(*t, p.outer());
                for (auto& in : p.inners())
                    transformRing(*t, in);
            }
            finite = finite && ringFinite(p.outer());
            for (const auto& in : p.inners())
                finite = finite && ringFinite(in);
        }
        if (!finite) {
            wf.report.rejected.add("cannot be projected to " + crs, w.feature);
            continue;
        }
        auto fixed = geo::repairPolygon(w.shape);
        if (fixed.was_invalid) {
            if (fixed.shape.empty()) {
                wf.report.rejected.add("invalid polygon that could not be repaired", w.feature);
                continue;
            }
            rep.ward_repairs.push_back(wf.report.path + ": feature " + std::to_string(w.feature) +
                                       " (" + w.name + "): invalid polygon (" + fixed.reason +
                                       "), repaired");
            w.shape = std::move(fixed.shape);
        }
        // Boost.Geometry's rings run clockwise (GeoJSON's, by RFC 7946, run anticlockwise):
        // without this, an overlay with a ward (an area's part in it) gives what lies outside.
        bg::correct(w.shape);
        kept.push_back(std::move(w));
    }
    wf.report.rows_kept = kept.size(); // features kept (some may merge into one ward)
    wf.wards.wards = mergeSameCode(std::move(kept), wf.report.path, rep);
    for (auto& w : wf.wards.wards) {
        bg::envelope(w.shape, w.bounds);
        w.area_km2 = geo::polygonArea(w.shape) / 1e6;
        if (!(w.area_km2 > 0))
            rep.warnings.push_back(wf.report.path + ": feature " + std::to_string(w.feature) +
                                   " (" + w.name + ") has zero area: no incident can fall in it");
    }
    if (wf.wards.empty())
        return Error{wf.report.path + ": no usable ward polygons"};
    return okStatus();
}

// Warns when most points of a lon/lat file land far from the wards, and says so more
// precisely when swapping the axes would put them inside.
void checkPlacement(const io::IncidentFile& f, const std::vector<double>& lon,
                    const std::vector<double>& lat, const Box& study, const geo::CrsTransform& t,
                    LoadReport& rep) {
    if (lon.empty() || boxIsEmpty(study))
        return;
    Box near = study;
    near.min_corner() =
        Point(study.min_corner().x() - kNearMargin_m, study.min_corner().y() - kNearMargin_m);
    near.max_corner() =
        Point(study.max_corner().x() + kNearMargin_m, study.max_corner().y() + kNearMargin_m);
    auto countInside = [&](std::vector<double> x, std::vector<double> y) {
        t.transform(x.data(), y.data(), x.size());
        std::size_t n = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            n += bg::within(Point(x[i], y[i]), near) ? 1 : 0;
        return n;
    };
    // County-wide files around a district are normal: warn only when almost nothing is near.
    const std::size_t inside = countInside(lon, lat);
    if (inside * 20 >= lon.size())
        return;
    const std::size_t swapped = f.source_crs == "EPSG:4326" ? countInside(lat, lon) : 0;
    char buf[400];
    if (swapped * 2 > lon.size())
        std::snprintf(
            buf, sizeof buf,
            ": longitude and latitude look swapped (%zu of %zu sampled points land near the "
            "wards only when swapped); check the columns or name them with --x-field/--y-field",
            swapped, lon.size());
    else
        std::snprintf(buf, sizeof buf,
                      ": %zu of %zu sampled points lie more than 5 km from the wards (wrong area, "
                      "or wrong CRS?)",
                      lon.size() - inside, lon.size());
    rep.warnings.push_back(f.report.path + buf);
}

// One transform per source CRS for the whole load: creating one asks PROJ's database, which
// costs more than reading a small monthly file.
class TransformCache {
  public:
    explicit TransformCache(std::string target) : target_(std::move(target)) {}
    Result<const geo::CrsTransform*> get(const std::string& source) {
        if (auto it = cache_.find(source); it != cache_.end())
            return &it->second;
        auto made = geo::CrsTransform::create(source, target_);
        if (!made)
            return made.failure();
        return &cache_.emplace(source, std::move(made.value())).first->second;
    }

  private:
    std::string target_;
    std::map<std::string, geo::CrsTransform> cache_;
};

Status projectIncidents(io::IncidentFile& f, TransformCache& transforms, const std::string& crs,
                        const Box& study, unsigned threads, LoadReport& rep, FileReport& frep) {
    if (f.table.empty())
        return okStatus();
    auto made = transforms.get(f.source_crs);
    if (!made)
        return Error{f.report.path + ": " + made.error()};
    const auto& t = *made.value();
    // A sample for the placement check, taken before projection.
    std::vector<double> slon, slat;
    const std::size_t n = f.table.size(), step = std::max<std::size_t>(1, n / 2000);
    for (std::size_t i = 0; i < n; i += step) {
        slon.push_back(f.table.x[i]);
        slat.push_back(f.table.y[i]);
    }
    if (f.source_crs != crs)
        t.transformParallel(f.table.x.data(), f.table.y.data(), n, threads);
    std::vector<std::uint8_t> keep(n, 1);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(f.table.x[i]) || !std::isfinite(f.table.y[i])) {
            keep[i] = 0;
            ++bad;
            frep.rejected.add("cannot be projected to " + crs, f.table.line[i]);
        }
    if (bad) {
        f.table = filterRows(f.table, keep);
        frep.rows_kept = f.table.size();
    }
    checkPlacement(f, slon, slat, study, t, rep);
    return okStatus();
}

// The load's sources: police.uk's street files are one, its stop and search files another, each
// other --incidents path one of its own; each with its months (rows and declared) and whether it
// is public.
void assignSources(const LoadRequest& req, const std::vector<io::IncidentFile>& files,
                   const std::vector<std::string>& given, IncidentTable& t) {
    std::vector<std::string> keys;
    std::map<std::string, std::size_t> source_of_path;
    auto& sources = t.sources;
    for (std::size_t f = 0; f < files.size(); ++f) {
        const FileReport& r = files[f].report;
        if (!r.skipped.empty())
            continue;
        const bool street = r.format == "police.uk street-level CSV";
        const bool search = r.format == "police.uk stop and search CSV";
        const std::string key = street   ? "police.uk street"
                                : search ? "police.uk search"
                                         : given[f];
        auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            IncidentSource s;
            s.police_uk = street || search;
            s.is_public = s.police_uk;
            s.kind = search ? kStopAndSearchKind : "";
            s.format = r.format;
            s.name = street   ? "police.uk street-level crime"
                     : search ? "police.uk stop and search"
                              : std::filesystem::path(given[f]).filename().string();
            if (s.name.empty())
                s.name = given[f];
            sources.push_back(std::move(s));
            it = std::prev(keys.end());
        }
        const std::size_t si = static_cast<std::size_t>(it - keys.begin());
        if (const SourceOptions* so = sourceOptionsFor(req, given[f])) {
            IncidentSource& s = sources[si];
            if (!so->name.empty())
                s.name = so->name;
            s.is_public = s.is_public || so->is_public;
            if (so->covers)
                s.declared = so->covers;
        }
        source_of_path[r.path] = si;
    }
    t.source_of_file.assign(t.files.size(), 0);
    for (std::size_t f = 0; f < t.files.size(); ++f)
        if (auto it = source_of_path.find(t.files[f]); it != source_of_path.end())
            t.source_of_file[f] = static_cast<std::uint16_t>(it->second);
    std::vector<std::vector<MonthIndex>> months(sources.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::size_t s = t.sourceOf(i);
        ++sources[s].rows;
        sources[s].dated_rows += t.dayOf(i) != kNoDay ? 1 : 0;
        sources[s].timed_rows += t.minuteOf(i) >= 0 ? 1 : 0;
        if (t.month[i] != kNoMonth && (months[s].empty() || months[s].back() != t.month[i]))
            months[s].push_back(t.month[i]);
    }
    for (std::size_t s = 0; s < sources.size(); ++s) {
        if (const auto& d = sources[s].declared)
            for (MonthIndex m = d->first; m <= d->last; ++m)
                months[s].push_back(m);
        sources[s].months = MonthCoverage(months[s]);
    }
}

} // namespace

const SourceOptions* sourceOptionsFor(const LoadRequest& request, const std::string& path) {
    for (const auto& s : request.sources)
        if (s.path == path)
            return &s;
    return nullptr;
}

std::vector<std::string> LoadReport::errors() const {
    std::vector<std::string> e;
    if (!wards.error.empty())
        e.push_back(wards.error);
    for (const auto& f : incidents)
        if (!f.error.empty())
            e.push_back(f.error);
    if (population && !population->error.empty())
        e.push_back(population->error);
    return e;
}

std::vector<std::string> LoadReport::problems() const {
    std::vector<std::string> out;
    auto file = [&out](const FileReport& r, const char* unit) {
        for (const auto& reason : r.rejected.reasons())
            out.push_back(displayPath(r.path) + ": rejected, " + describeReason(reason, unit));
        for (const auto& w : r.warnings)
            out.push_back(w);
    };
    if (!wards.path.empty())
        file(wards, "feature");
    out.insert(out.end(), ward_repairs.begin(), ward_repairs.end());
    for (const auto& f : incidents)
        file(f, "line");
    if (lookup)
        file(*lookup, "line");
    if (postcodes)
        file(*postcodes, "line");
    if (population)
        file(*population, "line");
    out.insert(out.end(), warnings.begin(), warnings.end());
    return out;
}

std::vector<std::string> LoadReport::lines() const {
    std::vector<std::string> out;
    if (!working_crs.empty())
        out.push_back("Working CRS: " + geo::describeCrs(working_crs));
    if (!wards.path.empty()) {
        out.push_back("Wards:");
        appendFileLines(out, wards, "features", "feature");
        for (const auto& r : ward_repairs)
            out.push_back("    repaired: " + r);
    }
    out.push_back("Incidents:");
    for (const auto& f : incidents)
        appendFileLines(out, f, "rows", "line");
    if (lookup) {
        out.push_back("Lookup:");
        appendFileLines(out, *lookup, "rows", "line");
    }
    if (postcodes) {
        out.push_back("Postcodes:");
        appendFileLines(out, *postcodes, "postcodes", "line");
    }
    if (population) {
        out.push_back("Population:");
        appendFileLines(out, *population, "rows", "line");
    }
    for (const auto& w : warnings)
        out.push_back("warning: " + w);
    if (!forces.empty()) {
        std::string f;
        for (const auto& [force, n] : forces)
            f += (f.empty() ? "" : ", ") + force + " (" + std::to_string(n) + ")";
        out.push_back("Forces: " + f);
    }
    if (!sources.empty()) {
        // Each source's own months: a month one source lacks is no data for its layers there.
        out.push_back("Sources:");
        for (const auto& line : sources)
            out.push_back("  " + line);
    }
    if (!masking.empty())
        out.push_back("Locations: " + masking);
    if (!months.empty())
        out.push_back("Months with data: " + months +
                      (month_gaps.empty() ? "" : " (no data: " + month_gaps + ")"));
    char buf[300];
    if (wards.path.empty())
        std::snprintf(buf, sizeof buf, "Total: %llu incidents kept (%.2f s)",
                      static_cast<unsigned long long>(incidents_kept), seconds);
    else
        std::snprintf(buf, sizeof buf,
                      "Total: %llu incidents kept, %llu outside the study area (the wards), left "
                      "out of every analysis (%.2f s)",
                      static_cast<unsigned long long>(incidents_kept),
                      static_cast<unsigned long long>(outside_wards), seconds);
    out.emplace_back(buf);
    return out;
}

Result<LoadedData> loadData(const LoadRequest& req, Progress* progress) {
    const auto t0 = std::chrono::steady_clock::now();
    LoadedData d;
    LoadReport& rep = d.report;
    const unsigned threads = resolveThreads(static_cast<int>(req.threads));
    auto joinErrors = [](const std::vector<std::string>& e) {
        std::string s;
        for (const auto& line : e)
            s += (s.empty() ? "" : "\n") + line;
        return s;
    };

    std::optional<io::WardFile> wf;
    if (!req.wards_path.empty()) {
        wf = io::readWardFile(req.wards_path, req.ward_options);
        rep.wards = wf->report;
        if (!wf->report.error.empty())
            return Error{wf->report.error};
    }
    if (req.incident_paths.empty() && !wf)
        return Error{"nothing to load: give --wards and/or --incidents"};
    // A postcode file places the rows of extracts that give a postcode and no coordinates.
    std::optional<io::PostcodeFile> postcodes;
    if (!req.postcodes_path.empty()) {
        postcodes = io::readPostcodeFile(req.postcodes_path);
        rep.postcodes = postcodes->report;
        if (!postcodes->report.error.empty())
            return Error{postcodes->report.error};
        if (postcodes->index.crs != "EPSG:27700") { // lat/long only: to the grid once
            auto t = geo::CrsTransform::create(postcodes->index.crs, "EPSG:27700");
            if (!t)
                return Error{req.postcodes_path + ": " + t.error()};
            auto& pts = postcodes->index.points();
            std::vector<double> x(pts.size()), y(pts.size());
            for (std::size_t i = 0; i < pts.size(); ++i) {
                x[i] = pts[i].easting;
                y[i] = pts[i].northing;
            }
            t.value().transformParallel(x.data(), y.data(), x.size(), threads);
            for (std::size_t i = 0; i < pts.size(); ++i) {
                pts[i].easting = x[i];
                pts[i].northing = y[i];
            }
            postcodes->index.crs = "EPSG:27700";
        }
    }
    std::vector<io::IncidentFile> files;
    std::vector<std::string> given; // per file: the --incidents path it came from
    if (!req.incident_paths.empty()) {
        std::vector<std::vector<std::string>> expanded;
        for (const auto& p : req.incident_paths) {
            auto inputs = io::expandIncidentInputs({p}, &rep.warnings);
            if (!inputs)
                return inputs.failure();
            expanded.push_back(std::move(inputs.value()));
        }
        if (progress) { // one bar over every file, in bytes
            std::uint64_t total = 0;
            for (const auto& group : expanded)
                for (const auto& path : group)
                    total += io::inputBytes(path);
            progress->reset(std::max<std::uint64_t>(total, 1));
        }
        for (std::size_t g = 0; g < expanded.size(); ++g) {
            io::IncidentReadOptions iopt = req.incident_options;
            iopt.threads = threads;
            iopt.postcodes = postcodes ? &postcodes->index : nullptr;
            if (const SourceOptions* so = sourceOptionsFor(req, req.incident_paths[g])) {
                if (so->columns)
                    iopt.columns = *so->columns;
                if (so->xy_crs)
                    iopt.xy_crs = *so->xy_crs;
            }
            for (const auto& path : expanded[g]) {
                files.push_back(io::readIncidentFile(path, iopt, progress));
                given.push_back(req.incident_paths[g]);
            }
        }
        std::vector<std::string> errors;
        for (const auto& f : files)
            if (!f.report.error.empty())
                errors.push_back(f.report.error);
        if (!errors.empty())
            return Error{joinErrors(errors)};
    }

    // The working CRS.
    std::string crs = req.working_crs;
    if (crs.empty()) {
        const auto centre = dataCentre(wf ? &*wf : nullptr, files);
        crs = centre ? geo::chooseWorkingCrs(centre->first, centre->second) : "EPSG:27700";
    } else if (auto st = geo::checkProjectedCrs(crs); !st) {
        return Error{"--crs: " + st.error()};
    }
    rep.working_crs = crs;
    d.working_crs = crs;

    if (wf) {
        if (auto st = projectWards(*wf, crs, rep); !st)
            return st.failure();
        rep.wards = wf->report;
        d.wards = std::move(wf->wards);
    }
    const Box study = d.wards.bounds();
    TransformCache transforms(crs);
    for (auto& f : files) {
        FileReport frep = f.report;
        if (auto st = projectIncidents(f, transforms, crs, study, threads, rep, frep); !st)
            return st.failure();
        rep.incidents.push_back(frep);
        if (d.incidents.empty())
            d.incidents = std::move(f.table); // the common single-file case: no copy
        else
            d.incidents.append(f.table);
        f.table = IncidentTable{}; // release memory early
    }
    if (progress && progress->cancelled())
        return Error{"loading cancelled"};

    std::optional<io::AreaLookup> lookup;
    if (!req.lookup_path.empty()) {
        auto l = io::readAreaLookup(req.lookup_path);
        if (!l)
            return l.failure();
        lookup = std::move(l.value());
        rep.lookup = lookup->report;
    }
    if (!d.wards.empty() && !d.incidents.empty()) {
        if (req.assign_by_area) {
            if (!lookup)
                return badRequest("--assign-by lsoa needs --lookup LSOA_TO_WARD.csv");
            if (auto st = assignByArea(d.incidents, d.wards, *lookup, rep); !st)
                return st.failure();
        } else {
            geo::WardLocator locator(d.wards);
            locator.assign(d.incidents.x.data(), d.incidents.y.data(), d.incidents.ward.data(),
                           d.incidents.size(), threads);
        }
    }
    rep.incidents_kept = d.incidents.size();
    if (!d.wards.empty())
        rep.outside_wards = static_cast<std::uint64_t>(
            std::count(d.incidents.ward.begin(), d.incidents.ward.end(), kOutsideWards));
    assignSources(req, files, given, d.incidents);
    // Protected locations: after the wards are known from the true places, before anything
    // else sees the rows.
    std::uint64_t hidden = 0;
    for (const auto& src : d.incidents.sources)
        hidden += src.is_public ? 0 : src.rows;
    if (hidden && req.exact_locations) {
        rep.masking = "exact locations of " + std::to_string(hidden) +
                      " rows of sources that are not public are kept (--exact-locations): "
                      "every map, surface and pack made from them shows where they happened";
    } else if (hidden) {
        LocationMaskParams mp;
        mp.min_m = req.mask_m;
        mp.max_m = 2 * req.mask_m;
        const MaskKey key = loadMaskKey();
        mp.key = key.key;
        const auto moved = maskNonPublicLocations(d.incidents, mp);
        rep.masking_method = describeMasking(mp);
        rep.masking = std::to_string(moved.moved) + " rows of sources that are not public " +
                      describeMasking(mp) + " (" + std::to_string(moved.snapped) +
                      " to a map point), before any analysis; their wards are from where they "
                      "happened; density cells fewer than " +
                      std::to_string(req.mask_min_rows) +
                      " of them reach show the public rows only. --exact-locations keeps them";
        if (!key.persistent)
            rep.warnings.push_back("no configuration folder for the masking key: the moves of "
                                   "this run differ from the next (set HOME or XDG_CONFIG_HOME)");
    }
    // Months with crime data: stop and search records do not fill a month of crimes.
    std::vector<MonthIndex> crime_months;
    for (const auto& src : d.incidents.sources) {
        if (src.kind.empty())
            crime_months.insert(crime_months.end(), src.months.months().begin(),
                                src.months.months().end());
        rep.sources.push_back(src.describe());
    }
    d.months = MonthCoverage(crime_months);
    // Each row keeps its force (police.uk "Falls within"); the report lists them.
    if (const auto col = d.incidents.textColumn("Falls within")) {
        const StringColumn& c = d.incidents.text[*col];
        std::vector<std::uint64_t> n(c.values().size(), 0);
        for (std::size_t i = 0; i < d.incidents.size(); ++i)
            ++n[c.code(i)];
        for (std::size_t v = 1; v < n.size(); ++v)
            if (n[v])
                rep.forces.emplace_back(c.values()[v], n[v]);
    }
    rep.months = d.months.describe();
    rep.month_gaps = formatSpans(d.months.gaps());

    if (!req.population_path.empty()) {
        if (d.wards.empty())
            return Error{"--population needs --wards"};
        auto pop = io::readPopulation(req.population_path, d.wards, lookup ? &*lookup : nullptr);
        rep.population = pop.report;
        if (!pop.report.error.empty())
            return Error{pop.report.error};
        d.population = std::move(pop.by_ward);
    }
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return d;
}

} // namespace sw
