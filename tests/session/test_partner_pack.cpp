// The partner pack on data the test builds: what each layer withholds, the README's rules and
// licences, the map image, points only on request, and safe writing (an existing pack replaced
// whole, a folder that is not a pack refused, a failed or refused write leaving nothing).
#include "core/target_area.hpp"
#include "planner_world.hpp"
#include "session/partner_pack.hpp"

#include <doctest/doctest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <sys/stat.h>

using namespace sw;
namespace fs = std::filesystem;

namespace {

// West: 30 ASB and 3 drugs around (570500, 160500); East: 10 ASB. Six months of 2025.
struct PackWorld {
    test::World w;
    Session session;
    Plan plan;
    PackWorld() {
        const char* months[] = {"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"};
        for (int i = 0; i < 30; ++i)
            w.add(570400 + (i % 6) * 40, 160400 + (i / 6) * 40, months[i % 6],
                  "Anti-social behaviour", "High Street");
        for (int i = 0; i < 3; ++i)
            w.add(570480 + i * 20, 160500, months[i], "Drugs", "High Street");
        for (int i = 0; i < 10; ++i)
            w.add(571300 + i * 40, 160300 + (i % 3) * 50, months[i % 6], "Anti-social behaviour",
                  "Station Road");
        w.load(session);
        TargetArea a;
        a.id = "A1";
        a.name = "Ça va Straße";
        a.shape_kind = AreaShape::Circle;
        a.centre = Point(570500, 160500);
        a.radius_m = 300;
        a.shape = circleShape(a.centre, a.radius_m);
        a.week = makeDay(2025, 9, 1);
        plan.areas.push_back(a);
        a.id = "A2";
        a.name = "Station Road";
        a.centre = Point(571500, 160350);
        a.shape = circleShape(a.centre, a.radius_m);
        a.week = kNoDay;
        a.status = AreaStatus::Approved;
        plan.areas.push_back(a);
    }
    PartnerPackRequest request(const std::string& out, io::PackFormat format) const {
        PartnerPackRequest r;
        r.out_dir = out;
        r.format = format;
        r.plan_path = "medway_plan.gpkg";
        r.content.selection.from = makeMonth(2025, 1);
        r.content.selection.to = makeMonth(2025, 6);
        for (const auto& l : defaultLayers())
            if (l.key == "asb" || l.key == "drugs")
                r.content.selection.layers.push_back(l);
        r.content.hotspots.density.kde.radius_m = 200;
        r.content.hotspots.density.kde.cell_size_m = 50;
        r.content.gi.cell_size_m = 100;
        return r;
    }
};

struct Layer {
    std::unique_ptr<GDALDataset> ds;
    OGRLayer* layer = nullptr;
    std::unique_ptr<OGRFeature> find(const char* field, const char* value) {
        layer->ResetReading();
        while (OGRFeature* f = layer->GetNextFeature()) {
            std::unique_ptr<OGRFeature> own(f);
            if (std::string(f->GetFieldAsString(field)) == value)
                return own;
        }
        return nullptr;
    }
};

Layer openLayer(const std::string& path, const char* name) {
    Layer l;
    l.ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE_MESSAGE(l.ds, path);
    l.layer = l.ds->GetLayerByName(name);
    REQUIRE_MESSAGE(l.layer, name);
    return l;
}

bool isNull(const OGRFeature& f, const char* field) {
    return !f.IsFieldSetAndNotNull(f.GetFieldIndex(field));
}

bool noTemporaries(const fs::path& folder) {
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().rfind(".streetweek-", 0) == 0)
            return false;
    return true;
}

} // namespace

TEST_CASE("partner pack: small counts and what gives them away are withheld in every table") {
    PackWorld pw;
    const std::string out = pw.w.dir.file("pack");
    auto r = exportPartnerPack(pw.session, pw.plan, pw.request(out, io::PackFormat::GeoPackage));
    REQUIRE_MESSAGE(r, (r ? "" : r.failure().message));
    for (const char* f : {"pack.gpkg", "density.tif", "map.png", "README.txt", "README.html"})
        CHECK_MESSAGE(fs::exists(fs::path(out) / f), f);
    CHECK(fs::exists(fs::path(out) / kPackMarker));

    auto wards = openLayer(out + "/pack.gpkg", "ward_profiles");
    CHECK(wards.layer->GetFeatureCount() == 2);
    auto west = wards.find("ward_name", "West");
    REQUIRE(west);
    CHECK(west->GetFieldAsInteger("incidents") == 33); // published
    CHECK(isNull(*west, "drugs"));                     // 3: a small count
    CHECK(isNull(*west, "asb"));                       // 30 = 33 - 3 would give it away
    CHECK(west->GetFieldAsInteger("suppressed") == 1);
    CHECK(std::string(west->GetFieldAsString("suppressed_fields")) == "asb;drugs");
    // The district's drugs total (3) is public: East's 0 must go too, and then East's ASB.
    auto east = wards.find("ward_name", "East");
    REQUIRE(east);
    CHECK(isNull(*east, "drugs"));
    CHECK(isNull(*east, "asb"));
    CHECK(east->GetFieldAsInteger("incidents") == 10);
    CHECK(west->GetFieldAsDouble("rate_per_1000") == doctest::Approx(16.5)); // 33 / 2000

    auto areas = openLayer(out + "/pack.gpkg", "target_areas");
    auto a1 = areas.find("area_id", "A1");
    REQUIRE(a1);
    CHECK(std::string(a1->GetFieldAsString("name")) == "Ça va Straße");
    CHECK(a1->GetFieldAsInteger("incidents") == 33);
    CHECK(isNull(*a1, "drugs"));
    CHECK(isNull(*a1, "asb"));
    CHECK(std::string(a1->GetFieldAsString("week_start")).substr(0, 10) == "2025/09/01");
    auto a2 = areas.find("area_id", "A2");
    REQUIRE(a2);
    CHECK(a2->GetFieldAsInteger("asb") == 10);
    CHECK(a2->GetFieldAsInteger("drugs") == 0); // no relation gives anything away: zero stays
    CHECK(std::string(a2->GetFieldAsString("status")) == "approved");

    // No points, no Crime ID, unless asked.
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open((out + "/pack.gpkg").c_str(), GDAL_OF_VECTOR));
    CHECK(ds->GetLayerByName("incidents") == nullptr);
    CHECK(ds->GetLayerByName("layer_styles")->GetFeatureCount() == 4);

    const std::string readme = test::readFile(out + "/README.txt");
    CHECK(readme.find("Counts from 1 to 4 are withheld") != std::string::npos);
    CHECK(readme.find("Open Government Licence v3.0") != std::string::npos);
    CHECK(readme.find("Crown copyright and database right") != std::string::npos);
    CHECK(readme.find("2025-01..2025-06") != std::string::npos);
    CHECK(readme.find("No incident points") != std::string::npos);
    CHECK(readme.find("types=Drugs") != std::string::npos); // the layer rules
    const std::string html = test::readFile(out + "/README.html");
    CHECK(html.find("<h2>Disclosure control</h2>") != std::string::npos);
    const std::string png = test::readFile(out + "/map.png");
    REQUIRE(png.size() > 10000);
    CHECK(png.substr(1, 3) == "PNG");
}

TEST_CASE("partner pack: points only on request, with month, type and location only; "
          "--suppress 0 shows every count and says so") {
    PackWorld pw;
    const std::string out = pw.w.dir.file("pack");
    auto req = pw.request(out, io::PackFormat::Csv);
    req.content.include_points = true;
    req.content.suppress = 0;
    auto r = exportPartnerPack(pw.session, pw.plan, req);
    REQUIRE_MESSAGE(r, (r ? "" : r.failure().message));
    CHECK(r.value().warnings.size() == 2);
    const std::string points = test::readFile(out + "/incidents.csv");
    CHECK(points.substr(0, points.find_first_of("\r\n")) ==
          "X,Y,month,crime_type,location,source,placed");
    CHECK(points.find("Crime ID") == std::string::npos);
    CHECK(points.find(",2025-01,Drugs,On or near High Street") != std::string::npos);
    const std::string wards = test::readFile(out + "/ward_profiles.csv");
    CHECK(wards.find(",West,33,30,3,") != std::string::npos);
    CHECK(test::readFile(out + "/README.txt").find("suppression was turned off") !=
          std::string::npos);
}

TEST_CASE("partner pack: an existing pack is replaced whole; a failed write leaves it as it was") {
    PackWorld pw;
    const std::string out = pw.w.dir.file("pack");
    REQUIRE(exportPartnerPack(pw.session, pw.plan, pw.request(out, io::PackFormat::Csv)));
    const std::string before = test::readFile(out + "/ward_profiles.csv");
    CHECK(before.find("<5") != std::string::npos);

    // The zip cannot be written (a folder holds its name): nothing changes.
    fs::create_directory(out + ".zip");
    auto req = pw.request(out, io::PackFormat::Shapefile);
    req.zip = true;
    auto failed = exportPartnerPack(pw.session, pw.plan, req);
    REQUIRE_FALSE(failed);
    CHECK(failed.failure().message.find("pack.zip") != std::string::npos);
    CHECK(test::readFile(out + "/ward_profiles.csv") == before);
    CHECK_FALSE(fs::exists(out + "/ward_profiles.shp"));
    CHECK(noTemporaries(pw.w.dir.path()));

    // Now it can: the shapefile pack replaces the CSV one, and the zip holds it.
    fs::remove(out + ".zip");
    auto ok = exportPartnerPack(pw.session, pw.plan, req);
    REQUIRE_MESSAGE(ok, (ok ? "" : ok.failure().message));
    CHECK_FALSE(fs::exists(out + "/ward_profiles.csv"));
    CHECK(fs::exists(out + "/ward_profiles.shp"));
    CHECK(fs::exists(out + "/ward_profiles.qml"));
    CHECK(test::readFile(out + ".zip").substr(0, 2) == "PK");
    std::unique_ptr<GDALDataset> zipped(GDALDataset::Open(
        ("/vsizip/" + out + ".zip/pack/ward_profiles.shp").c_str(), GDAL_OF_VECTOR));
    REQUIRE(zipped);
    CHECK(zipped->GetLayer(0)->GetFeatureCount() == 2);
    CHECK(noTemporaries(pw.w.dir.path()));
}

TEST_CASE("partner pack: a folder that is not a pack is refused; a read-only place leaves "
          "nothing") {
    PackWorld pw;
    const std::string mine = pw.w.dir.file("my_documents");
    fs::create_directory(mine);
    test::writeFile(mine + "/letter.txt", "keep me");
    auto r = exportPartnerPack(pw.session, pw.plan, pw.request(mine, io::PackFormat::GeoJson));
    REQUIRE_FALSE(r);
    CHECK(r.failure().message.find("is not a streetweek pack") != std::string::npos);
    CHECK(test::readFile(mine + "/letter.txt") == "keep me");
    CHECK(std::distance(fs::directory_iterator(mine), fs::directory_iterator()) == 1);

    // A folder the program may not write in. Root writes anywhere a mode allows nothing, so
    // there the read-only /proc stands in.
    const std::string ro = pw.w.dir.file("read_only");
    fs::create_directory(ro);
    ::chmod(ro.c_str(), 0555);
    const bool root_writes = ::access(ro.c_str(), W_OK) == 0;
    const std::string parent = root_writes ? "/proc" : ro;
    auto denied = exportPartnerPack(pw.session, pw.plan,
                                    pw.request(parent + "/pack", io::PackFormat::GeoPackage));
    REQUIRE_FALSE(denied);
    CHECK(denied.failure().message.find("cannot write in " + parent) != std::string::npos);
    CHECK_FALSE(fs::exists(parent + "/pack"));
    if (!root_writes)
        CHECK(fs::is_empty(ro));
    ::chmod(ro.c_str(), 0755);
}

TEST_CASE("partner pack: a layer keyed like one of the tables' own fields gets its own field") {
    PackWorld pw;
    const std::string out = pw.w.dir.file("pack");
    auto req = pw.request(out, io::PackFormat::GeoPackage);
    req.content.selection.layers[1].key = "change"; // drugs, keyed as the change column
    auto r = exportPartnerPack(pw.session, pw.plan, req);
    REQUIRE_MESSAGE(r, (r ? "" : r.failure().message));
    auto wards = openLayer(out + "/pack.gpkg", "ward_profiles");
    OGRFeatureDefn* defn = wards.layer->GetLayerDefn();
    CHECK(defn->GetFieldIndex("n_change") >= 0);
    auto west = wards.find("ward_name", "West");
    REQUIRE(west);
    CHECK(isNull(*west, "n_change")); // the 3 drugs incidents, withheld
    CHECK(west->GetFieldAsInteger("incidents") == 33);
}
