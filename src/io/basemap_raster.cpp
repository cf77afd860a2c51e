// Basemaps: a GDAL dataset for the source, warped (gdalwarp's library form) into a MEM
// dataset in the working CRS, read back as RGBA.
#include "io/basemap_raster.hpp"

#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace sw::io {
namespace {

constexpr char kUserAgent[] =
    "streetweek/" STREETWEEK_VERSION " (community safety partnership mapping; desktop)";

std::string replaceAll(std::string s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// GDAL's TMS mini-driver names the tile address ${z}, ${x}, ${y}; a {-y} template counts
// rows from the bottom (YOrigin bottom).
std::string xyzServiceXml(const BasemapSource& s, bool cached) {
    const bool tms_rows = s.location.find("{-y}") != std::string::npos;
    std::string url = replaceAll(s.location, "{-y}", "{y}");
    for (const char* key : {"z", "x", "y"})
        url = replaceAll(url, std::string("{") + key + "}", std::string("${") + key + "}");
    const std::string timeout = std::to_string(std::max(1, static_cast<int>(s.timeout_s + 0.5)));
    return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + xmlEscape(url) +
           "</ServerUrl></Service><DataWindow>"
           "<UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
           "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>"
           "<TileLevel>" +
           std::to_string(s.max_zoom) +
           "</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>" +
           (tms_rows ? "bottom" : "top") +
           "</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
           "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
           "<MaxConnections>2</MaxConnections><Timeout>" +
           timeout + "</Timeout><UserAgent>" + xmlEscape(kUserAgent) +
           "</UserAgent><ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>" +
           (cached ? "<Cache><Path>" + xmlEscape(tileCacheDir(s)) + "</Path></Cache>" : "") +
           "</GDAL_WMS>";
}

// GDAL's HTTP settings for this thread while an online source is read: the timeout (connect
// and whole request), the User-Agent and the tile cache's folder hold for WMTS too, whose
// service description is the server's own (else GDAL caches in ./gdalwmscache).
class HttpSettings {
  public:
    explicit HttpSettings(const BasemapSource& s) : on_(s.online) {
        if (!on_)
            return;
        const std::string t = std::to_string(std::max(1, static_cast<int>(s.timeout_s + 0.5)));
        CPLSetThreadLocalConfigOption("GDAL_HTTP_TIMEOUT", t.c_str());
        CPLSetThreadLocalConfigOption("GDAL_HTTP_CONNECTTIMEOUT", t.c_str());
        CPLSetThreadLocalConfigOption("GDAL_HTTP_USERAGENT", kUserAgent);
        CPLSetThreadLocalConfigOption("GDAL_DEFAULT_WMS_CACHE_PATH", tileCacheDir(s).c_str());
    }
    ~HttpSettings() {
        if (!on_)
            return;
        for (const char* k : {"GDAL_HTTP_TIMEOUT", "GDAL_HTTP_CONNECTTIMEOUT",
                              "GDAL_HTTP_USERAGENT", "GDAL_DEFAULT_WMS_CACHE_PATH"})
            CPLSetThreadLocalConfigOption(k, nullptr);
    }
    HttpSettings(const HttpSettings&) = delete;
    HttpSettings& operator=(const HttpSettings&) = delete;

  private:
    bool on_;
};

int onProgress(double fraction, const char*, void* data) {
    auto* p = static_cast<Progress*>(data);
    if (!p)
        return TRUE;
    p->reset(1000);
    p->add(static_cast<std::uint64_t>(fraction * 1000));
    return p->cancelled() ? FALSE : TRUE;
}

std::string fail(const BasemapSource& s, const std::string& what) {
    return "basemap " + (s.name.empty() ? s.location : s.name) + ": " + what;
}

// GDAL's WMS messages ("IReadBlock failed ... GDALWMS: Unable to download block ... HTTP
// status code: 0, error: ...") said the way a user can act on.
std::string fetchFailure(const BasemapSource& s, const std::string& gdal) {
    if (s.kind == BasemapKind::File)
        return fail(s, "could not be drawn over the view: " + gdal);
    const std::string host = basemapHost(s);
    auto has = [&](const char* text) { return gdal.find(text) != std::string::npos; };
    if (has("Couldn't connect") || has("Failed to connect") || has("Could not resolve"))
        return fail(s, "could not reach the tile server at " + host +
                           " (is it running, and is this computer online?)");
    if (has("timed out"))
        return fail(s, "the tile server at " + host + " did not answer within " +
                           std::to_string(static_cast<int>(s.timeout_s + 0.5)) + " s");
    if (has("Unable to open downloaded block") || has("ReadBlockFromFile"))
        return fail(s, "the tile server at " + host + " sent something that is not a tile image");
    if (const auto at = gdal.find("HTTP status code: "); at != std::string::npos) {
        const std::string code = gdal.substr(at + 18, gdal.find_first_of(", ", at + 18) - at - 18);
        if (code != "0")
            return fail(s, "the tile server at " + host + " answered HTTP " + code);
    }
    return fail(s, gdal);
}

// The source as RGB(A) bands: a paletted raster expanded to RGBA (a VRT in memory).
GdalDatasetPtr expandedPalette(GDALDatasetH src) {
    if (GDALGetRasterCount(src) != 1 || !GDALGetRasterColorTable(GDALGetRasterBand(src, 1)))
        return nullptr;
    const char* args[] = {"-of", "VRT", "-expand", "rgba", nullptr};
    GDALTranslateOptions* o = GDALTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GdalDatasetPtr out(GDALDataset::FromHandle(GDALTranslate("", src, o, nullptr)));
    GDALTranslateOptionsFree(o);
    return out;
}

std::vector<std::string> warpArguments(const BasemapRequest& r, bool has_alpha) {
    auto num = [](double v) { return std::to_string(v); };
    std::vector<std::string> a = {"-of",
                                  "MEM",
                                  "-t_srs",
                                  r.crs,
                                  "-te",
                                  num(r.xmin),
                                  num(r.ymin),
                                  num(r.xmax),
                                  num(r.ymax),
                                  "-ts",
                                  std::to_string(r.width),
                                  std::to_string(r.height),
                                  "-r",
                                  "bilinear",
                                  "-ot",
                                  "Byte"};
    if (!has_alpha)
        a.push_back("-dstalpha");
    return a;
}

// The warped dataset's bands as RGBA: grey (1 colour band) or RGB, alpha last.
BasemapImage readRgba(GDALDatasetH ds, const BasemapRequest& r) {
    BasemapImage img;
    img.xmin = r.xmin;
    img.ymin = r.ymin;
    img.xmax = r.xmax;
    img.ymax = r.ymax;
    img.width = r.width;
    img.height = r.height;
    const int bands = GDALGetRasterCount(ds);
    const std::size_t n = static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height);
    img.rgba.assign(n * 4, 0);
    const int colour_bands = bands - 1;
    for (int k = 0; k < 4; ++k) {
        const int band = k == 3 ? bands : (colour_bands >= 3 ? k + 1 : 1);
        std::vector<std::uint8_t> plane(n);
        if (GDALRasterIO(GDALGetRasterBand(ds, band), GF_Read, 0, 0, r.width, r.height,
                         plane.data(), r.width, r.height, GDT_Byte, 0, 0) != CE_None)
            return {};
        for (std::size_t i = 0; i < n; ++i)
            img.rgba[i * 4 + static_cast<std::size_t>(k)] = plane[i];
    }
    return img;
}

} // namespace

std::string tileCacheDir(const BasemapSource& source) {
    if (!source.cache_dir.empty())
        return source.cache_dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/streetweek/tiles";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/streetweek/tiles";
    return "/tmp/streetweek-tiles";
}

std::string gdalConnection(const BasemapSource& source, bool cached) {
    return source.kind == BasemapKind::Xyz ? xyzServiceXml(source, cached) : source.location;
}

namespace {

Result<BasemapImage> warpSource(const BasemapSource& source, const BasemapRequest& request,
                                Progress* progress, bool cached) {
    const HttpSettings http(source);
    CPLErrorReset();
    GdalDatasetPtr src(GDALDataset::FromHandle(GDALOpenEx(gdalConnection(source, cached).c_str(),
                                                          GDAL_OF_RASTER | GDAL_OF_READONLY,
                                                          nullptr, nullptr, nullptr)));
    if (!src)
        return Error{fail(source, "cannot be opened: " + lastGdalError("not a raster GDAL reads"))};
    if (GDALGetRasterCount(src.get()) < 1)
        return Error{fail(source, "has no raster bands")};
    const char* wkt = GDALGetProjectionRef(src.get());
    if (!wkt || !*wkt)
        return Error{fail(source, "has no coordinate system, so it cannot be placed under the "
                                  "wards")};
    GdalDatasetPtr expanded = expandedPalette(src.get());
    GDALDatasetH from = expanded ? expanded.get() : src.get();
    const int bands = GDALGetRasterCount(from);
    const bool has_alpha =
        GDALGetRasterColorInterpretation(GDALGetRasterBand(from, bands)) == GCI_AlphaBand;
    const std::vector<std::string> args = warpArguments(request, has_alpha);
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(argv.data(), nullptr);
    if (!opts)
        return Error{fail(source, "cannot be warped to " + request.crs + ": " + lastGdalError())};
    GDALWarpAppOptionsSetProgress(opts, onProgress, progress);
    int usage_error = FALSE;
    GDALDatasetH sources[] = {from};
    CPLErrorReset();
    GdalDatasetPtr warped(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, sources, opts, &usage_error)));
    GDALWarpAppOptionsFree(opts);
    if (progress && progress->cancelled())
        return Error{fail(source, "cancelled")};
    if (!warped || CPLGetLastErrorType() == CE_Failure)
        return Error{fetchFailure(source, lastGdalError("GDAL gave no reason"))};
    BasemapImage img = readRgba(warped.get(), request);
    if (img.empty())
        return Error{fail(source, "could not be read back: " + lastGdalError())};
    img.attribution = source.attribution;
    return img;
}

} // namespace

Result<BasemapImage> renderBasemap(const BasemapSource& source, const BasemapRequest& request,
                                   Progress* progress) {
    ensureGdal();
    if (request.width <= 0 || request.height <= 0 || request.width > 8192 ||
        request.height > 8192 || !(request.xmax > request.xmin) || !(request.ymax > request.ymin))
        return badRequest(fail(source, "the picture must be 1 to 8192 pixels a side over a "
                                       "box of some size"));
    auto img = warpSource(source, request, progress, true);
    // GDAL 3.6's tile cache cannot give back a tile the server had not got (a 404 it should
    // leave blank), and keeps what a broken server sent: such a view is drawn again uncached.
    if (!img && source.kind == BasemapKind::Xyz && !(progress && progress->cancelled()) &&
        img.error().find("not a tile image") != std::string::npos)
        return warpSource(source, request, progress, false);
    return img;
}

} // namespace sw::io
