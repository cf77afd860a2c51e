// The pack written into a temporary folder, then swapped into place.
#include "session/partner_pack.hpp"
#include "session/source_names.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "io/density_export.hpp"
#include "io/vector_writer.hpp"
#include "io/zip_writer.hpp"
#include "print/plan_map_image.hpp"
#include "session/pack_readme.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace sw {
namespace fs = std::filesystem;

namespace {

// Removes the temporary folder unless the pack was moved into place.
struct TempFolder {
    fs::path path;
    ~TempFolder() {
        std::error_code ec;
        if (!path.empty())
            fs::remove_all(path, ec);
    }
};

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm t{};
    localtime_r(&now, &t);
    char b[16];
    std::strftime(b, sizeof b, "%Y-%m-%d", &t);
    return b;
}

Status checkTarget(const fs::path& target) {
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        return Error{target.string() + ": the folder " + target.parent_path().string() +
                     " does not exist"};
    if (!fs::exists(target, ec))
        return okStatus();
    if (!fs::is_directory(target, ec))
        return Error{target.string() + ": a file of that name exists; give a folder for the pack"};
    if (!fs::exists(target / kPackMarker, ec) && !fs::is_empty(target, ec))
        return Error{target.string() +
                     ": the folder exists and is not a streetweek pack; give a new or empty "
                     "folder (nothing was written)"};
    return okStatus();
}

// Replaces `target` by `temp` (both folders in one parent): the old pack is moved aside, the new
// one moved in, the old one removed; a failure puts the old one back.
Status swapInto(const fs::path& temp, const fs::path& target) {
    if (auto st = syncFolderToDisk(temp.string()); !st) // the new pack is on disk before it shows
        return st;
    std::error_code ec;
    const fs::path old = temporaryPathFor(target.string()); // cleaned like any temporary if killed
    const bool had = fs::exists(target, ec);
    if (had) {
        fs::rename(target, old, ec);
        if (ec)
            return Error{target.string() + ": cannot move the old pack aside (" + ec.message() +
                         "); it is unchanged"};
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code back;
        if (had)
            fs::rename(old, target, back);
        return Error{target.string() + ": cannot move the new pack into place (" + ec.message() +
                     ")" + (had ? "; the old pack is unchanged" : "")};
    }
    syncToDisk(target.parent_path().string(), true); // the renames survive a crash
    if (had)
        fs::remove_all(old, ec);
    return okStatus();
}

Status zipFolder(const fs::path& folder, const std::vector<std::string>& files,
                 const std::string& zip_path, const std::string& prefix) {
    auto zip = io::ZipWriter::create(zip_path);
    if (!zip)
        return zip.failure();
    for (const auto& f : files)
        if (auto st = zip.value().addFile(prefix + "/" + f, (folder / f).string()); !st)
            return st;
    return zip.value().close();
}

std::vector<std::string> folderFiles(const fs::path& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.is_regular_file() && e.path().filename().string()[0] != '.')
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

Status writeExtras(const Session& session, const Plan& plan, const PartnerPackRequest& req,
                   const PackContent& content, const fs::path& temp, const std::string& title) {
    const std::string crs = session.data().working_crs;
    std::string layer_rules;
    for (const auto& n : content.layer_names)
        layer_rules += (layer_rules.empty() ? "" : "; ") + n;
    io::DensityExportInfo info;
    info.kde = content.kde.kde;
    info.period = formatSpan(content.period);
    info.layers = layer_rules;
    info.incidents = static_cast<std::size_t>(content.study_incidents);
    info.synthetic = session.synthetic();
    if (!content.density.grid.values.empty())
        if (auto st =
                io::exportDensity((temp / "density.tif").string(), content.density.grid, crs, info);
            !st)
            return st;
    if (!req.map_image)
        return okStatus();
    PlanMapImage im;
    im.title = title;
    im.subtitle =
        "Period " + formatSpan(content.period) + (layer_rules.empty() ? "" : "  ·  " + layer_rules);
    im.attribution =
        packAttribution(session.synthetic(), std::atoi(req.made_on.c_str()),
                        partnerDataCredit(session.incidents().sources, session.request()));
    im.wards = &session.wards();
    im.hotspots = content.hotspot_outlines;
    im.hotspot_label = "Hotspot (" + content.threshold.describe() + ")";
    if (im.hotspot_label.size() > 30)
        im.hotspot_label = "Hotspot";
    im.areas = plan.areas;
    return writePlanMapPng((temp / "map.png").string(), im);
}

} // namespace

Result<PartnerPackResult> exportPartnerPack(const Session& session, const Plan& plan,
                                            const PartnerPackRequest& req0, Progress* progress) {
    PartnerPackRequest req = req0;
    if (req.made_on.empty())
        req.made_on = today();
    if (req.out_dir.empty())
        return badRequest("give the folder to write the pack in (--out)");
    fs::path target = fs::absolute(req.out_dir).lexically_normal();
    if (target.filename().empty())
        target = target.parent_path();
    if (auto st = checkTarget(target); !st)
        return st.failure();
    if (progress)
        progress->reset(6);
    auto content = buildPackContent(session, plan, req.content, progress);
    if (!content)
        return content.failure();
    removeStaleTemporaries(target.parent_path().string());
    TempFolder temp{temporaryPathFor(target.string())};
    std::error_code ec;
    fs::remove_all(temp.path, ec);
    fs::create_directory(temp.path, ec);
    if (ec)
        return Error{target.string() + ": cannot write in " + target.parent_path().string() + " (" +
                     ec.message() + ")"};
    const std::string base = target.filename().string();
    auto written = io::writePackLayers(
        temp.path.string(), base, req.format, content.value().layers, session.data().working_crs,
        "<" + std::to_string(std::max<std::int64_t>(req.content.suppress, 1)));
    if (!written)
        return written.failure();
    const std::string title =
        req.title.empty()
            ? "Street-week partner pack" + (req.plan_path.empty()
                                                ? std::string()
                                                : ": " + fs::path(req.plan_path).stem().string())
            : req.title;
    if (auto st = writeExtras(session, plan, req, content.value(), temp.path, title); !st)
        return st.failure();
    if (progress)
        progress->add(1);
    PackReadmeInput ri;
    ri.title = title;
    ri.made_on = req.made_on;
    ri.plan_path = req.plan_path;
    ri.format = req.format;
    ri.suppress = req.content.suppress;
    ri.include_points = req.content.include_points;
    ri.synthetic = session.synthetic();
    ri.map_image = req.map_image;
    ri.content = &content.value();
    ri.plan = &plan;
    ri.sources = &session.request();
    ri.incident_sources = &session.incidents().sources;
    ri.masking = session.report().masking_method;
    ri.mask_min_rows = session.request().mask_min_rows;
    ri.written = &written.value();
    ri.files = folderFiles(temp.path);
    ri.files.insert(ri.files.end(), {"README.html", "README.txt"});
    std::sort(ri.files.begin(), ri.files.end());
    const PackReadme readme = packReadme(ri);
    for (const auto& [name, text] :
         {std::pair{"README.txt", readme.text}, std::pair{"README.html", readme.html},
          std::pair{kPackMarker, std::string("streetweek partner pack\n")}})
        if (auto st = writeFileAtomically((temp.path / name).string(), text); !st)
            return st.failure();
    PartnerPackResult out;
    out.files = ri.files;
    out.layers = content.value().summaries;
    out.notes = content.value().notes;
    if (req.content.suppress <= 1)
        out.warnings.push_back("disclosure control is off: counts of 1 to 4 are in the pack");
    if (req.content.include_points)
        out.warnings.push_back("the pack holds incident points (month, crime type, location)");
    if (progress && progress->cancelled())
        return Error{"cancelled: nothing was written"};
    if (req.zip) {
        out.zip = target.string() + ".zip";
        if (auto st = zipFolder(temp.path, out.files, out.zip, base); !st)
            return st.failure();
    }
    if (auto st = swapInto(temp.path, target); !st)
        return st.failure();
    temp.path.clear();
    out.folder = target.string();
    if (progress)
        progress->add(1);
    return out;
}

} // namespace sw
