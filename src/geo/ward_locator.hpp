// Assigns incidents to wards: a Boost.Geometry R-tree over ward part bounds finds the
// candidates, GEOS prepared geometries decide (boundary points go to the lowest ward index).
#pragma once

#include "core/progress.hpp"
#include "core/wards.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace sw::geo {

class WardLocator {
  public:
    explicit WardLocator(const WardSet& wards);
    ~WardLocator();

    // ward[i] = index of the ward holding (x[i], y[i]), or kOutsideWards. Parallel over
    // `threads` threads (each with its own GEOS context); same result for any count.
    void assign(const double* x, const double* y, std::int32_t* ward, std::size_t n,
                unsigned threads, Progress* progress = nullptr) const;
    // One point (slow path for UI hover and tests).
    std::int32_t locate(double x, double y) const;
    // Indices of the wards whose interior a shape overlaps (a shared edge alone does not count).
    std::vector<std::int32_t> wardsIntersecting(const MultiPolygon& shape) const;

  private:
    struct Index;
    const WardSet& wards_;
    std::unique_ptr<Index> index_;
};

} // namespace sw::geo
