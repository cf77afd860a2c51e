// Test helpers: a temporary folder, file writing, and fixture data with known answers.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace sw::test {

class TempDir {
  public:
    TempDir() {
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "streetweek-test-XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline std::string writeFile(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
    return path;
}

inline std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

constexpr const char* kPoliceHeader =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context\r\n";

// Two 1 km square wards side by side in BNG: West [570000,571000] and East [571000,572000]
// x [160000,161000], as GeoJSON in EPSG:27700.
inline std::string twoSquareWardsGeoJson() {
    return R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},
"features":[
{"type":"Feature","properties":{"WD22CD":"E05000001","WD22NM":"West"},"geometry":{"type":"Polygon","coordinates":[[[570000,160000],[571000,160000],[571000,161000],[570000,161000],[570000,160000]]]}},
{"type":"Feature","properties":{"WD22CD":"E05000002","WD22NM":"East"},"geometry":{"type":"Polygon","coordinates":[[[571000,160000],[572000,160000],[572000,161000],[571000,161000],[571000,160000]]]}}
]})";
}

} // namespace sw::test
