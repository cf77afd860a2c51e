// PROJ-based coordinate transforms and working-CRS choice.
#include "geo/crs_transform.hpp"

#include "core/parallel.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>

namespace sw::geo {

struct CrsTransform::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
    ~Impl() {
        if (pj)
            proj_destroy(pj);
        if (ctx)
            proj_context_destroy(ctx);
    }
};

namespace {

std::unique_ptr<CrsTransform::Impl> makeImpl(const std::string& src, const std::string& dst,
                                             std::string& error) {
    auto impl = std::make_unique<CrsTransform::Impl>();
    impl->ctx = proj_context_create();
    proj_log_level(impl->ctx, PJ_LOG_NONE);
    PJ* p = proj_create_crs_to_crs(impl->ctx, src.c_str(), dst.c_str(), nullptr);
    if (!p) {
        error = proj_context_errno_string(impl->ctx, proj_context_errno(impl->ctx));
        return nullptr;
    }
    impl->pj = proj_normalize_for_visualization(impl->ctx, p);
    proj_destroy(p);
    if (!impl->pj) {
        error = "PROJ could not normalise the axis order";
        return nullptr;
    }
    return impl;
}

void run(PJ* pj, double* x, double* y, std::size_t n) {
    proj_trans_generic(pj, PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0,
                       nullptr, 0, 0);
}

} // namespace

Result<CrsTransform> CrsTransform::create(const std::string& source, const std::string& target) {
    std::string error;
    auto impl = makeImpl(source, target, error);
    if (!impl)
        return Error{"no transform from '" + source + "' to '" + target + "': " + error};
    CrsTransform t;
    t.impl_ = std::move(impl);
    t.source_ = source;
    t.target_ = target;
    return t;
}

CrsTransform::~CrsTransform() = default;
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;

void CrsTransform::transform(double* x, double* y, std::size_t n) const {
    run(impl_->pj, x, y, n);
}

void CrsTransform::transformParallel(double* x, double* y, std::size_t n, unsigned threads,
                                     Progress* progress) const {
    constexpr std::size_t kChunk = 1 << 16;
    if (threads <= 1 || n <= kChunk) {
        for (std::size_t b = 0; b < n; b += kChunk) {
            const std::size_t e = std::min(n, b + kChunk);
            run(impl_->pj, x + b, y + b, e - b);
            if (progress)
                progress->add(e - b);
        }
        return;
    }
    // One PROJ context and operation per thread: PJ objects are not thread-safe.
    std::vector<std::unique_ptr<Impl>> per_thread(threads);
    std::string error;
    for (auto& p : per_thread)
        p = makeImpl(source_, target_, error);
    parallelChunks(n, kChunk, threads, [&](std::size_t b, std::size_t e, std::size_t c) {
        const Impl* impl = per_thread[c % threads].get();
        run(impl ? impl->pj : impl_->pj, x + b, y + b, e - b);
        if (progress)
            progress->add(e - b);
    });
}

std::string chooseWorkingCrs(double lon, double lat) {
    const bool northern_ireland = lon < -5.4 && lat > 53.9 && lat < 55.4;
    if (lon >= -8.8 && lon <= 2.0 && lat >= 49.8 && lat <= 61.0 && !northern_ireland)
        return "EPSG:27700";
    int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    return "EPSG:" + std::to_string((lat >= 0 ? 32600 : 32700) + zone);
}

Status checkProjectedCrs(const std::string& crs) {
    PJ_CONTEXT* ctx = proj_context_create();
    proj_log_level(ctx, PJ_LOG_NONE);
    PJ* p = proj_create(ctx, crs.c_str());
    Status st = okStatus();
    if (!p) {
        st = Error{"PROJ does not know the CRS '" + crs + "'"};
    } else {
        const auto type = proj_get_type(p);
        if (type != PJ_TYPE_PROJECTED_CRS)
            st = Error{"the CRS '" + crs +
                       "' is not a projected CRS; choose one in metres, e.g. EPSG:27700"};
        proj_destroy(p);
    }
    proj_context_destroy(ctx);
    return st;
}

std::string describeCrs(const std::string& crs) {
    PJ_CONTEXT* ctx = proj_context_create();
    proj_log_level(ctx, PJ_LOG_NONE);
    std::string out = crs;
    if (PJ* p = proj_create(ctx, crs.c_str())) {
        if (const char* name = proj_get_name(p))
            out = std::string(name) + " (" + crs + ")";
        proj_destroy(p);
    }
    proj_context_destroy(ctx);
    return out;
}

} // namespace sw::geo
