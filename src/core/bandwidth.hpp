// Bandwidth (search radius) suggestions the UI and CLI can offer, each named and explained.
// Every rule works on the weighted points and returns a radius in metres for the chosen
// kernel; Gaussian-scale rules are turned into a radius by matching the kernel's per-axis
// standard deviation.
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"

#include <string>
#include <vector>

namespace sw {

enum class BandwidthRule {
    Fixed,       // the user's own radius
    ArcGis,      // ArcGIS Kernel Density's default
    Scott,       // Scott's rule of thumb
    LikelihoodCv // likelihood cross-validation (spatstat's bw.ppl)
};

struct BandwidthSuggestion {
    BandwidthRule rule;
    double radius_m = 0;
    std::string name;        // "ArcGIS default"
    std::string explanation; // one or two sentences for the UI and --help
};

// ArcGIS: 0.9 * min(SD, sqrt(1/ln 2) * Dm) * n^-0.2, with SD the weighted standard distance
// from the weighted mean centre, Dm the weighted median distance to it, n the total weight.
// ArcGIS uses the result as the radius whatever the kernel.
double arcgisDefaultRadius(const WeightedPoints& points);

// Scott: sigma = n^(-1/6) * sqrt((sd_x^2 + sd_y^2) / 2), as a radius for the kernel.
double scottRadius(const WeightedPoints& points, KernelShape kernel);

// Likelihood cross-validation with a Gaussian kernel (as spatstat's bw.ppl): the sigma that
// maximises sum_i log(leave-out density at x_i) over candidates between the median nearest
// neighbour distance and the standard distance. Points at the same location are left out
// together (police.uk snaps incidents to shared map points, which would otherwise drive
// sigma to zero). Returned as a radius for the kernel.
Result<double> likelihoodCvRadius(const WeightedPoints& points, KernelShape kernel);

// The radius with the same per-axis standard deviation as a Gaussian of this sigma.
double radiusForSigma(double sigma, KernelShape kernel);

// All rules for the data (Fixed carries `fixed_radius_m`).
std::vector<BandwidthSuggestion> suggestBandwidths(const WeightedPoints& points, KernelShape kernel,
                                                   double fixed_radius_m);

} // namespace sw
