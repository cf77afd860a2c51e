// Test helpers for basemaps: a small HTTP server on 127.0.0.1 (tiles from a folder, or slow,
// or garbage) that records what was asked of it, and XYZ tiles, MBTiles and GeoPackage tiles
// made with GDAL whose colour is known at every place (red west of a line, blue east).
#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sw::test {

class TileServer {
  public:
    enum class Mode { Files, Slow, Garbage };
    TileServer(std::string root, Mode mode = Mode::Files, int delay_ms = 0)
        : root_(std::move(root)), mode_(mode), delay_ms_(delay_ms) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(fd_, 16);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~TileServer() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    TileServer(const TileServer&) = delete;
    TileServer& operator=(const TileServer&) = delete;

    int port() const { return port_; }
    // "http://127.0.0.1:PORT/{z}/{x}/{y}.png"
    std::string xyzUrl() const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/{z}/{x}/{y}.png";
    }
    std::vector<std::string> requests() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_;
    }

  private:
    void serve() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0)
                continue;
            answer(c);
            ::close(c);
        }
    }
    void answer(int c) {
        std::string req;
        char buf[2048];
        while (req.find("\r\n\r\n") == std::string::npos) {
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 1000) <= 0)
                return;
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0)
                return;
            req.append(buf, static_cast<std::size_t>(n));
        }
        const auto sp1 = req.find(' '), sp2 = req.find(' ', sp1 + 1);
        const std::string path = req.substr(sp1 + 1, sp2 - sp1 - 1);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            requests_.push_back(path);
            user_agents_.push_back(header(req, "User-Agent"));
        }
        if (mode_ == Mode::Slow)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_));
        std::string status = "200 OK", type = "image/png", body;
        if (mode_ == Mode::Garbage) {
            body = "<html>this is not a tile</html>";
        } else {
            std::ifstream f(root_ + path, std::ios::binary);
            if (f)
                body.assign(std::istreambuf_iterator<char>(f), {});
            else
                status = "404 Not Found";
        }
        const std::string head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
                                 "\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\nConnection: close\r\n\r\n";
        const std::string all = head + body;
        std::size_t sent = 0;
        while (sent < all.size()) {
            const ssize_t n = ::send(c, all.data() + sent, all.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += static_cast<std::size_t>(n);
        }
    }
    static std::string header(const std::string& req, const std::string& name) {
        const auto at = req.find(name + ": ");
        if (at == std::string::npos)
            return {};
        const auto start = at + name.size() + 2;
        return req.substr(start, req.find("\r\n", start) - start);
    }

  public:
    std::vector<std::string> userAgents() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return user_agents_;
    }

  private:
    std::string root_;
    Mode mode_;
    int delay_ms_;
    int fd_ = -1, port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<std::string> requests_, user_agents_;
};

// Web Mercator metres of a lon/lat (spherical).
inline double mercatorX(double lon) {
    return lon * 20037508.342789244 / 180.0;
}

// The colour of the test basemap at a Web Mercator x: red west of `split_x`, blue east.
struct SplitColours {
    double split_x;
    void at(double x, std::uint8_t rgb[3]) const {
        const bool west = x < split_x;
        rgb[0] = west ? 220 : 30;
        rgb[1] = 30;
        rgb[2] = west ? 30 : 220;
    }
};

// Fills a 3-band Byte dataset (north up) with the split colours.
inline void paintSplit(GDALDataset& ds, const SplitColours& colours) {
    double gt[6];
    ds.GetGeoTransform(gt);
    const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
    std::vector<std::uint8_t> band[3];
    for (auto& b : band)
        b.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int c = 0; c < w; ++c) {
        std::uint8_t rgb[3];
        colours.at(gt[0] + (c + 0.5) * gt[1], rgb);
        for (int r = 0; r < h; ++r)
            for (int k = 0; k < 3; ++k)
                band[k][static_cast<std::size_t>(r) * static_cast<std::size_t>(w) +
                        static_cast<std::size_t>(c)] = rgb[k];
    }
    for (int k = 0; k < 3; ++k)
        if (ds.GetRasterBand(k + 1)->RasterIO(GF_Write, 0, 0, w, h, band[k].data(), w, h, GDT_Byte,
                                              0, 0) != CE_None)
            return;
}

// XYZ tiles (z/x/y.png, rows from the top) at zoom levels z0..z1 over a lon/lat box.
inline int writeXyzTiles(const std::string& root, int z0, int z1, double lon0, double lat0,
                         double lon1, double lat1, const SplitColours& colours) {
    GDALAllRegister();
    constexpr double kHalf = 20037508.342789244;
    auto tileX = [](double lon, int z) {
        return static_cast<int>(std::floor((lon + 180.0) / 360.0 * std::pow(2.0, z)));
    };
    auto tileY = [](double lat, int z) {
        const double r = lat * M_PI / 180.0;
        return static_cast<int>(
            std::floor((1.0 - std::asinh(std::tan(r)) / M_PI) / 2.0 * std::pow(2.0, z)));
    };
    int written = 0;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
    for (int z = z0; z <= z1; ++z) {
        const double size = 2 * kHalf / std::pow(2.0, z);
        for (int x = tileX(lon0, z); x <= tileX(lon1, z); ++x)
            for (int y = tileY(lat1, z); y <= tileY(lat0, z); ++y) {
                GDALDataset* ds = mem->Create("", 256, 256, 3, GDT_Byte, nullptr);
                double gt[6] = {-kHalf + x * size, size / 256, 0, kHalf - y * size, 0, -size / 256};
                ds->SetGeoTransform(gt);
                paintSplit(*ds, colours);
                const auto dir =
                    std::filesystem::path(root) / std::to_string(z) / std::to_string(x);
                std::filesystem::create_directories(dir);
                GDALDataset* out = png->CreateCopy((dir / (std::to_string(y) + ".png")).c_str(), ds,
                                                   FALSE, nullptr, nullptr, nullptr);
                GDALClose(out);
                GDALClose(ds);
                ++written;
            }
    }
    return written;
}

// A raster file over a Web Mercator box painted with the split colours, written by a GDAL
// driver ("MBTiles", "GPKG", "GTiff"); `with_crs` false leaves the CRS out (GTiff).
inline bool writeSplitRaster(const std::string& path, const char* driver, double x0, double y0,
                             double x1, double y1, double pixel, const SplitColours& colours,
                             bool with_crs = true) {
    GDALAllRegister();
    const int w = static_cast<int>((x1 - x0) / pixel), h = static_cast<int>((y1 - y0) / pixel);
    GDALDataset* ds =
        GetGDALDriverManager()->GetDriverByName("MEM")->Create("", w, h, 3, GDT_Byte, nullptr);
    double gt[6] = {x0, pixel, 0, y1, 0, -pixel};
    ds->SetGeoTransform(gt);
    if (with_crs) {
        OGRSpatialReference srs;
        srs.importFromEPSG(3857);
        ds->SetSpatialRef(&srs);
    }
    paintSplit(*ds, colours);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    GDALDataset* out =
        drv ? drv->CreateCopy(path.c_str(), ds, FALSE, nullptr, nullptr, nullptr) : nullptr;
    const bool ok = out != nullptr;
    GDALClose(out);
    GDALClose(ds);
    return ok;
}

} // namespace sw::test
