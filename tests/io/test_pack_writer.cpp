// The partner formats reopened with GDAL: feature counts, CRS, attribute values, geometry
// validity, UTF-8 text, withheld values, shapefile short names, and the styles (QML parsed, the
// GeoPackage's layer_styles table).
#include "core/target_area.hpp"
#include "io/pack_layer_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cpl_minixml.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

using namespace sw;
using namespace sw::io;

namespace {

// Two squares near Chatham (BNG) with non-ASCII names, a date, a small count withheld and a
// complement withheld with it.
OutLayer sampleLayer() {
    OutLayer l;
    l.name = "target_areas";
    l.title = "test areas";
    l.fields = {{"name", FieldSpec::Type::Text},
                {"week_start", FieldSpec::Type::Date},
                {"incidents", FieldSpec::Type::Integer},
                {"violence_and_sexual", FieldSpec::Type::Integer},
                {"violence_and_other", FieldSpec::Type::Integer},
                {"share_pct", FieldSpec::Type::Real},
                {"status", FieldSpec::Type::Text}};
    l.rows.push_back({std::string("Ça va Straße"), DateValue{2026, 3, 2}, std::int64_t(40),
                      Suppressed{true}, Suppressed{false}, 12.5, std::string("approved")});
    l.rows.push_back({std::string("Hôtel de Ville – Lüneburg"), std::monostate{}, std::int64_t(0),
                      std::int64_t(0), std::int64_t(0), 0.0, std::string("proposed")});
    l.shapes.push_back(rectangleShape(Point(575000, 167000), Point(575500, 167400)));
    l.shapes.push_back(rectangleShape(Point(576000, 167000), Point(576300, 167300)));
    l.style.kind = LayerStyle::Kind::Categorised;
    l.style.name = "test style";
    l.style.field = "status";
    l.style.label_field = "name";
    l.style.classes = {
        {"proposed", 0, 0, "Proposed", {235, 140, 0, 70}, {235, 140, 0, 255}},
        {"approved", 0, 0, "Approved & <ok>", {30, 100, 220, 70}, {30, 100, 220, 255}}};
    return l;
}

struct Opened {
    std::unique_ptr<GDALDataset> ds;
    OGRLayer* layer = nullptr;
};

Opened open(const std::string& path, const char* layer = nullptr) {
    Opened o;
    o.ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE_MESSAGE(o.ds, path);
    o.layer = layer ? o.ds->GetLayerByName(layer) : o.ds->GetLayer(0);
    REQUIRE(o.layer);
    return o;
}

int epsgOf(OGRLayer* layer) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs)
        return 0;
    OGRSpatialReference copy(*srs);
    copy.AutoIdentifyEPSG();
    const char* code = copy.GetAuthorityCode(nullptr);
    if (code)
        return std::atoi(code);
    // An ESRI .prj: ask which EPSG definition it matches.
    int n = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = copy.FindMatches(nullptr, &n, &confidence);
    int epsg = 0;
    if (n > 0 && confidence[0] >= 70) {
        const char* c = OSRGetAuthorityCode(matches[0], nullptr);
        epsg = c ? std::atoi(c) : 0;
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return epsg;
}

// The QML parses as XML and classifies on the given field.
void checkQml(const std::string& text, const std::string& field) {
    CPLXMLNode* root = CPLParseXMLString(text.c_str());
    REQUIRE(root);
    const CPLXMLNode* qgis = CPLGetXMLNode(root, "=qgis");
    REQUIRE(qgis);
    CHECK(std::string(CPLGetXMLValue(qgis, "renderer-v2.type", "")) == "categorizedSymbol");
    CHECK(std::string(CPLGetXMLValue(qgis, "renderer-v2.attr", "")) == field);
    CHECK(std::string(CPLGetXMLValue(qgis, "renderer-v2.categories.category.label", "")) ==
          "Proposed");
    CPLDestroyXMLNode(root);
}

} // namespace

TEST_CASE("pack formats: shapefile, GeoPackage, GeoJSON and KML reopen with the same rows") {
    test::TempDir dir;
    const std::vector<OutLayer> layers = {sampleLayer()};
    for (PackFormat f :
         {PackFormat::Shapefile, PackFormat::GeoPackage, PackFormat::GeoJson, PackFormat::Kml}) {
        CAPTURE(packFormatName(f));
        const auto sub = dir.path() / packFormatName(f);
        std::filesystem::create_directory(sub);
        auto written = writePackLayers(sub.string(), "pack", f, layers, "EPSG:27700", "<5");
        REQUIRE_MESSAGE(written, (written ? "" : written.failure().message));
        const bool one_file = f == PackFormat::GeoPackage;
        const std::string ext = f == PackFormat::Shapefile    ? ".shp"
                                : f == PackFormat::GeoPackage ? ".gpkg"
                                : f == PackFormat::GeoJson    ? ".geojson"
                                                              : ".kml";
        const std::string path = (sub / ((one_file ? "pack" : "target_areas") + ext)).string();
        auto o = open(path, one_file ? "target_areas" : nullptr);
        CHECK(o.layer->GetFeatureCount() == 2);
        const bool wgs84 = f == PackFormat::GeoJson || f == PackFormat::Kml;
        CHECK(epsgOf(o.layer) == (wgs84 ? 4326 : 27700));
        const bool shp = f == PackFormat::Shapefile;
        OGRFeatureDefn* defn = o.layer->GetLayerDefn();
        const int inc = defn->GetFieldIndex("incidents");
        const int v1 = defn->GetFieldIndex(shp ? "violence_a" : "violence_and_sexual");
        const int v2 = defn->GetFieldIndex(shp ? "violence_2" : "violence_and_other");
        const int week = defn->GetFieldIndex(shp ? "week" : "week_start");
        REQUIRE(inc >= 0);
        REQUIRE(v1 >= 0);
        REQUIRE(v2 >= 0);
        REQUIRE(week >= 0);
        std::unique_ptr<OGRFeature> feat(o.layer->GetNextFeature());
        REQUIRE(feat);
        CHECK(std::string(feat->GetFieldAsString(
                  defn->GetFieldIndex(f == PackFormat::Kml ? "Name" : "name"))) == "Ça va Straße");
        CHECK(feat->GetFieldAsInteger(inc) == 40);
        CHECK_FALSE(feat->IsFieldSetAndNotNull(v1)); // withheld: null
        CHECK_FALSE(feat->IsFieldSetAndNotNull(v2));
        CHECK(std::string(feat->GetFieldAsString(week)).substr(0, 10).find("2026") == 0);
        const OGRGeometry* g = feat->GetGeometryRef();
        REQUIRE(g);
        CHECK(g->IsValid());
        OGREnvelope env;
        g->getEnvelope(&env);
        if (wgs84) // Chatham is near 0.5 E, 51.4 N
            CHECK(env.MinX == doctest::Approx(0.52).epsilon(0.05));
        else
            CHECK(env.MinX == doctest::Approx(575000));
        std::unique_ptr<OGRFeature> second(o.layer->GetNextFeature());
        REQUIRE(second);
        CHECK(second->GetFieldAsInteger(inc) == 0); // zero stays zero
        if (shp) {
            CHECK(test::readFile((sub / "target_areas.cpg").string()).find("UTF-8") == 0);
            checkQml(test::readFile((sub / "target_areas.qml").string()), "status");
            REQUIRE(written.value().renamed.size() == 1);
            CHECK(written.value().renamed[0].second.size() == 3); // week, violence_a, violence_2
        }
        if (f == PackFormat::GeoJson)
            checkQml(test::readFile((sub / "target_areas.qml").string()), "status");
        if (one_file) {
            OGRLayer* styles = o.ds->GetLayerByName("layer_styles");
            REQUIRE(styles);
            CHECK(styles->GetFeatureCount() == 1);
            std::unique_ptr<OGRFeature> s(styles->GetNextFeature());
            CHECK(std::string(s->GetFieldAsString("f_table_name")) == "target_areas");
            CHECK(s->GetFieldAsInteger("useAsDefault") == 1);
            checkQml(s->GetFieldAsString("styleQML"), "status");
        }
    }
}

TEST_CASE("pack formats: CSV and XLSX write withheld values as <5 and [c], numbers as numbers") {
    test::TempDir dir;
    const std::vector<OutLayer> layers = {sampleLayer()};
    auto csv =
        writePackLayers(dir.path().string(), "pack", PackFormat::Csv, layers, "EPSG:27700", "<5");
    REQUIRE(csv);
    const std::string text = test::readFile(dir.file("target_areas.csv"));
    CHECK(text.find("WKT,name,week_start,incidents,violence_and_sexual") == 0);
    CHECK(text.find(",2026-03-02,40,<5,[c],12.5,approved,") != std::string::npos);
    CHECK(text.find("\"40\"") == std::string::npos); // unquoted numbers
    CHECK(text.find("Hôtel de Ville – Lüneburg") != std::string::npos);
    CHECK(text.find("centroid_easting") != std::string::npos);
    CHECK(text.find(",575250,167200") != std::string::npos); // the first square's centroid
    const std::string csvt = test::readFile(dir.file("target_areas.csvt"));
    CHECK(csvt.find("WKT,String,String,Integer,String,String,Real") == 0);

    auto xlsx =
        writePackLayers(dir.path().string(), "pack", PackFormat::Xlsx, layers, "EPSG:27700", "<5");
    REQUIRE(xlsx);
    auto o = open(dir.file("pack.xlsx"), "target_areas");
    CHECK(o.layer->GetFeatureCount() == 2);
    std::unique_ptr<OGRFeature> feat(o.layer->GetNextFeature());
    REQUIRE(feat);
    CHECK(std::string(feat->GetFieldAsString("name")) == "Ça va Straße");
    CHECK(std::string(feat->GetFieldAsString("violence_and_sexual")) == "<5");
    CHECK(std::string(feat->GetFieldAsString("violence_and_other")) == "[c]");
    CHECK(feat->GetFieldAsInteger("incidents") == 40);
    CHECK(feat->GetFieldAsDouble("centroid_northing") == doctest::Approx(167200));
}

TEST_CASE("pack formats: a layer GDAL cannot create fails with the file named") {
    test::TempDir dir;
    OutLayer bad = sampleLayer();
    bad.name = "no_such_folder/areas"; // the folder does not exist
    auto r = writePackLayers(dir.path().string(), "pack", PackFormat::GeoJson, {bad}, "EPSG:27700",
                             "<5");
    REQUIRE_FALSE(r);
    CHECK(r.failure().message.find("areas.geojson") != std::string::npos);
}
